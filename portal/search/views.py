"""/search/: news and e-services, whatever spelling the reader types."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET

from wagtail.search.backends import get_search_backend

from eservices.models import EService
from news.models import NewsPage, NewsPageTag
from portal.search.forms import SearchForm
from portal.search.highlight import highlight, match_pattern, snippet
from portal.text import fold_for_search

RESULTS_PER_PAGE = 10
ESERVICE_RESULTS = 6


def body_text(stream):
    """The readable text of an article body, from its stored data (no queries for images)."""
    texts = []
    for block in stream.raw_data:
        value = block.get("value")
        if block.get("type") == "paragraph" and isinstance(value, str):
            texts.append(strip_tags(value))
        elif block.get("type") == "quote" and isinstance(value, dict):
            texts.append(value.get("text") or "")
    return " ".join(texts)


def news_queryset(form):
    """Live, public articles narrowed by the form's filters, newest first."""
    data = form.cleaned_data
    articles = (
        NewsPage.objects.live()
        .public()
        .select_related("section")
        .order_by("-published_at", "-news_code")
    )
    if data.get("section"):
        articles = articles.filter(section=data["section"])
    if data.get("tag"):
        tagged = NewsPageTag.objects.filter(tag__name=data["tag"]).values("content_object_id")
        articles = articles.filter(id__in=tagged)
    since, until = form.published_range()
    if since:
        articles = articles.filter(published_at__gte=since)
    if until:
        articles = articles.filter(published_at__lt=until)
    return articles


def news_item(article, pattern, request):
    return {
        "page": article,
        "url": article.get_url(request=request),
        "title": highlight(article.title, pattern),
        "snippet": snippet([article.lead, body_text(article.body)], pattern),
    }


def eservice_item(service, pattern):
    return {
        "service": service,
        "title": highlight(service.title, pattern),
        "description": highlight(service.description, pattern),
    }


@require_GET
def search(request):
    form = SearchForm(request.GET, auto_id="search-%s")
    context = {"form": form, "search_query": "", "results": None, "eservices": []}
    if not form.is_valid():
        context["search_query"] = form.data.get("q", "")[:200]
        return render(request, "portal/search/search.html", context)

    query = form.cleaned_data["q"]
    has_words = bool(fold_for_search(query))
    context.update(search_query=query, has_words=has_words, sort=form.cleaned_data["sort"])
    if not has_words and not form.has_filters:
        return render(request, "portal/search/search.html", context)

    articles = news_queryset(form)
    if has_words:
        by_relevance = form.cleaned_data["sort"] == "relevance"
        articles = articles.search(query, order_by_relevance=by_relevance)
    page = Paginator(articles, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    pattern = match_pattern(query) if has_words else None

    eservices = []
    if has_words and not form.has_filters:
        # E-services have no section, tag or date: a filtered search is a news search.
        active = EService.objects.filter(active=True)
        eservices = get_search_backend().search(query, active)[:ESERVICE_RESULTS]

    context.update(
        page=page,
        results=[news_item(article, pattern, request) for article in page],
        news_count=page.paginator.count,
        eservices=[eservice_item(service, pattern) for service in eservices],
    )
    context["total_count"] = context["news_count"] + len(context["eservices"])
    return render(request, "portal/search/search.html", context)
