"""The base views every page stands on.

``MunicipalityMixin`` resolves ``/k/<municipality_slug>/…``, checks the membership once and makes
the municipality the current one (``tenancy``): the one place it is read from afterwards.
``ObjectFormView`` and ``ObjectDeleteView`` edit and delete one tenant-owned object through a
use case; ``ProviderAdminRequiredMixin`` guards the provider's own pages.
"""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wandelwerk.core.editing import Stale, refuse_stale, stand_context, unbound
from wandelwerk.core.exceptions import InUseError
from wandelwerk.tenants import navigation, tenancy
from wandelwerk.tenants.models import Municipality
from wandelwerk.tenants.queries import get_access


class MunicipalityMixin(LoginRequiredMixin):
    """Resolves the municipality of the URL, checks membership once, sets the tenant.

    A municipality that does not exist and one the user is not a member of both answer 404.
    Inside their own municipality, a missing permission answers 403.
    """

    permission_required: str = "tenants.view_municipality"
    # The last breadcrumb of a page below its section's first page, e.g. "Prioritäten".
    page_title: Any = ""
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        slug = kwargs.pop("municipality_slug")
        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None or get_access(request.user, municipality) is None:
            raise Http404("Kommune nicht gefunden")
        tenancy.set_current(municipality)  # cleared by TenantContextMiddleware
        if not self.has_permission():
            raise PermissionDenied
        response: HttpResponseBase = super().dispatch(request, *args, **kwargs)
        return response

    @property
    def municipality(self) -> Municipality:
        return tenancy.require_municipality()

    def has_permission(self) -> bool:
        return self.can(self.permission_required)

    def can(self, perm: str) -> bool:
        return self.request.user.has_perm(perm, self.municipality)

    def crumbs(self, *trail: navigation.Crumb) -> list[navigation.Crumb]:
        """Breadcrumbs: municipality › this page's section › ``trail``."""
        match = self.request.resolver_match
        return navigation.breadcrumbs(self.municipality, match.namespace if match else "", *trail)

    def get_breadcrumbs(self) -> list[navigation.Crumb]:
        return self.crumbs({"label": self.page_title}) if self.page_title else self.crumbs()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.setdefault("breadcrumbs", self.get_breadcrumbs())
        return context


class ObjectMixin(MunicipalityMixin):
    """Loads ``self.object`` through the tenant-scoped manager: other municipalities' ids 404.

    ``list_url_name`` names the list the object belongs to; unless that list is the section's
    first page, it appears in the breadcrumbs under the model's plural name.
    """

    model: Any
    queryset: Any = None  # where the object is looked up; default: every object of the model
    object: Any = None
    kwargs: dict[str, Any]
    list_url_name = ""

    def list_url(self) -> str:
        return reverse(self.list_url_name, args=[self.municipality.slug])

    def get_queryset(self) -> Any:
        return (self.model.objects if self.queryset is None else self.queryset).all()

    def load_object(self) -> Any:
        if "pk" in self.kwargs:
            return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        return None

    def list_crumbs(self) -> list[navigation.Crumb]:
        if not self.list_url_name or navigation.is_section_start(self.list_url_name):
            return []
        return [{"label": self.model._meta.verbose_name_plural, "url": self.list_url()}]

    def get_breadcrumbs(self) -> list[navigation.Crumb]:
        return self.crumbs(*self.list_crumbs(), {"label": self.page_label()})

    def page_label(self) -> str:
        return str(self.object)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["object"] = self.object
        return context


class ObjectFormView(ObjectMixin, FormView):
    """Create (no ``pk`` in the URL) or edit an object through a use case (``save``); editing
    refuses a stale save (``core.editing``)."""

    template_name = "core/object_form.html"
    success_message = gettext_lazy("Gespeichert.")
    stale: Stale | None = None

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
        self.stale = refuse_stale(self.request, form, self.object, unbound(self))
        if self.stale:
            return self.form_invalid(form)
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
        context.update(stand_context(self.object, context["form"], unbound(self), self.stale))
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
    """Asks for confirmation, then deletes through a use case (``delete``); objects still in use
    are kept and the user is told why."""

    template_name = "core/object_confirm_delete.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        return super().get(request, *args, **kwargs)

    def delete(self, obj: Any) -> None:
        raise NotImplementedError

    def get_success_url(self) -> str:
        return self.list_url()

    def in_use_url(self) -> str:
        """Where the user is told why the object stays."""
        return str(self.object.get_absolute_url())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        name = str(self.object)
        try:
            self.delete(self.object)
        except InUseError as exc:
            messages.error(request, str(exc))
            return redirect(self.in_use_url())
        messages.success(request, _("„%(name)s“ wurde gelöscht.") % {"name": name})
        return redirect(self.get_success_url())


class ProviderAdminRequiredMixin(LoginRequiredMixin):
    """Pages of the provider itself (not of one municipality): provider admins only.

    ``prepare`` runs after the check, so nothing is read for a user who may not see the page.
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm("tenants.manage_municipalities"):
            raise PermissionDenied
        refused = self.prepare()
        if refused is not None:
            return refused
        response: HttpResponseBase = super().dispatch(request, *args, **kwargs)
        return response

    def prepare(self) -> HttpResponseBase | None:
        """Load what the page needs; a response returned here answers instead of the page."""
        return None
