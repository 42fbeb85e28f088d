"""Base views for the create/edit/delete pages of tenant-owned objects.

Views stay thin: a subclass names its form and calls its app's use case in ``save``.
"""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from wandelwerk.core.audited import InUseError
from wandelwerk.core.views import MunicipalityMixin


class ObjectMixin(MunicipalityMixin):
    """Loads ``self.object`` through the tenant-scoped manager: other municipalities' ids 404."""

    model: Any
    object: Any = None
    kwargs: dict[str, Any]
    list_url_name = ""  # the section's list page, e.g. "organisation:orgunit_list"

    def list_url(self) -> str:
        return reverse(self.list_url_name, args=[self.municipality.slug])

    def get_queryset(self) -> Any:
        return self.model.objects.all()

    def load_object(self) -> Any:
        if "pk" in self.kwargs:
            return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        return None

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        context["breadcrumbs"] = self.get_breadcrumbs()
        return context

    def get_breadcrumbs(self) -> list[dict[str, Any]]:
        crumbs = getattr(self, "crumbs", None)
        return crumbs({"label": self.page_label()}) if crumbs else []

    def page_label(self) -> str:
        return str(self.object)


class ObjectFormView(ObjectMixin, FormView):
    """Create (no ``pk`` in the URL) or edit an object through a use case."""

    template_name = "core/object_form.html"
    success_message = _("Gespeichert.")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if self.object is not None:
            # The form writes its data into its instance while validating; the use case gets
            # the untouched object so the audit row can say what it was before.
            kwargs["instance"] = copy.copy(self.object)
        return kwargs

    def save(self, form: Any) -> Any:
        raise NotImplementedError

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            self.object = self.save(form)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def get_success_url(self) -> str:
        return str(self.object.get_absolute_url())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["is_new"] = self.object is None
        context["heading"] = self.get_heading()
        context["cancel_url"] = self.get_cancel_url()
        return context

    def get_heading(self) -> str:
        meta = self.model._meta
        if self.object is None:
            return _("%(what)s anlegen") % {"what": meta.verbose_name}
        return _("%(what)s bearbeiten") % {"what": self.object}

    def page_label(self) -> str:
        return self.get_heading()

    def get_cancel_url(self) -> str:
        return str(self.object.get_absolute_url()) if self.object else self.list_url()


class ObjectDeleteView(ObjectMixin, TemplateView):
    """Asks for confirmation, then deletes through a use case; objects in use are kept."""

    template_name = "core/object_confirm_delete.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        return super().get(request, *args, **kwargs)

    def delete(self, obj: Any) -> None:
        raise NotImplementedError

    def get_success_url(self) -> str:
        return self.list_url()

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        name = str(self.object)
        try:
            self.delete(self.object)
        except InUseError as exc:
            messages.error(request, str(exc))
            return redirect(self.object.get_absolute_url())
        messages.success(request, _("„%(name)s“ wurde gelöscht.") % {"name": name})
        return redirect(self.get_success_url())
