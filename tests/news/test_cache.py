"""A shared cache in front of the portal drops every page that shows an article that changed."""

import logging
import socket
import threading
from urllib.parse import unquote, urlsplit

import pytest

from tests.factories import news as factories

pytestmark = pytest.mark.django_db


def path_of(page):
    return unquote(urlsplit(page.get_full_url()).path)


def test_publishing_an_article_purges_it_and_every_listing_that_shows_it(
    news_index, shared_cache, django_capture_on_commit_callbacks
):
    section = factories.section("اشتغال", "employment")
    published_at = factories.datetime_in_tehran(2025, 3, 25, 10, 0)  # 5 Farvardin 1404
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.article(
            news_index, section=section, tags=["توانبخشی"], published_at=published_at
        )

    tag = article.tags.get().slug
    assert set(shared_cache) == {
        path_of(article),
        "/",
        "/sitemap.xml",
        "/news/",
        "/news/rss/",
        "/news/atom/",
        "/news/section/employment/",
        "/news/section/employment/rss/",
        "/news/section/employment/atom/",
        f"/news/tags/{tag}/",
        f"/news/tags/{tag}/rss/",
        f"/news/tags/{tag}/atom/",
        "/news/archive/1404/01/",
    }


def test_unpublishing_an_article_purges_the_listings_too(
    news_index, shared_cache, django_capture_on_commit_callbacks
):
    article = factories.article(news_index)
    shared_cache.clear()

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert {path_of(article), "/", "/news/", "/news/rss/"} <= set(shared_cache)


@pytest.fixture
def silent_cache(settings):
    """A purge address that accepts connections and never answers (it hangs up after 5 s)."""
    listener = socket.create_server(("127.0.0.1", 0))
    held = []

    def accept_and_hold():
        while True:
            try:
                connection, _ = listener.accept()
            except OSError:  # closed at the end of the test
                return
            held.append(connection)
            threading.Timer(5, connection.close).start()

    threading.Thread(target=accept_and_hold, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "portal.frontend_cache.TimelyHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{listener.getsockname()[1]}",
            "TIMEOUT": 0.2,
        }
    }
    yield held
    listener.close()
    for connection in held:
        connection.close()


def test_a_cache_that_never_answers_does_not_hold_up_publishing(news_index, silent_cache, caplog):
    with caplog.at_level(logging.ERROR, logger="wagtail.frontendcache"):
        article = factories.article(news_index)

    assert article.live
    assert silent_cache  # the purge reached the cache
    failures = [
        record.getMessage() for record in caplog.records if record.name == "wagtail.frontendcache"
    ]
    assert failures and all("timed out" in failure for failure in failures)
