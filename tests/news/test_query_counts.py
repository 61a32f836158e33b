"""Pages cost the same number of queries whatever their content: 1 item or 20.

Two costs: rendering a page (the first reader after an edit, or anyone with a session), pinned
here to exact numbers so a new query per page shows up in review; and the next anonymous reader,
answered from the whole-page cache (news/page_cache.py) with none."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import news as factories

pytestmark = pytest.mark.django_db


def queries_for(client, path):
    client.get(path)  # first visit creates image renditions; later visits find them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries)


def rich_article(news_index, size, slug):
    images = [factories.image(f"تصویر {number}") for number in range(size)]
    tags = [f"{slug}-برچسب-{number}" for number in range(size)]
    section = factories.section("اشتغال", "employment")
    others = [
        factories.article(news_index, tags=[tags[number % len(tags)]], section=section)
        for number in range(size)
    ]
    body = [("paragraph", "<p>متن خبر</p>")]
    body += [
        ("image", {"image": image, "alt_text": "شرح تصویر", "decorative": False})
        for image in images
    ]
    body.append(
        (
            "gallery",
            {
                "title": "گالری",
                "images": [
                    {"image": image, "alt_text": "شرح", "decorative": False} for image in images
                ],
            },
        )
    )
    return factories.article(
        news_index,
        slug=slug,
        tags=tags,
        pinned=others,
        body=body,
        section=section,
        main_image=images[0],
        main_image_alt="تصویر اصلی",
    )


# Site, four routing queries (an article's id by slug is cached), two view-restriction
# queries, comments. The organisation's settings come with the cached page shell.
ARTICLE_QUERIES = 8


@pytest.fixture
def rendered(settings):
    """Every request renders its page: the whole-page cache is off."""
    settings.PAGE_CACHE_SECONDS = 0


def test_article_costs_the_same_with_1_or_20_tags_related_and_images(client, news_index, rendered):
    small = rich_article(news_index, 1, "کوچک")
    large = rich_article(news_index, 20, "بزرگ")
    assert queries_for(client, small.url) == queries_for(client, large.url) == ARTICLE_QUERIES


def test_the_next_reader_of_an_article_costs_no_query(client, news_index):
    large = rich_article(news_index, 20, "بزرگ")
    assert queries_for(client, large.url) == 0


def publish_articles(news_index, count, section):
    for number in range(count):
        factories.article(
            news_index,
            tags=["اشتغال"],
            section=section,
            main_image=factories.image(),
            main_image_decorative=True,
            published_at=factories.datetime_in_tehran(2019, 1, 2 + number % 15, 10, 0),
        )


# Rendering cost of each listing: site, routing, view restrictions and the page of articles
# with its pictures. The organisation's settings, counts, sections, the news index and (home)
# the most-read list are cached under the content generation (news/fragments.py).
LISTING_QUERIES = {
    "/": 8,
    "/news/": 10,
    "/news/?page=2": 10,
    "/news/section/employment/": 11,
    "/news/tags/اشتغال/": 11,
    "/news/archive/1397/10/": 10,
    "/news/rss/": 10,
    "/news/atom/": 10,
    "/news/tags/اشتغال/rss/": 11,
    "/news/section/employment/atom/": 11,
}
LISTINGS = list(LISTING_QUERIES)


@pytest.mark.parametrize("path", LISTINGS)
def test_listing_costs_the_same_with_1_or_20_articles(client, news_index, rendered, path):
    section = factories.section("اشتغال", "employment")
    publish_articles(news_index, 1, section)
    with_one = queries_for(client, path)
    publish_articles(news_index, 19, section)
    with_twenty = queries_for(client, path)
    assert with_one == with_twenty == LISTING_QUERIES[path]


@pytest.mark.parametrize("path", LISTINGS)
def test_the_next_reader_of_a_listing_costs_no_query(client, news_index, path):
    section = factories.section("اشتغال", "employment")
    publish_articles(news_index, 20, section)
    assert queries_for(client, path) == 0
