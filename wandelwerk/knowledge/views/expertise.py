"""The Wissenslandkarte: who knows what, „Wer weiß etwas über …?“, and the entries."""

from __future__ import annotations

from functools import partial
from itertools import groupby
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wandelwerk.core.xlsx import xlsx_response
from wandelwerk.knowledge import logic, queries, search
from wandelwerk.knowledge.forms import ExpertiseFilterForm, ExpertiseForm, person
from wandelwerk.knowledge.models import Expertise
from wandelwerk.tenants.views import MunicipalityMixin, ObjectDeleteView, ObjectFormView

EXPORT_HEADERS = [
    "Einheit",
    "Person",
    "Art",
    "Gegenstand",
    "Kenntnisstand",
    "dokumentiert",
    "Nachfolge",
    "nur eine Person",
]


class ExpertiseMapView(MunicipalityMixin, TemplateView):
    """By unit: who knows which topic, service or IT system; what only one person knows is
    flagged. With search words: the people, articles and services for them."""

    permission_required = "knowledge.view"
    page_title = gettext_lazy("Wissenslandkarte")
    template_name = "knowledge/expertise_map.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ExpertiseFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        query = data.get("q", "")
        rows = list(
            queries.who_knows(query) if query else queries.expertise_rows(unit=data.get("unit"))
        )
        if query and data.get("unit"):
            rows = [r for r in rows if r.employee.org_unit_id == data["unit"].pk]
        single = queries.single_holders(rows if not query else list(queries.expertise_rows()))
        if request.GET.get("export") == "xlsx":
            return xlsx_response(
                "wissenslandkarte", EXPORT_HEADERS, (self.export_row(r, single) for r in rows)
            )
        context = self.get_context_data(
            filter_form=form, query=query, single=single, total=len(rows)
        )
        if query:
            context["rows"] = rows
            editor = self.can("knowledge.change")
            context["articles"] = search.search(
                query,
                queries.search_scope(editor=editor),
                shown=partial(queries.shown_articles, editor=editor),
                limit=5,
            )
        else:
            context["units"] = [
                (unit, list(items))
                for unit, items in groupby(rows, key=lambda r: r.employee.org_unit)
            ]
        return self.render_to_response(context)

    @staticmethod
    def export_row(row: Expertise, single: set[Any]) -> list[Any]:
        alone = (row.employee.org_unit_id, queries.subject_key(row)) in single
        return [
            row.employee.org_unit.code, person(row.employee), row.subject_kind, str(row.subject),
            row.get_level_display(), "ja" if row.documented else "nein",
            person(row.successor) if row.successor else "", "ja" if alone else "nein",
        ]  # fmt: skip


class ExpertiseFormView(ObjectFormView):
    model = Expertise
    form_class = ExpertiseForm
    list_url_name = "knowledge:expertise"
    permission_required = "knowledge.change"

    def get_queryset(self) -> Any:
        return queries.expertise_rows()

    def get_success_url(self) -> str:
        return self.list_url() + f"?unit={self.object.employee.org_unit_id}"

    def get_cancel_url(self) -> str:
        return self.list_url()

    def save(self, form: ExpertiseForm) -> Expertise:
        data = form.cleaned_data
        return logic.save_expertise(
            actor=self.request.user,
            expertise=self.object,
            employee=data["employee"],
            topic_name=data["topic_name"],
            service=data["service"],
            it_system=data["it_system"],
            level=data["level"],
            documented=data["documented"],
            successor=data["successor"],
        )


class ExpertiseDeleteView(ObjectDeleteView):
    model = Expertise
    list_url_name = "knowledge:expertise"
    permission_required = "knowledge.change"

    def get_queryset(self) -> Any:
        return queries.expertise_rows()

    def delete(self, obj: Expertise) -> None:
        logic.delete_expertise(actor=self.request.user, expertise=obj)
