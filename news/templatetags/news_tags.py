"""News on pages the news app does not own (the home page): {% latest_news 6 as latest %}."""

from django import template

from news.models import NewsIndexPage, NewsPage

register = template.Library()


@register.simple_tag
def latest_news(count=6):
    return list(NewsPage.objects.for_listing()[:count])


@register.simple_tag
def most_read_news(count=5):
    return list(NewsPage.objects.most_read()[:count])


@register.simple_tag
def news_index_page():
    return NewsIndexPage.objects.live().first()
