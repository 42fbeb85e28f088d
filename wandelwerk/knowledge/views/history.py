"""An article's versions: the list, one old version, and what changed between two."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wandelwerk.core.params import whole_number
from wandelwerk.knowledge import markdown, queries
from wandelwerk.knowledge.models import Article
from wandelwerk.tenants.views import ObjectMixin


class VersionsMixin(ObjectMixin):
    """Versions are the editors' view of an article's making; readers see the published text."""

    permission_required = "knowledge.change"
    model = Article
    list_url_name = "knowledge:index"

    def get_queryset(self) -> Any:
        return queries.articles(editor=True)

    def get_breadcrumbs(self) -> list[Any]:
        return self.crumbs(
            *self.list_crumbs(),
            {"label": str(self.object), "url": self.object.get_absolute_url()},
            {"label": self.page_title},
        )


class HistoryView(VersionsMixin, TemplateView):
    template_name = "knowledge/article_history.html"
    page_title = _("Versionen")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["versions"] = list(queries.versions(self.object))
        return context


class VersionView(VersionsMixin, TemplateView):
    template_name = "knowledge/article_version.html"
    page_title = _("Fassung")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        self.version = queries.versions(self.object).filter(number=kwargs["number"]).first()
        if self.version is None:
            raise Http404
        self.page_title = _("Fassung %(n)s") % {"n": self.version.number}
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        assert self.version is not None
        context |= {"version": self.version, "html": markdown.render(self.version.body)}
        return context


class DiffView(VersionsMixin, TemplateView):
    """Two versions line by line (default: the latest against the one before)."""

    template_name = "knowledge/article_diff.html"
    page_title = _("Änderungen")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        numbers = list(self.object.versions.order_by("number").values_list("number", flat=True))
        new = whole_number(request.GET.get("bis"), numbers[-1])
        old = whole_number(request.GET.get("von"), numbers[-2] if len(numbers) > 1 else new)
        pair = {v.number: v for v in queries.versions(self.object).filter(number__in=[old, new])}
        if old not in pair or new not in pair:
            raise Http404
        self.old, self.new = pair[min(old, new)], pair[max(old, new)]
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context |= {
            "old": self.old,
            "new": self.new,
            "title_changed": self.old.title != self.new.title,
            "lines": queries.diff(self.old.body, self.new.body),
        }
        return context
