"""Generic views: list pages (filters, sorting, paging, export) and the health check."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse

from wandelwerk.core.xlsx import csv_response, xlsx_response


def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # pragma: no cover - exercised only when the database is down
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


class ListingMixin:
    """Filters that stay in the URL, sorting, paging and XLSX export for list pages.

    Subclasses set ``filter_form_class`` (a form whose ``filter(queryset)`` applies the
    filters), ``sort_fields`` (URL name → ORM ordering) and ``export_columns``
    (header → callable(row)).
    """

    filter_form_class: Any = None
    sort_fields: dict[str, str] = {}
    default_sort: str = ""
    paginate_by: int | None = None  # None: the PAGE_SIZE setting
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
        paginator = Paginator(queryset, self.paginate_by or settings.PAGE_SIZE)
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
