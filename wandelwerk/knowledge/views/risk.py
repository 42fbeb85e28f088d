"""Knowledge-loss risk: the matrix and ranked list, rating a unit, one person's history, the
hand-over measures and HR's grants to unit heads. Who leaves when is personal data: HR (the
right to it) sees every unit, a unit head only the units HR granted; every read is audited."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from wandelwerk.knowledge.models import POSITION_FACTORS, ExitDataGrant, RiskRating
from wandelwerk.knowledge.queries import knowledge_settings
from wandelwerk.knowledge.risk import logic, queries, scales
from wandelwerk.organisation.forms import members
from wandelwerk.organisation.logic import record_personal_data_read
from wandelwerk.organisation.models import Employee, OrgUnit
from wandelwerk.organisation.queries import headed_units
from wandelwerk.tenants.views import MunicipalityMixin


class RiskView(MunicipalityMixin, TemplateView):
    permission_required = "knowledge.view"
    page_title = gettext_lazy("Wissensverlustrisiko")
    template_name = "knowledge/risk.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        unit = request.GET.get("bewerten", "")  # the unit chosen to rate (a long list's form)
        if unit.isdigit():
            return redirect("knowledge:risk_rate", self.municipality.slug, int(unit))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        personal = self.can("organisation.view_personal_data")
        allowed = queries.exit_units(self.request.user, personal=personal)
        rateable = self.rateable()
        if allowed is not None and not allowed:
            if not rateable:  # neither a grant nor a unit to rate
                raise PermissionDenied
            context |= {
                "sees_exits": False,
                "rateable": rateable,
                "handovers": queries.open_handovers({u.pk for u in rateable}),
            }
            return context
        chosen = self.request.GET.get("einheit", "")
        units: set[int] | None = allowed
        if chosen.isdigit() and (allowed is None or int(chosen) in allowed):
            units = {int(chosen)}
        found = queries.rows(self.municipality, timezone.localdate(), units)
        # The highest risks first, a page at a time; the matrix counts everyone chosen.
        page = Paginator(found, settings.PAGE_SIZE).get_page(self.request.GET.get("page"))
        shown = list(page.object_list)
        record_personal_data_read(
            actor=self.request.user,
            employees=[r.employee for r in shown],
            context="Wissensverlustrisiko",
        )
        config = knowledge_settings()
        choices = OrgUnit.objects.order_by("code").only("code", "name")  # for the select only
        context |= {
            "sees_exits": True,
            "rows": shown,
            "page_obj": page,
            "querystring": urlencode({"einheit": chosen}) if chosen else "",
            "matrix": list(zip(range(5, 0, -1), queries.matrix(found), strict=True)),
            "high": config.risk_high,
            "medium": config.risk_medium,
            "levels": {
                r.employee.pk: scales.level(r.total, config.risk_high, config.risk_medium)
                for r in shown
                if r.total
            },
            "unit_choices": choices if allowed is None else choices.filter(pk__in=allowed),
            "chosen": chosen,
            "can_create": self.can("organisation.change_personal_data"),
            "rateable": rateable,
        }
        return context

    def rateable(self) -> list[OrgUnit]:
        """The units whose position factors the user sets: all for HR, else those they head."""
        if not self.can("knowledge.change"):
            return []
        units = OrgUnit.objects.order_by("code").only("code", "name")  # named and linked only
        if self.can("organisation.view_personal_data"):
            return list(units)
        return list(units.filter(pk__in=headed_units(self.request.user)))


def _stand(employees: list[Employee], latest: dict[int, Any]) -> str:
    """A digest of the ratings the form showed, to refuse a stale save."""
    ids = [str(latest[e.pk].pk) if e.pk in latest else "-" for e in employees]
    return hashlib.sha256(",".join(ids).encode()).hexdigest()[:16]


class RateView(MunicipalityMixin, TemplateView):
    """The position factor of each person of one unit (no exit dates here): for HR and for the
    unit's head."""

    permission_required = "knowledge.view"
    template_name = "knowledge/risk_rate.html"
    page_title = gettext_lazy("Positionsfaktoren bewerten")

    def load(self) -> tuple[OrgUnit, list[Employee], dict[int, Any]]:
        unit = get_object_or_404(OrgUnit, pk=self.kwargs["pk"])
        hr = self.can("organisation.view_personal_data")
        if not (hr or unit.pk in headed_units(self.request.user)) or not self.can(
            "knowledge.change"
        ):
            raise PermissionDenied
        staff = list(
            Employee.objects.filter(org_unit=unit)
            .select_related("user")
            .order_by("personnel_number")
        )
        latest: dict[int, Any] = {}
        ratings = RiskRating.objects.filter(employee__in=staff)
        for rating in ratings.order_by("employee_id", "-rated_at", "-id"):
            latest.setdefault(rating.employee_id, rating)
        return unit, staff, latest

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        unit, staff, latest = self.load()
        context |= {
            "unit": unit,
            "staff": [(e, latest.get(e.pk)) for e in staff],
            "factors": POSITION_FACTORS,
            "stand": _stand(staff, latest),
            "stale": kwargs.get("stale", False),
        }
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        unit, staff, latest = self.load()
        if request.POST.get("_stand") != _stand(staff, latest):
            messages.error(
                request,
                _(
                    "Inzwischen hat jemand anderes bewertet. Bitte prüfen Sie die aktuellen Werte und speichern Sie erneut."
                ),
            )
            return self.render_to_response(self.get_context_data(stale=True))
        changed = 0
        for employee in staff:
            raw = request.POST.get(f"f{employee.pk}", "")
            note = request.POST.get(f"n{employee.pk}", "")[:300]
            if not raw:
                continue
            if not raw.isdigit() or int(raw) not in range(1, 6):
                messages.error(request, _("Ungültiger Positionsfaktor."))
                return self.render_to_response(self.get_context_data())
            old = latest.get(employee.pk)
            if old is None or (old.position_factor, old.note) != (int(raw), note.strip()):
                logic.rate(
                    actor=request.user, employee=employee, position_factor=int(raw), note=note
                )
                changed += 1
        messages.success(request, _("%(n)s Bewertung(en) gespeichert.") % {"n": changed})
        return redirect(reverse("knowledge:risk_rate", args=[self.municipality.slug, unit.pk]))


class HistoryView(MunicipalityMixin, TemplateView):
    permission_required = "knowledge.view"
    template_name = "knowledge/risk_history.html"
    page_title = gettext_lazy("Verlauf der Bewertungen")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        employee = get_object_or_404(
            Employee.objects.select_related("org_unit", "user"), pk=self.kwargs["pk"]
        )
        allowed = queries.exit_units(
            self.request.user, personal=self.can("organisation.view_personal_data")
        )
        if allowed is not None and employee.org_unit_id not in allowed:
            raise PermissionDenied
        record_personal_data_read(
            actor=self.request.user, employees=[employee], context="Verlauf der Risikobewertung"
        )
        context |= {"employee": employee, "ratings": queries.history(employee)}
        return context


class CreateHandOversView(MunicipalityMixin, View):
    """POST: a hand-over measure for every high risk that has none yet (HR)."""

    permission_required = "organisation.change_personal_data"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        made = logic.create_handovers(actor=request.user)
        compressed = sum(h.compressed for h in made)
        text = _("%(n)s Übergabemaßnahme(n) angelegt; der Fahrplan plant sie mit ihrer Frist.") % {
            "n": len(made)
        }
        if compressed:
            text += " " + _("%(n)s davon mit kurzer Vorlaufzeit im frühesten Halbjahr.") % {
                "n": compressed
            }
        messages.success(request, text)
        return redirect(reverse("knowledge:risk", args=[self.municipality.slug]))


class GrantsView(MunicipalityMixin, TemplateView):
    """HR lets unit heads see who leaves when in their units."""

    permission_required = "organisation.change_personal_data"
    template_name = "knowledge/grants.html"
    page_title = gettext_lazy("Freigaben für Einheitsleitungen")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context |= {
            "grants": ExitDataGrant.objects.select_related(
                "org_unit", "user", "granted_by"
            ).order_by("org_unit__code"),
            "units": OrgUnit.objects.select_related("head_user").order_by("code"),
            "people": members(),
        }
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "entziehen" in request.POST:
            found = get_object_or_404(
                ExitDataGrant,
                pk=request.POST["entziehen"] if request.POST["entziehen"].isdigit() else 0,
            )
            logic.revoke(actor=request.user, grant=found)
            messages.success(request, _("Freigabe entzogen."))
        else:
            raw_unit, raw_user = request.POST.get("einheit", ""), request.POST.get("person", "")
            unit = OrgUnit.objects.filter(pk=int(raw_unit)).first() if raw_unit.isdigit() else None
            user = members().filter(pk=int(raw_user)).first() if raw_user.isdigit() else None
            if unit is None or user is None:
                messages.error(request, _("Bitte eine Einheit und eine Person wählen."))
                return redirect(reverse("knowledge:grants", args=[self.municipality.slug]))
            logic.grant(actor=request.user, unit=unit, user=user)
            messages.success(
                request,
                _("%(who)s sieht jetzt die Austritte in %(unit)s.") % {"who": user, "unit": unit},
            )
        return redirect(reverse("knowledge:grants", args=[self.municipality.slug]))
