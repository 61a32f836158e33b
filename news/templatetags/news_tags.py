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


@register.simple_tag
def home_news():
    articles = list(NewsPage.objects.for_listing()[: HOME_GRID_SIZE + 1])
    lead, latest = split_lead(articles)
    index = NewsIndexPage.objects.live().first()
    return HomeNews(
        lead=lead,
        latest=latest[:HOME_GRID_SIZE],
        popular=list(NewsPage.objects.most_read()[:MOST_READ_COUNT]),
        index=index,
        sections=section_links(index) if index else [],
    )
