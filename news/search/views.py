"""/search/: news, plus whatever other apps add through the "register_search_results" hook.

The page is the news app's because its filters (section, tag, Jalali dates) and its main list are
news. Other apps know nothing of it: each registers a function in its wagtail_hooks.py that
takes the query and the highlighting pattern and returns a result group (a heading, the
template of its list and its items) or None. Wagtail's own admin search gathers its areas the
same way (register_admin_search_area), so neither app imports the other.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from taggit.models import Tag
from wagtail import hooks

from news.models import NewsPage
from news.search.forms import SearchForm
from portal.search.highlight import highlight, match_pattern, snippet
from portal.text import fold_for_search

RESULTS_PER_PAGE = 10
TEMPLATE = "news/search.html"
SEARCH_RESULTS_HOOK = "register_search_results"


def news_queryset(form):
    """Published articles narrowed by the form's filters, newest first."""
    data = form.cleaned_data
    articles = NewsPage.objects.published().select_related("section").newest_first()
    if data.get("section"):
        articles = articles.filter(section=data["section"])
    if data.get("tag"):
        tag_ids = Tag.objects.filter(name=data["tag"]).values("pk")
        articles = articles.tagged(tag_ids, searchable=True)
    return articles.published_between(*form.published_range())


def news_item(article, pattern, request):
    return {
        "page": article,
        "url": article.get_url(request=request),
        "title": highlight(article.title, pattern),
        "snippet": snippet([article.lead, article.body_text()], pattern),
    }


def other_results(query, pattern):
    groups = (search(query, pattern) for search in hooks.get_hooks(SEARCH_RESULTS_HOOK))
    return [group for group in groups if group and group["items"]]


@require_GET
def search(request):
    form = SearchForm(request.GET, auto_id="search-%s")
    context = {"form": form, "search_query": "", "results": None, "other_groups": []}
    if not form.is_valid():
        context["search_query"] = form.data.get("q", "")[:200]
        return render(request, TEMPLATE, context)

    query = form.cleaned_data["q"]
    has_words = bool(fold_for_search(query))
    context.update(search_query=query, has_words=has_words, sort=form.cleaned_data["sort"])
    if not has_words and not form.has_filters:
        return render(request, TEMPLATE, context)

    articles = news_queryset(form)
    if has_words:
        by_relevance = form.cleaned_data["sort"] == "relevance"
        articles = articles.search(query, order_by_relevance=by_relevance)
    page = Paginator(articles, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    pattern = match_pattern(query) if has_words else None
    # Other apps have no section, tag or date: a filtered search is a news search.
    other_groups = other_results(query, pattern) if has_words and not form.has_filters else []

    context.update(
        page=page,
        results=[news_item(article, pattern, request) for article in page],
        news_count=page.paginator.count,
        other_groups=other_groups,
        total_count=page.paginator.count + sum(len(group["items"]) for group in other_groups),
    )
    return render(request, TEMPLATE, context)
