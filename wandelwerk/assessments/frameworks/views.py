"""The provider's frameworks ("Fragebögen"): list, copy, edit a draft, publish, export, delete.
Only provider admins; frameworks belong to the provider, not to a municipality."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from wandelwerk.assessments.frameworks import logic
from wandelwerk.assessments.frameworks.forms import (
    CopyForm,
    FrameworkForm,
    QuestionForm,
    WeightedForm,
)
from wandelwerk.assessments.frameworks.loader import file_name, framework_yaml
from wandelwerk.assessments.models import Area, Assessment, Criterion, Framework, Question
from wandelwerk.core.editing import Stale, refuse_stale, stand_context, unbound
from wandelwerk.tenants.views import ProviderAdminRequiredMixin


def _crumbs(*extra: dict[str, str]) -> list[dict[str, str]]:
    return [{"label": _("Fragebögen"), "url": reverse("frameworks:list")}, *extra]


class ListView(ProviderAdminRequiredMixin, TemplateView):
    template_name = "assessments/frameworks/list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["frameworks"] = Framework.objects.select_related("based_on").annotate(
            question_count=Count("areas__criteria__questions", distinct=True)
        )
        used = Assessment.objects.unscoped().values("framework").annotate(n=Count("id"))
        context["used"] = {row["framework"]: row["n"] for row in used}
        context["breadcrumbs"] = [{"label": _("Fragebögen")}]
        return context


class FrameworkMixin(ProviderAdminRequiredMixin):
    """A page of one framework (``pk`` in the URL)."""

    kwargs: dict[str, Any]
    framework: Framework

    def prepare(self) -> HttpResponseBase | None:
        self.framework = get_object_or_404(Framework, pk=self.kwargs["pk"])
        return None

    def edit_url(self) -> str:
        return reverse("frameworks:edit", args=[self.framework.pk])


class CopyView(FrameworkMixin, FormView):
    template_name = "assessments/frameworks/form.html"
    form_class = CopyForm

    def get_initial(self) -> dict[str, Any]:
        return {
            "name": _("%(name)s (angepasst)") % {"name": self.framework.name},
            "key": f"{self.framework.key}-angepasst",
            "version": "1.0",
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["title"] = _("„%(framework)s“ kopieren") % {"framework": self.framework}
        context["intro"] = _(
            "Die Kopie ist ein Entwurf: Sie können Fragen, Stufentexte, Gewichte und die "
            "Anwendbarkeit ändern und ihn danach veröffentlichen. Das Original bleibt unverändert."
        )
        context["submit"] = _("Kopie anlegen")
        context["cancel"] = reverse("frameworks:list")
        context["breadcrumbs"] = _crumbs({"label": _("Kopieren")})
        return context

    def form_valid(self, form: CopyForm) -> HttpResponse:
        try:
            copy = logic.copy_framework(
                actor=self.request.user, source=self.framework, **form.cleaned_data
            )
        except logic.FrameworkChangeError as exc:
            form.add_error("key", str(exc))
            return self.form_invalid(form)
        messages.success(self.request, _("Entwurf „%(name)s“ angelegt.") % {"name": copy})
        return redirect("frameworks:edit", copy.pk)


class EditView(FrameworkMixin, FormView):
    """A draft's whole structure with links to edit each part; name and description here."""

    template_name = "assessments/frameworks/edit.html"
    form_class = FrameworkForm
    stale: Stale | None = None

    def get_initial(self) -> dict[str, Any]:
        return {"name": self.framework.name, "description": self.framework.description}

    def edited(self) -> Any:
        return self.framework

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["framework"] = self.framework
        context["areas"] = self.framework.areas.prefetch_related("criteria__questions")
        context.update(stand_context(self.framework, context["form"], unbound(self), self.stale))
        context.setdefault("problems", [])
        context["breadcrumbs"] = _crumbs({"label": str(self.framework)})
        return context

    def form_valid(self, form: FrameworkForm) -> HttpResponse:
        self.stale = refuse_stale(self.request, form, self.edited(), unbound(self))
        if self.stale:
            return self.form_invalid(form)
        try:
            logic.update_framework(
                actor=self.request.user, framework=self.framework, **form.cleaned_data
            )
        except logic.FrameworkChangeError as exc:
            messages.error(self.request, str(exc))
        else:
            messages.success(self.request, _("Gespeichert."))
        return redirect(self.edit_url())


class _PartView(FrameworkMixin, FormView):
    """Edit one area, criterion or question of a draft (``edited``; None: a new one)."""

    template_name = "assessments/frameworks/form.html"
    title = ""
    stale: Stale | None = None

    def edited(self) -> Any:
        """The part as stored (None: a new one)."""
        raise NotImplementedError

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["title"] = self.title
        context.update(stand_context(self.edited(), context["form"], unbound(self), self.stale))
        context["submit"] = _("Speichern")
        context["cancel"] = self.edit_url()
        context["breadcrumbs"] = _crumbs(
            {"label": str(self.framework), "url": self.edit_url()}, {"label": self.title}
        )
        return context

    def prepare(self) -> HttpResponseBase | None:
        super().prepare()
        if not self.framework.is_draft:
            messages.error(self.request, _("Veröffentlichte Fragebögen ändern sich nicht mehr."))
            return redirect("frameworks:list")
        self.load_part(self.kwargs["part"])
        return None

    def load_part(self, pk: int) -> None:
        raise NotImplementedError

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if self.form_class is QuestionForm:
            kwargs["scale"] = self.framework.scale
        return kwargs

    def save(self, form: Any) -> None:
        raise NotImplementedError

    def form_valid(self, form: Any) -> HttpResponse:
        self.stale = refuse_stale(self.request, form, self.edited(), unbound(self))
        if self.stale:
            return self.form_invalid(form)
        try:
            self.save(form)
        except logic.FrameworkChangeError as exc:
            messages.error(self.request, str(exc))
        else:
            messages.success(self.request, _("Gespeichert."))
        return redirect(self.edit_url())


class AreaView(_PartView):
    form_class = WeightedForm

    def load_part(self, pk: int) -> None:
        self.area = get_object_or_404(Area, pk=pk, framework=self.framework)
        self.title = _("Handlungsfeld „%(name)s“") % {"name": self.area.name}

    def get_initial(self) -> dict[str, Any]:
        return {"name": self.area.name, "weight": self.area.weight}

    def edited(self) -> Any:
        return self.area

    def save(self, form: WeightedForm) -> None:
        logic.update_area(actor=self.request.user, area=self.area, **form.cleaned_data)


class CriterionView(_PartView):
    form_class = WeightedForm

    def load_part(self, pk: int) -> None:
        self.criterion = get_object_or_404(Criterion, pk=pk, area__framework=self.framework)
        self.title = _("Kriterium „%(name)s“") % {"name": self.criterion.name}

    def get_initial(self) -> dict[str, Any]:
        return {"name": self.criterion.name, "weight": self.criterion.weight}

    def edited(self) -> Any:
        return self.criterion

    def save(self, form: WeightedForm) -> None:
        logic.update_criterion(
            actor=self.request.user, criterion=self.criterion, **form.cleaned_data
        )


class QuestionView(_PartView):
    form_class = QuestionForm

    def load_part(self, pk: int) -> None:
        self.question = get_object_or_404(
            Question, pk=pk, criterion__area__framework=self.framework
        )
        self.title = _("Frage %(key)s") % {"key": self.question.key}

    def get_initial(self) -> dict[str, Any]:
        return QuestionForm.initial_for(self.question)

    def edited(self) -> Any:
        return self.question

    def save(self, form: QuestionForm) -> None:
        logic.update_question(actor=self.request.user, question=self.question, **form.values())


class QuestionAddView(_PartView):
    form_class = QuestionForm

    def load_part(self, pk: int) -> None:
        self.criterion = get_object_or_404(Criterion, pk=pk, area__framework=self.framework)
        self.title = _("Neue Frage im Kriterium „%(name)s“") % {"name": self.criterion.name}

    def get_initial(self) -> dict[str, Any]:
        return {"weight": 1, "applies_to": "all"}

    def edited(self) -> None:
        return None

    def save(self, form: QuestionForm) -> None:
        logic.add_question(actor=self.request.user, criterion=self.criterion, **form.values())


class QuestionDeleteView(FrameworkMixin, TemplateView):
    template_name = "assessments/frameworks/confirm.html"

    def prepare(self) -> HttpResponseBase | None:
        super().prepare()
        self.question = get_object_or_404(
            Question, pk=self.kwargs["part"], criterion__area__framework=self.framework
        )
        return None

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["title"] = _("Frage %(key)s entfernen?") % {"key": self.question.key}
        context["text"] = self.question.text
        context["submit"] = _("Entfernen")
        context["cancel"] = self.edit_url()
        context["breadcrumbs"] = _crumbs(
            {"label": str(self.framework), "url": self.edit_url()}, {"label": _("Frage entfernen")}
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            logic.delete_question(actor=request.user, question=self.question)
        except logic.FrameworkChangeError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Frage entfernt."))
        return redirect(self.edit_url())


class PublishView(EditView):
    """GET asks (a published version never changes again); POST publishes, and with problems
    shows the draft's page with every one of them."""

    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.framework.is_draft:
            return redirect("frameworks:edit", self.framework.pk)
        context = {
            "view": self,
            "title": _("„%(name)s“ veröffentlichen?") % {"name": self.framework},
            "text": _(
                "Veröffentlichte Fragebögen lassen sich nicht mehr ändern: jede spätere "
                "Änderung braucht eine Kopie mit neuer Version. Vor dem Veröffentlichen wird "
                "der Entwurf auf Vollständigkeit geprüft."
            ),
            "submit": _("Veröffentlichen"),
            "cancel": reverse("frameworks:edit", args=[self.framework.pk]),
            "breadcrumbs": _crumbs({"label": _("Veröffentlichen")}),
        }
        return TemplateResponse(request, "assessments/frameworks/confirm.html", context)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            found = logic.publish_framework(actor=request.user, framework=self.framework)
        except logic.FrameworkChangeError as exc:
            messages.error(request, str(exc))
            return redirect("frameworks:list")
        if found:
            form = FrameworkForm(initial=self.get_initial())
            return self.render_to_response(
                self.get_context_data(form=form, problems=found), status=400
            )
        messages.success(
            request,
            _("„%(name)s“ ist veröffentlicht und kann für DigiChecks gewählt werden.")
            % {"name": self.framework},
        )
        return redirect("frameworks:list")


class DeleteView(FrameworkMixin, TemplateView):
    template_name = "assessments/frameworks/confirm.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["title"] = _("Entwurf „%(name)s“ löschen?") % {"name": self.framework}
        context["submit"] = _("Löschen")
        context["cancel"] = reverse("frameworks:list")
        context["breadcrumbs"] = _crumbs({"label": _("Entwurf löschen")})
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            logic.delete_draft(actor=request.user, framework=self.framework)
        except logic.FrameworkChangeError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Entwurf gelöscht."))
        return redirect("frameworks:list")


class ExportView(FrameworkMixin, View):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = HttpResponse(framework_yaml(self.framework), content_type="application/yaml")
        response["Content-Disposition"] = f'attachment; filename="{file_name(self.framework)}"'
        return response
