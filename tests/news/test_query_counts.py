"""Pages cost the same number of queries whatever their content: 1 item or 20.

Three costs, pinned here to exact numbers so a new query per page shows up in review: the first
reader after an edit (nothing cached: routing, restrictions, the rows the page shows), a page
rendered again (anyone with a session, or with the whole-page cache off: the address, fragments
and lists are cached, news/route_cache.py and news/fragments.py), and the next anonymous
reader, answered from the whole-page cache (news/page_cache.py). The last two cost none."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from news import fragments
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


def queries_for(client, path, after_edit=False):
    client.get(path)  # first visit creates image renditions; later visits find them
    if after_edit:
        fragments.start_new_generation()
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


# Nothing cached: site, routing (four), view restrictions (two), the organisation's settings, the
# article's ancestors, tags, pinned and tagged related news, restricted sections, its section,
# main image, audio, the renditions of every picture on it (one query), comments and the rest of
# what its fragments show. Never more with more tags, related news or pictures.
ARTICLE_QUERIES_AFTER_EDIT = 22


@pytest.fixture
def rendered(settings):
    """Every request renders its page: the whole-page cache is off."""
    settings.PAGE_CACHE_SECONDS = 0


def test_article_costs_the_same_with_1_or_20_tags_related_and_images(client, news_index, rendered):
    small = rich_article(news_index, 1, "کوچک")
    large = rich_article(news_index, 20, "بزرگ")
    assert (
        queries_for(client, small.url, after_edit=True)
        == queries_for(client, large.url, after_edit=True)
        == ARTICLE_QUERIES_AFTER_EDIT
    )


def test_an_article_rendered_again_costs_no_query(client, news_index, rendered):
    large = rich_article(news_index, 20, "بزرگ")
    assert queries_for(client, large.url) == 0


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


# The first reader after an edit: site, routing, view restrictions, the organisation's settings,
# restricted sections, the count, the sections and the page of articles with its pictures (and
# the tag, or the most-read list and the news index on the home page).
LISTING_QUERIES_AFTER_EDIT = {
    "/": 12,
    "/news/": 13,
    "/news/?page=2": 13,
    "/news/section/employment/": 13,
    "/news/tags/اشتغال/": 14,
    "/news/archive/1397/10/": 13,
    "/news/rss/": 10,
    "/news/atom/": 10,
    "/news/tags/اشتغال/rss/": 11,
    "/news/section/employment/atom/": 11,
}
LISTINGS = list(LISTING_QUERIES_AFTER_EDIT)
# Rendered again: a listing's body is cached, a feed reads its articles (and their pictures).
LISTING_QUERIES_RENDERED_AGAIN = {
    path: 3 if "/rss/" in path or "/atom/" in path else 0 for path in LISTINGS
}


@pytest.mark.parametrize("path", LISTINGS)
def test_listing_costs_the_same_with_1_or_20_articles(client, news_index, rendered, path):
    section = factories.section("اشتغال", "employment")
    publish_articles(news_index, 1, section)
    with_one = queries_for(client, path, after_edit=True)
    publish_articles(news_index, 19, section)
    with_twenty = queries_for(client, path, after_edit=True)
    assert with_one == with_twenty == LISTING_QUERIES_AFTER_EDIT[path]


@pytest.mark.parametrize("path", LISTINGS)
def test_a_listing_rendered_again_costs_the_same_with_1_or_20_articles(
    client, news_index, rendered, path
):
    section = factories.section("اشتغال", "employment")
    publish_articles(news_index, 1, section)
    with_one = queries_for(client, path)
    publish_articles(news_index, 19, section)
    with_twenty = queries_for(client, path)
    assert with_one == with_twenty == LISTING_QUERIES_RENDERED_AGAIN[path]


@pytest.mark.parametrize("path", LISTINGS)
def test_the_next_reader_of_a_listing_costs_no_query(client, news_index, path):
    section = factories.section("اشتغال", "employment")
    publish_articles(news_index, 20, section)
    assert queries_for(client, path) == 0
