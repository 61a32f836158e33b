"""News on pages the news app does not own (the home page): {% home_news as news %}."""

from dataclasses import dataclass, field

from django import template
from django.core.cache import cache

from news import fragments
from news.models import NewsIndexPage, NewsPage, NewsSection

register = template.Library()

# The lead story and a grid of eight: two full rows of four on a desktop, four of two on a tablet.
HOME_GRID_SIZE = 8
MOST_READ_COUNT = 5
# View counts change on every read and start no new generation, so the most-read list is also
# kept only this long: a list minutes old is what the whole-page cache shows readers anyway.
MOST_READ_CACHE_SECONDS = 300


@dataclass
class HomeNews:
    lead: NewsPage | None = None
    latest: list = field(default_factory=list)
    popular: list = field(default_factory=list)
    index: NewsIndexPage | None = None
    sections: list = field(default_factory=list)


def split_lead(articles):
    """The newest article with an image leads; the others keep their newest-first order."""
    lead = next((article for article in articles if article.main_image_id), None)
    if lead is None and articles:
        lead = articles[0]
    return lead, [article for article in articles if article is not lead]


def section_links(index):
    """(name, url) of every section, kept until any content changes (news/fragments.py): the
    list changes rarely and would otherwise cost the home page a query."""
    key = f"news:home-sections:{fragments.generation()}"
    links = cache.get(key)
    if links is None:
        links = [
            {"name": section.name, "url": index.section_url(section)}
            for section in NewsSection.objects.all()
        ]
        cache.set(key, links, fragments.FRAGMENT_TIMEOUT)
    return links


def cached_for_generation(name, build, timeout=fragments.FRAGMENT_TIMEOUT):
    """`build()`, kept until any content changes (news/fragments.py) or `timeout` passes."""
    key = f"news:{name}:{fragments.generation()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def most_read():
    return cached_for_generation(
        "home-most-read",
        lambda: list(NewsPage.objects.most_read().defer_streamfields()[:MOST_READ_COUNT]),
        MOST_READ_CACHE_SECONDS,
    )


def news_index():
    # A list, so that "no index yet" is kept too.
    return cached_for_generation("home-index", lambda: list(NewsIndexPage.objects.live()[:1]))


@register.simple_tag(takes_context=True)
def page_shell(context):
    """Cache key and timeout of the parts every page shares (organisation name, logo, contact
    details in the title, header and footer): any content change starts a new generation
    (news/fragments.py), so a renamed organisation shows at once."""
    request = context.get("request")
    address = f"{request.scheme}:{request.get_host()}" if request is not None else ""
    return {"key": f"{fragments.generation()}:{address}", "timeout": fragments.FRAGMENT_TIMEOUT}


@register.simple_tag
def home_news():
    articles = list(NewsPage.objects.for_listing()[: HOME_GRID_SIZE + 1])
    lead, latest = split_lead(articles)
    index = next(iter(news_index()), None)
    return HomeNews(
        lead=lead,
        latest=latest[:HOME_GRID_SIZE],
        popular=most_read(),
        index=index,
        sections=section_links(index) if index else [],
    )
