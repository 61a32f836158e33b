"""What each page tells browsers and the shared cache (Varnish) in front of the portal."""

import pytest

from django.urls import reverse

from tests.factories import news as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home_page):
    index = factories.news_index(home_page)
    section = factories.section("اشتغال", "employment")
    return factories.article(
        index,
        section=section,
        tags=["توانبخشی"],
        published_at=factories.datetime_in_tehran(2025, 3, 25, 10, 0),
    )


def directives(response):
    pairs = [part.strip().partition("=") for part in response["Cache-Control"].split(",")]
    return {name: value or None for name, _, value in pairs}


def vary(response):
    return {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}


def assert_private(response):
    found = directives(response)
    assert "private" in found
    assert "no-store" in found
    assert "public" not in found
    assert "s-maxage" not in found


def reader_pages(article):
    index = article.get_parent().specific
    tag = article.tags.get()
    return [
        article.url,
        "/",
        index.url,
        index.url + "?page=2",
        index.url + index.reverse_subpage("section", args=["employment"]),
        index.tag_url(tag),
        index.url + index.reverse_subpage("all_rss"),
        index.url + index.reverse_subpage("all_atom"),
        index.url + index.reverse_subpage("archive", args=["1404", "01"]),
        "/sitemap.xml",
    ]


def test_reader_pages_are_shared_by_the_cache_for_a_day_and_by_browsers_for_a_minute(
    client, article
):
    for url in reader_pages(article):
        response = client.get(url)
        assert response.status_code == 200, url
        found = directives(response)
        assert "public" in found, url
        assert found["max-age"] == "60", url
        assert found["s-maxage"] == "86400", url
        assert found["stale-while-revalidate"] == "60", url
        assert found["stale-if-error"] == "86400", url


def test_a_shared_page_sets_no_cookie_and_does_not_vary_by_cookie_or_language(client, article):
    for url in reader_pages(article):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.5")
        assert not response.cookies, url
        assert "Set-Cookie" not in response, url
        assert "cookie" not in vary(response), url
        assert "accept-language" not in vary(response), url


def test_addresses_that_are_never_purged_are_shared_for_minutes_only(client, article):
    for url in ["/search/?q=خبر", "/api/v2/news/", reverse("eservices:services")]:
        response = client.get(url)
        assert response.status_code == 200, url
        found = directives(response)
        assert "public" in found, url
        assert found["s-maxage"] == "300", url


def test_a_missing_page_is_shared_briefly_so_publishing_it_shows_soon(client, article):
    response = client.get("/news/no-such-article/")
    assert response.status_code == 404
    assert directives(response)["s-maxage"] == "300"


def test_comment_form_status_page_and_captcha_are_never_stored(client, article):
    form_page = client.get(reverse("news_comment_page", args=[article.news_code]))
    assert form_page.status_code == 200
    assert "csrfmiddlewaretoken" in form_page.content.decode()
    assert_private(form_page)
    assert_private(client.get(reverse("news_comment_status")))
    assert_private(client.get(reverse("captcha-refresh"), HTTP_X_REQUESTED_WITH="XMLHttpRequest"))


def test_a_logged_in_editor_sees_articles_and_the_admin_privately(admin_client, article):
    assert_private(admin_client.get(article.url))
    assert_private(admin_client.get("/admin/"))
    preview = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
    assert preview.status_code == 200
    assert_private(preview)


def test_the_admin_login_page_is_never_stored(client):
    assert_private(client.get("/admin/login/"))


def test_a_post_is_never_stored(client, article):
    response = client.post(reverse("news_count_view", args=[article.news_code]))
    assert response.status_code == 204
    assert_private(response)
