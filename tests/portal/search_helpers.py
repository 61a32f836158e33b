"""Builders shared by the search and API tests."""

import json

from news.models import NewsPage
from tests.factories import news as factories


def paragraph(text):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])


def article_with(news_index, body_text="", **fields):
    if body_text:
        fields["body"] = paragraph(body_text)
    return factories.article(news_index, **fields)


def found_titles(query, queryset=None):
    queryset = NewsPage.objects.live() if queryset is None else queryset
    return [page.title for page in queryset.search(query)]
