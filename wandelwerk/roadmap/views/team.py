"""The provider's team over every municipality: its days per skill and half-year, what the plans
claim, where they overbook it, and the provider-wide plan sharing it out. For the provider's
people only; a consultant sees the names of the municipalities assigned and "andere Kommunen"
for the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.core.editing import STALE_MESSAGE
from wandelwerk.core.forms import KernForm
from wandelwerk.measures.models import Skill
from wandelwerk.roadmap import logic, team, texts
from wandelwerk.roadmap.models import TeamCapacity, TeamPlan
from wandelwerk.roadmap.periods import HalfYear
from wandelwerk.roadmap.problem import SKILLS
from wandelwerk.tenants.queries import visible_municipalities, works_for_provider


def _field(skill: str, half_year: HalfYear) -> str:
    return f"d_{skill}_{half_year.ordinal}"


class CapacityForm(KernForm):
    """The team's days per skill and half-year, one number field each."""

    mark_optional = False

    def __init__(self, half_years: list[HalfYear], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.half_years = half_years
        for skill in SKILLS:
            for h in half_years:
                self.fields[_field(skill, h)] = forms.IntegerField(
                    label=f"{Skill(skill).label}, {h.label}",
                    min_value=0,
                    max_value=100_000,
                    required=False,
                )
                self.fields[_field(skill, h)].widget.attrs.update(
                    {
                        "aria-label": f"{Skill(skill).label}, {h.label}",
                        "class": "kern-form-input__input ww-days",
                    }
                )

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "label": Skill(skill).label,
                "fields": [self[_field(skill, h)] for h in self.half_years],
            }
            for skill in SKILLS
        ]

    def days(self) -> dict[tuple[str, int], int | None]:
        """None where the field was left empty: not recorded."""
        return {
            (skill, h.ordinal): self.cleaned_data.get(_field(skill, h))
            for skill in SKILLS
            for h in self.half_years
        }


class TeamView(LoginRequiredMixin, TemplateView):
    """GET: the team page. POST ``action=capacity`` records days, ``action=plan`` runs the
    provider-wide plan (provider admins only)."""

    template_name = "roadmap/team.html"
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not works_for_provider(request.user):
            raise PermissionDenied
        self.half_years = team.window(timezone.localdate())
        self.admin = request.user.has_perm("tenants.manage_municipalities")
        response: HttpResponseBase = super().dispatch(request, *args, **kwargs)
        return response

    def names(self) -> dict[int, str]:
        """Municipality id → name for the municipalities this user may see."""
        return dict(visible_municipalities(self.request.user).values_list("pk", "name"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        names = self.names()
        today = timezone.localdate()
        current = team.load(today)
        if "form" not in context:
            context["form"] = CapacityForm(
                self.half_years,
                initial={
                    _field(s, h): current.capacity[s].get(h.ordinal)
                    for s in SKILLS
                    for h in self.half_years
                },
            )
        context.update(
            {
                "breadcrumbs": [{"label": _("Team des IT-Dienstleisters")}],
                "load": current,
                "rows": [
                    {"label": Skill(skill).label, "cells": cells}
                    for skill, cells in current.rows.items()
                ],
                "names": names,
                "others": team.OTHERS,
                "overbooked": [
                    {
                        "cell": cell,
                        "decided": team.named(
                            [c.municipality_id for c, _d in cell.users if c.decided], names
                        ),
                        "waiting": team.named([c.municipality_id for c in cell.giving_way], names),
                    }
                    for cell in current.overbooked
                ],
                "team_plan": _team_plan(names),
                "admin": self.admin,
                "stand": team.stand(current.capacity),
                "recorded": TeamCapacity.objects.exists(),
            }
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.admin:
            raise PermissionDenied
        if request.POST.get("action") == "replan":
            latest = TeamPlan.objects.order_by("-created_at", "-id").first()
            if latest is None or request.POST.get("team_plan") != str(latest.pk):
                messages.error(
                    request, _("Inzwischen gibt es einen neueren Teamplan; bitte prüfen.")
                )
                return redirect("team")
            queued = logic.replan_within_team(actor=request.user, team_plan=latest)
            messages.success(
                request,
                _(
                    "%(n)s Planungen gestartet; ihr Fortschritt steht bei der jeweiligen Kommune "
                    "unter „Aufträge“."
                )
                % {"n": queued},
            )
            return redirect("team")
        if request.POST.get("action") == "plan":
            result = logic.plan_team(actor=request.user, today=timezone.localdate())
            messages.success(
                request, _("Teamplan berechnet (%(s)s s).") % {"s": f"{result.seconds:.1f}"}
            )
            return redirect("team")
        form = CapacityForm(self.half_years, request.POST)
        if form.is_valid():
            if request.POST.get("_stand") != team.stand(team.capacity(self.half_years)):
                form.add_error(None, STALE_MESSAGE)
            else:
                logic.save_team_capacity(actor=request.user, days=form.days())
                messages.success(request, _("Die Tage des Teams sind gespeichert."))
                return redirect("team")
        return self.render_to_response(self.get_context_data(form=form))


def _team_plan(names: dict[int, str]) -> dict[str, Any] | None:
    """The latest provider-wide plan as the page shows it: per municipality what it wished and
    what it got; only the municipalities this user may see by name, the rest summed up."""
    plan = TeamPlan.objects.order_by("-created_at", "-id").first()
    if plan is None:
        return None
    rows, rest = [], {"wished": 0, "allocated": 0, "unserved": 0, "delay": 0}
    for key, share in plan.result.get("shares", {}).items():
        wished = sum(sum(v) for v in share["wished"].values())
        allocated = sum(sum(v) for v in share["allocated"].values())
        row = {
            "wished": wished,
            "allocated": allocated,
            "unserved": share["unserved"],
            "delay": share["delay"],
        }
        if int(key) in names:
            rows.append(
                {
                    **row,
                    "name": names[int(key)],
                    "decided": share["decided"],
                    "skills": _per_half_year(share, plan),
                }
            )
        else:
            for name in rest:
                rest[name] += row[name]
    rows.sort(key=lambda r: (-r["delay"], r["name"]))
    return {
        "plan": plan,
        "quality": texts.quality_text(plan.status, plan.gap),
        "rows": rows,
        "rest": rest if any(rest.values()) else None,
    }


def _per_half_year(share: dict[str, Any], plan: TeamPlan) -> list[dict[str, Any]]:
    """Per skill the plan wished for: wished and allocated days in each half-year."""
    return [
        {
            "label": Skill(skill).label,
            "cells": list(zip(share["wished"][skill], share["allocated"][skill], strict=True)),
        }
        for skill in SKILLS
        if any(share["wished"].get(skill, []))
    ]
