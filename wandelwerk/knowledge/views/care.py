"""Keeping the knowledge base alive: overdue reviews, articles of people who leave, settings."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wandelwerk.knowledge import logic, queries
from wandelwerk.knowledge.forms import HandOverForm, OverdueFilterForm, SettingsForm
from wandelwerk.knowledge.models import KnowledgeSettings
from wandelwerk.knowledge.risk.queries import exit_units
from wandelwerk.organisation.forms import members
from wandelwerk.organisation.logic import record_personal_data_read
from wandelwerk.organisation.models import Employee
from wandelwerk.tenants.views import MunicipalityMixin, ObjectFormView


class OverdueView(MunicipalityMixin, TemplateView):
    """„Überfällige Prüfungen“: articles past their review date, by owner (or by unit)."""

    permission_required = "knowledge.change"
    page_title = gettext_lazy("Überfällige Prüfungen")
    template_name = "knowledge/overdue.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        form = OverdueFilterForm(self.request.GET or None)
        found = queries.overdue(today)
        by_unit = False
        if form.is_valid():
            found = form.filter(found)
            by_unit = form.cleaned_data.get("gruppierung") == "einheit"
        rows = list(found)
        if by_unit:
            pairs = sorted(
                (
                    (unit, article)
                    for article in rows
                    for unit in (article.org_units.all() or [None])
                ),
                key=lambda pair: (pair[0] is None, pair[0].code if pair[0] else ""),
            )
            groups = [
                (unit or _("ohne Einheit"), [a for _u, a in items])
                for unit, items in groupby(pairs, key=lambda p: p[0])
            ]
        else:
            ordered = sorted(
                rows,
                key=lambda a: (
                    a.owner.get_full_name() or a.owner.username,
                    a.owner_id,
                    a.next_review,
                ),
            )
            groups = [
                (owner, list(items)) for owner, items in groupby(ordered, key=lambda a: a.owner)
            ]
        context |= {
            "orphaned": list(queries.orphaned()),
            "filter_form": form,
            "groups": groups,
            "total": len(rows),
            "today": today,
            "by_unit": by_unit,
        }
        return context


class LeaversView(MunicipalityMixin, TemplateView):
    """Articles whose owner or deputy leaves within 12 months, to be handed to a successor
    before the exit. Who leaves when is personal data: HR (the right to it) sees every unit, a
    unit head the units HR granted; every read is audited."""

    permission_required = "knowledge.view"
    page_title = gettext_lazy("Übergabe von Artikeln")
    template_name = "knowledge/leavers.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        allowed = exit_units(
            self.request.user, personal=self.can("organisation.view_personal_data")
        )
        if allowed is not None and not allowed:
            raise PermissionDenied
        leavers = [
            x
            for x in queries.leavers(self.municipality, timezone.localdate())
            if allowed is None or x.employee.org_unit_id in allowed
        ]
        record_personal_data_read(
            actor=self.request.user,
            employees=[x.employee for x in leavers],
            context="Übergabe von Artikeln",
        )
        context |= {
            "leavers": leavers,
            "people": list(members()),  # one list for every leaver's choice of successor
            "can_hand_over": self.can("knowledge.change"),
        }
        return context


class HandOverView(MunicipalityMixin, FormView):
    """POST: all articles of one leaver go to the named successor."""

    permission_required = "knowledge.change"
    form_class = HandOverForm
    http_method_names = ["post"]

    def has_permission(self) -> bool:
        if not super().has_permission():
            return False
        allowed = exit_units(
            self.request.user, personal=self.can("organisation.view_personal_data")
        )
        if allowed is None:
            return True
        units = Employee.objects.filter(user_id=self.kwargs["user_pk"]).values_list(
            "org_unit_id", flat=True
        )
        return bool(allowed & set(units))

    def get_form_kwargs(self) -> dict[str, Any]:
        self.leaver = get_object_or_404(members(), pk=self.kwargs["user_pk"])
        return {**super().get_form_kwargs(), "prefix": f"p{self.leaver.pk}", "leaver": self.leaver}

    def form_valid(self, form: HandOverForm) -> HttpResponse:
        held = queries.articles(editor=True).filter(queries.owned_by(self.leaver))
        try:
            count = logic.hand_over(
                actor=self.request.user,
                articles=held,
                leaver=self.leaver,
                successor=form.cleaned_data["successor"],
            )
        except ValidationError as exc:
            messages.error(self.request, " ".join(exc.messages))
        else:
            messages.success(
                self.request,
                _("%(n)s Artikel übergeben an %(who)s.")
                % {"n": count, "who": form.cleaned_data["successor"]},
            )
        return redirect(self.success())

    def form_invalid(self, form: HandOverForm) -> HttpResponse:
        messages.error(
            self.request,
            _("Bitte eine Nachfolge auswählen, die nicht die ausscheidende Person ist."),
        )
        return redirect(self.success())

    def success(self) -> str:
        return reverse("knowledge:leavers", args=[self.municipality.slug])


class SettingsView(ObjectFormView):
    """The municipality's rules for its knowledge base (four-eyes approval)."""

    model = KnowledgeSettings
    form_class = SettingsForm
    list_url_name = "knowledge:index"
    permission_required = "knowledge.configure"

    def load_object(self) -> KnowledgeSettings:
        return queries.knowledge_settings()

    def get_heading(self) -> str:
        return _("Einstellungen der Wissensdatenbank")

    def get_cancel_url(self) -> str:
        return self.list_url()

    def save(self, form: SettingsForm) -> KnowledgeSettings:
        return logic.save_settings(
            actor=self.request.user, **{name: form.cleaned_data[name] for name in logic.SETTINGS}
        )

    def get_success_url(self) -> str:
        return reverse("knowledge:settings", args=[self.municipality.slug])
