"""Articles: the list with search, one article, writing and the steps to publication."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from wandelwerk.core import uploads
from wandelwerk.core.params import whole_number
from wandelwerk.core.views import ListingMixin
from wandelwerk.knowledge import logic, markdown, queries, search
from wandelwerk.knowledge.forms import ArticleForm, SearchForm
from wandelwerk.knowledge.models import Article, ArticleTemplate, ExitDataGrant
from wandelwerk.knowledge.skeletons import skeleton
from wandelwerk.tenants.views import (
    MunicipalityMixin,
    ObjectDeleteView,
    ObjectFormView,
    ObjectMixin,
)

PER_PAGE = 20
MAX_PAGES = 50  # search results beyond 1,000 hits: refine the words instead


class IndexView(MunicipalityMixin, ListingMixin, TemplateView):
    """All articles, or with search words the best matches with highlighted passages."""

    permission_required = "knowledge.view"
    template_name = "knowledge/index.html"
    filter_form_class = SearchForm
    sort_fields = {"title": "title", "review": "next_review", "updated": "updated_at"}
    default_sort = "title"

    def get_filter_form_kwargs(self) -> dict[str, Any]:
        return {"editor": self.can("knowledge.change")}

    def get_base_queryset(self) -> Any:
        return queries.articles(editor=self.can("knowledge.change")).prefetch_related("org_units")

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_filter_form()
        if form is None or not form.is_valid() or not form.cleaned_data.get("q"):
            return super().get(request, *args, **kwargs)
        data = form.cleaned_data
        page = min(max(1, whole_number(request.GET.get("page"), 1)), MAX_PAGES)
        editor = self.can("knowledge.change")
        scope = queries.search_scope(
            editor=editor,
            unit=data.get("unit"),
            service=data.get("service"),
            status=data.get("status", ""),
        )
        results = search.search(
            data["q"],
            scope,
            shown=lambda ids: queries.shown_articles(ids, editor=editor),
            limit=PER_PAGE,
            offset=(page - 1) * PER_PAGE,
        )
        query = request.GET.copy()
        query.pop("page", None)
        return self.render_to_response(
            self.get_context_data(
                filter_form=form,
                results=results,
                page=page,
                first_number=(page - 1) * PER_PAGE + 1,
                pages=min(MAX_PAGES, (results.total + PER_PAGE - 1) // PER_PAGE),
                query_string=query.urlencode(),
            )
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["templates"] = ArticleTemplate.choices
        context["sees_exits"] = bool(ExitDataGrant.objects.filter(user=self.request.user).exists())
        return context


class ArticleDetailView(ObjectMixin, TemplateView):
    """Readable first: the text, owner and next review; history, links and files at the side.
    Readers see the published version, editors the working copy."""

    permission_required = "knowledge.view"
    model = Article
    list_url_name = "knowledge:index"
    template_name = "knowledge/article_detail.html"

    def get_queryset(self) -> Any:
        return queries.article_for_page(self.kwargs["pk"], editor=self.can("knowledge.change"))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        article: Article = self.object
        editor = self.can("knowledge.change")
        published = article.published_version
        title, body = (
            (article.title, article.body)
            if editor or not published
            else (published.title, published.body)
        )
        context |= {
            "title": title,
            "html": markdown.render(body),
            "editor": editor,
            "published": published,
            "pending": editor and published is not None and article.status != "published",
            "publish_refusal": logic.publish_refusal(actor=self.request.user, article=article)
            if editor
            else None,
            "four_eyes": queries.knowledge_settings().four_eyes,
            "today": timezone.localdate(),
            "accept": uploads.ACCEPT,
            "allowed_types": uploads.allowed_types(),
            "max_mb": settings.WANDELWERK_EVIDENCE_MAX_MB,
            "latest_number": article.versions.order_by("-number")
            .values_list("number", flat=True)
            .first(),
        }
        return context


class ArticleFormView(ObjectFormView):
    model = Article
    form_class = ArticleForm
    list_url_name = "knowledge:index"
    permission_required = "knowledge.change"
    template_name = "knowledge/article_form.html"

    def get_initial(self) -> dict[str, Any]:
        if self.object is not None:
            return {}
        template = self.request.GET.get("vorlage", ArticleTemplate.FREE)
        if template not in ArticleTemplate.values:
            template = ArticleTemplate.FREE
        return {"template": template, "body": skeleton(template), "owner": self.request.user}

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if self.object is not None and "data" not in kwargs:
            kwargs["initial"] = {**kwargs.get("initial", {}), "note": ""}
        return kwargs

    def get_queryset(self) -> Any:
        return queries.articles(editor=True)

    def save(self, form: ArticleForm) -> Article:
        data = form.cleaned_data
        return logic.save_article(
            actor=self.request.user,
            article=self.object,
            title=data["title"],
            body=data["body"],
            template=data["template"],
            owner=data["owner"],
            deputy=data["deputy"],
            review_interval_months=data["review_interval_months"],
            next_review=data["next_review"],
            note=data["note"],
            links=form.links(),
        )


class ArticleDeleteView(ObjectDeleteView):
    model = Article
    list_url_name = "knowledge:index"
    permission_required = "knowledge.change"

    def delete(self, obj: Article) -> None:
        logic.delete_article(actor=self.request.user, article=obj)


class PreviewView(MunicipalityMixin, View):
    """The editor's preview: the posted Markdown as the article page would show it."""

    permission_required = "knowledge.change"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        html = markdown.render(request.POST.get("body", "")[:200_000])
        return HttpResponse(html or _("<p>Noch kein Text.</p>"))


ACTIONS = {
    "vorlegen": (logic.submit, _("Zur Freigabe vorgelegt.")),
    "veroeffentlichen": (logic.publish, _("Veröffentlicht.")),
    "zurueckgeben": (logic.send_back, _("Als Entwurf zurückgegeben.")),
    "geprueft": (logic.confirm_review, _("Prüfung bestätigt; die nächste ist vorgemerkt.")),
}


class ArticleActionView(ObjectMixin, View):
    """A step of the article's life, by POST: submit, publish or approve, send back, confirm
    the review."""

    permission_required = "knowledge.change"
    model = Article
    list_url_name = "knowledge:index"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.load_object()
        action = ACTIONS.get(kwargs["action"])
        if action is None:
            return HttpResponse(status=404)
        step, done = action
        try:
            step(actor=request.user, article=self.object)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, done)
        return redirect(self.object.get_absolute_url())
