"""The municipality's cockpit: its standing (``standing.py``) with the lists behind the figures
(the current Digitalbündel, what is late or at risk) and maturity now and as planned."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from wandelwerk.assessments.models import AREA_KEYS, AssessmentStatus
from wandelwerk.core.charts.radar import radar
from wandelwerk.measures.models import Area, Measure, Status
from wandelwerk.overview.standing import UNFINISHED, Standing, standings
from wandelwerk.roadmap.models import Placement
from wandelwerk.roadmap.periods import HalfYear

# Rows of the "late or at risk" list and of the current bundle; the figures above count all.
SHOWN = 8
BUNDLE_SHOWN = 12


@dataclass(frozen=True)
class Step:
    """One step of the method and how far the municipality is with it."""

    title: str
    state: str  # "done", "open" or "todo"
    text: str
    url_name: str
    query: str = ""


@dataclass(frozen=True)
class Cockpit:
    standing: Standing
    half_year: HalfYear
    steps: list[Step]
    bundle: list[Placement]
    late: list[Measure]
    at_risk: list[Placement]
    maturity: list[tuple[str, float | None, float | None]]  # area name, now, projected
    chart: SafeString


def _steps(s: Standing, figures: Any) -> list[Step]:
    approved = s.checks.get(AssessmentStatus.APPROVED, 0)
    report = s.calendar.overdue or s.calendar.next_due
    return [
        Step(
            _("Bestandsaufnahme"),
            "done" if figures.org_units and figures.employees else "todo",
            _("%(units)d Organisationseinheiten, %(staff)d Beschäftigte, %(it)d IT-Verfahren")
            % {"units": figures.org_units, "staff": figures.employees, "it": figures.it_systems},
            "organisation:index",
        ),
        Step(
            _("DigiCheck"),
            "done" if approved else ("open" if s.checks else "todo"),
            _("%(approved)d freigegeben, %(open)d in Arbeit oder Prüfung")
            % {"approved": approved, "open": s.checks_open},
            "assessments:index",
        ),
        Step(
            _("Empfehlungen"),
            "open" if s.recommendations_open else ("done" if approved else "todo"),
            _("%(n)d Empfehlungen noch zu sichten") % {"n": s.recommendations_open},
            "measures:index",
            "?status=proposed&source=recommendation",
        ),
        Step(
            _("Umsetzungsplan"),
            "done" if s.decided else ("open" if s.plan_id else "todo"),
            (
                _("Basis „%(name)s“ vom Rat beschlossen") % {"name": s.baseline}
                if s.decided
                else _("noch kein Szenario beschlossen")
            ),
            "roadmap:index",
        ),
        Step(
            _("Bericht an den Rat"),
            "open" if s.calendar.overdue else ("done" if report else "todo"),
            (
                _("Umsetzungsbericht überfällig seit %(d)s") % {"d": f"{report:%d.%m.%Y}"}
                if s.calendar.overdue and report
                else _("nächster Umsetzungsbericht fällig am %(d)s") % {"d": f"{report:%d.%m.%Y}"}
                if report
                else _("kein Berichtskalender festgelegt")
            ),
            "reports:index",
        ),
    ]


def _lists(
    s: Standing, now: int, today: dt.date
) -> tuple[list[Placement], list[Measure], list[Placement]]:
    if s.plan_id is None:
        bundle: list[Placement] = []
        risky: list[Placement] = []
    else:
        placements = Placement.objects.filter(plan_id=s.plan_id).select_related("measure")
        bundle = list(
            placements.filter(start__lte=now, end__gte=now, measure__isnull=False).order_by(
                "area", "title"
            )[:BUNDLE_SHOWN]
        )
        risky = list(
            placements.filter(measure__status__in=UNFINISHED)
            .exclude(measure__deadline__lt=today)
            .filter(Q(measure__status=Status.DELAYED) | Q(end__lt=now) | Q(late=True))
            .order_by("end", "title")[:SHOWN]
        )
    late = list(
        Measure.objects.filter(status__in=UNFINISHED, deadline__lt=today)
        .select_related("org_unit")
        .order_by("deadline", "title")[:SHOWN]
    )
    return bundle, late, risky


def cockpit(municipality: Any, figures: Any, today: dt.date | None = None) -> Cockpit:
    today = today or dt.date.today()
    s = standings([municipality.pk], today)[municipality.pk]
    half_year = HalfYear.of(today)
    bundle, late, risky = _lists(s, half_year.ordinal, today)
    label = dict(Area.choices)
    maturity = [(str(label[a]), s.maturity.get(a), s.projected.get(a)) for a in AREA_KEYS]
    series = []
    if s.maturity:
        series.append(
            (_("jetzt (freigegebene DigiChecks)"), [m[1] for m in maturity], "#0b4f8a", False)
        )
    if s.projected:
        series.append((_("geplant am Ende des Plans"), [m[2] for m in maturity], "#b2182b", True))
    chart = (
        radar(
            [m[0] for m in maturity],
            series,
            title=_("Reifegrad je Handlungsfeld"),
            ident="cockpit-radar",
        )
        if series
        else SafeString("")
    )
    return Cockpit(s, half_year, _steps(s, figures), bundle, late, risky, maturity, chart)
