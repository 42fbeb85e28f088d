"""The provider's portfolio: every municipality the user may open with where it stands, filtered
by size class, Kreis and consultant, sorted by any column, and as an XLSX export."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wandelwerk.assessments.models import AREA_KEYS
from wandelwerk.core.forms import KernForm
from wandelwerk.measures.models import Area
from wandelwerk.overview.standing import PROMISED_HALF_YEARS, Standing, standings
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.tenants.models import Membership, Municipality, SizeClass
from wandelwerk.tenants.queries import visible_municipalities, works_for_provider
from wandelwerk.tenants.roles import Role

# Column heads for the four areas, short enough for a table of every municipality.
SHORT_AREA = {
    "change": "Change",
    "knowledge": "Wissen",
    "process": "Prozesse",
    "digital": "Digital",
}


@dataclass(frozen=True)
class Row:
    municipality: Municipality
    standing: Standing
    consultants: list[str]
    promised: list[int]  # provider days per shown half-year

    @property
    def maturity(self) -> list[float | None]:
        return [self.standing.maturity.get(a) for a in AREA_KEYS]


SORTS: dict[str, Callable[[Row], Any]] = {
    "name": lambda r: r.municipality.name.lower(),
    "population": lambda r: r.municipality.population,
    "kreis": lambda r: r.municipality.kreis.lower(),
    **{f"maturity_{a}": (lambda key: lambda r: r.standing.maturity.get(key))(a) for a in AREA_KEYS},
    "baseline": lambda r: r.standing.baseline_on,
    "bundle": lambda r: r.standing.bundle.share,
    "late": lambda r: r.standing.late + r.standing.at_risk,
    "reviews": lambda r: r.standing.reviews_due,
    "handovers": lambda r: r.standing.handovers_due,
    "report": lambda r: r.standing.calendar.overdue or r.standing.calendar.next_due,
    "promised": lambda r: sum(r.standing.promised.values()),
    "ozg": lambda r: r.standing.ozg_share,
}


class PortfolioFilter(KernForm):
    mark_optional = False
    size_class = forms.ChoiceField(
        label=gettext_lazy("Größenklasse"),
        choices=[("", gettext_lazy("alle")), *SizeClass.choices],
        required=False,
    )
    kreis = forms.ChoiceField(label=gettext_lazy("Kreis"), required=False)
    consultant = forms.TypedChoiceField(
        label=gettext_lazy("Beratung"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args: Any, kreise: list[str], consultants: dict[int, str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["kreis"].choices = [("", _("alle")), *((k, k) for k in kreise)]  # type: ignore[attr-defined]
        if consultants:
            self.fields["consultant"].choices = [  # type: ignore[attr-defined]
                ("", _("alle")),
                *sorted(consultants.items(), key=lambda kv: kv[1]),
            ]
        else:
            del self.fields["consultant"]


def _consultants(ids: list[int]) -> tuple[dict[int, list[int]], dict[int, str]]:
    """Municipality → assigned consultants' user ids, and user id → name."""
    assigned: dict[int, list[int]] = defaultdict(list)
    names: dict[int, str] = {}
    user_model = get_user_model()
    rows = Membership.objects.filter(municipality_id__in=ids, role=Role.CONSULTANT).values_list(
        "municipality_id", "user_id"
    )
    pairs = list(rows)
    users = user_model.objects.filter(pk__in={u for _m, u in pairs})
    for user in users:
        names[user.pk] = user.get_full_name() or user.get_username()
    for mid, uid in pairs:
        assigned[mid].append(uid)
    return assigned, names


@dataclass(frozen=True)
class Portfolio:
    rows: list[Row]
    form: PortfolioFilter
    half_years: list[HalfYear]
    areas: list[tuple[str, str]]
    provider_view: bool
    sort: str
    total: int


def portfolio(user: Any, data: Any, today: dt.date | None = None) -> Portfolio:
    today = today or dt.date.today()
    visible: QuerySet[Municipality] = visible_municipalities(user).order_by("name")
    municipalities = list(visible)
    ids = [m.pk for m in municipalities]
    provider_view = works_for_provider(user)
    assigned, names = _consultants(ids) if provider_view else ({}, {})
    form = PortfolioFilter(
        data,
        kreise=sorted({m.kreis for m in municipalities if m.kreis}),
        consultants=names,
    )
    chosen = form.cleaned_data if form.is_valid() else {}
    if chosen.get("size_class"):
        municipalities = [m for m in municipalities if m.size_class == chosen["size_class"]]
    if chosen.get("kreis"):
        municipalities = [m for m in municipalities if m.kreis == chosen["kreis"]]
    if chosen.get("consultant"):
        municipalities = [m for m in municipalities if chosen["consultant"] in assigned[m.pk]]
    found = standings([m.pk for m in municipalities], today)
    first = HalfYear.of(today)
    half_years = [first.shift(i) for i in range(PROMISED_HALF_YEARS)]
    rows = [
        Row(
            m,
            found[m.pk],
            sorted(names[u] for u in assigned.get(m.pk, [])),
            [found[m.pk].promised.get(h.ordinal, 0) for h in half_years],
        )
        for m in municipalities
    ]
    sort = data.get("sort", "name")
    key = SORTS.get(sort.lstrip("-"))
    if key is None:
        sort, key = "name", SORTS["name"]
    # Rows without the value (no check, no plan, no calendar) stay last in either order.
    present = sorted((r for r in rows if key(r) is not None), key=key, reverse=sort[0] == "-")
    rows = present + [r for r in rows if key(r) is None]
    return Portfolio(
        rows=rows,
        form=form,
        half_years=half_years,
        areas=[(a, SHORT_AREA[a]) for a in AREA_KEYS],
        provider_view=provider_view,
        sort=sort,
        total=len(ids),
    )


def export_rows(found: Portfolio) -> tuple[list[str], list[list[Any]]]:
    """The portfolio as a sheet: the same columns as the page, figures as numbers."""
    headers = [
        _("Kommune"),
        _("Einwohner"),
        _("Größenklasse"),
        _("Kreis"),
        *(_("Reifegrad %(area)s") % {"area": dict(Area.choices)[k]} for k, _n in found.areas),
        _("Basis beschlossen am"),
        _("Bündel erledigt (%)"),
        _("Frist verstrichen"),
        _("gefährdet"),
        _("Prüfungen fällig"),
        _("Übergaben fällig"),
        _("nächster Bericht"),
        _("Bericht überfällig seit"),
        *(_("Beratertage %(h)s") % {"h": h.label} for h in found.half_years),
        _("OZG-konform (%)"),
    ]
    if found.provider_view:
        headers.append(_("Beratung"))
    rows = []
    for row in found.rows:
        s = row.standing
        line: list[Any] = [
            row.municipality.name,
            row.municipality.population,
            row.municipality.get_size_class_display(),
            row.municipality.kreis,
            *(round(v, 1) if v is not None else None for v in row.maturity),
            s.baseline_on,
            round(s.bundle.share) if s.bundle.share is not None else None,
            s.late,
            s.at_risk,
            s.reviews_due,
            s.handovers_due,
            s.calendar.next_due,
            s.calendar.overdue,
            *row.promised,
            round(s.ozg_share, 1) if s.ozg_share is not None else None,
        ]
        if found.provider_view:
            line.append(", ".join(row.consultants))
        rows.append(line)
    return headers, rows
