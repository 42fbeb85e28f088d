"""The base views every page builds on: tenant resolution, listing, and the health check."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.views import View

from wandelwerk.core import tenancy
from wandelwerk.core.xlsx import csv_response, xlsx_response
from wandelwerk.tenants.models import Municipality
from wandelwerk.tenants.queries import get_access


def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # pragma: no cover - exercised only when the database is down
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class MunicipalityMixin(LoginRequiredMixin):
    """Resolves ``/k/<municipality_slug>/…``, checks membership once, sets the tenant.

    A municipality that does not exist and one the user is not a member of both answer 404.
    Inside their own municipality, a missing permission answers 403.
    """

    permission_required: str = "tenants.view_municipality"
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        slug = kwargs.pop("municipality_slug")
        municipality = Municipality.objects.filter(slug=slug).first()
        if municipality is None or get_access(request.user, municipality) is None:
            raise Http404("Kommune nicht gefunden")
        request.municipality = municipality  # type: ignore[attr-defined]
        request.access = get_access(request.user, municipality)  # type: ignore[attr-defined]
        tenancy.set_current(municipality)  # cleared by TenantContextMiddleware
        self.municipality = municipality
        if not self.has_permission():
            raise PermissionDenied
        response: HttpResponseBase = super().dispatch(request, *args, **kwargs)
        return response

    def has_permission(self) -> bool:
        return self.request.user.has_perm(self.permission_required, self.municipality)

    def can(self, perm: str) -> bool:
        return self.request.user.has_perm(perm, self.municipality)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["municipality"] = self.municipality
        return context


class MunicipalityView(MunicipalityMixin, View):
    pass


class ListingMixin:
    """Filters that stay in the URL, sorting, paging and XLSX export for list pages.

    Subclasses set ``filter_form_class`` (a form whose ``filter(queryset)`` applies the
    filters), ``sort_fields`` (URL name → ORM ordering) and ``export_columns``
    (header → callable(row)).
    """

    filter_form_class: Any = None
    sort_fields: dict[str, str] = {}
    default_sort: str = ""
    paginate_by = 50
    export_columns: list[tuple[str, Any]] = []
    export_filename = "export"
    request: HttpRequest

    def get_base_queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def get_filter_form(self) -> Any:
        if self.filter_form_class is None:
            return None
        return self.filter_form_class(self.request.GET or None, **self.get_filter_form_kwargs())

    def get_filter_form_kwargs(self) -> dict[str, Any]:
        return {}

    def current_sort(self) -> str:
        sort = self.request.GET.get("sort", self.default_sort)
        return sort if sort.lstrip("-") in self.sort_fields else self.default_sort

    def filtered_queryset(self, form: Any) -> QuerySet[Any]:
        queryset = self.get_base_queryset()
        if form is not None and form.is_valid():
            queryset = form.filter(queryset)
        sort = self.current_sort()
        if sort:
            field = self.sort_fields[sort.lstrip("-")]
            queryset = queryset.order_by(("-" if sort.startswith("-") else "") + field, "pk")
        return queryset

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_filter_form()
        queryset = self.filtered_queryset(form)
        if request.GET.get("export") in ("xlsx", "csv") and self.export_columns:
            return self.export(queryset)
        paginator = Paginator(queryset, self.paginate_by)
        page = paginator.get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        context = self.get_context_data(  # type: ignore[attr-defined]
            filter_form=form,
            page_obj=page,
            object_list=page.object_list,
            paginator=paginator,
            sort=self.current_sort(),
            querystring=query.urlencode(),
            export_query=_with(query, export="xlsx"),
            export_csv_query=_with(query, export="csv"),
        )
        return self.render_to_response(context)  # type: ignore[attr-defined]

    def export(self, queryset: QuerySet[Any]) -> HttpResponse:
        headers = [header for header, _ in self.export_columns]
        rows = (
            [getter(obj) for _, getter in self.export_columns]
            for obj in queryset.iterator(chunk_size=2000)
        )
        return self.export_response(headers, rows)

    def export_response(self, headers: list[str], rows: Any) -> HttpResponse:
        if self.request.GET.get("export") == "csv":
            return csv_response(self.export_filename, headers, rows)
        return xlsx_response(self.export_filename, headers, rows)


def _with(query: Any, **params: str) -> str:
    copy = query.copy()
    for key, value in params.items():
        copy[key] = value
    return str(copy.urlencode())
