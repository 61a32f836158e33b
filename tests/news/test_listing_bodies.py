"""A listing's body and the home page's content are rendered once per content generation and
kept (NewsIndexPage.render_listing, {% cached_part %}): only for addresses from a bounded set,
never for a preview, and with the page number the reader actually sees."""

import pytest

from django.core.cache import cache
from django.test import RequestFactory

from news.models.index import listing_key
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered(settings):
    settings.PAGE_CACHE_SECONDS = 0


def body_is_kept(path):
    key = listing_key(RequestFactory().get(path, HTTP_HOST="testserver"))
    return key is not None and cache.get(key) is not None


def test_a_page_past_the_end_is_titled_and_marked_as_the_last_page_it_shows(client, news_index):
    for number in range(13):
        factories.article(news_index, title=f"خبر شمارهٔ {number}")
    for _ in range(2):  # rendered, then from the kept body
        html = client.get("/news/?page=9999").content.decode()
        assert "<title>اخبار - صفحهٔ ۲ |" in html
        assert 'aria-current="page"><span class="visually-hidden">صفحهٔ </span>۲<' in html


def test_made_up_page_numbers_and_other_parameters_are_answered_but_never_kept(client, news_index):
    for number in range(13):
        factories.article(news_index, title=f"خبر شمارهٔ {number}")
    assert client.get("/news/?page=2").status_code == 200
    assert body_is_kept("/news/?page=2")
    made_up = ["/news/?page=abc", "/news/?page=123456", "/news/?page=-1", "/news/?page=۲"]
    for path in [*made_up, "/news/?page=2&utm_source=x", "/news/?utm_source=x"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "خبر شمارهٔ" in response.content.decode()
        assert not body_is_kept(path), path


def test_a_draft_intro_of_the_news_index_is_shown_in_its_preview_and_never_to_readers(
    client, admin_client, news_index
):
    factories.article(news_index, title="خبر منتشرشده")
    published_intro = news_index.intro
    assert client.get("/news/").status_code == 200
    news_index.intro = "معرفی پیش‌نویس فهرست اخبار"
    news_index.save_revision()

    preview = admin_client.get(f"/admin/pages/{news_index.pk}/view_draft/").content.decode()
    assert "معرفی پیش‌نویس فهرست اخبار" in preview

    html = client.get("/news/").content.decode()
    assert "معرفی پیش‌نویس فهرست اخبار" not in html
    assert published_intro in html


def test_a_draft_intro_of_the_home_page_is_shown_in_its_preview_and_never_to_readers(
    client, admin_client, home_page, news_index
):
    home_page.intro = "معرفی منتشرشدهٔ صفحهٔ نخست"
    home_page.save_revision().publish()
    assert "معرفی منتشرشدهٔ صفحهٔ نخست" in client.get("/").content.decode()

    home_page.intro = "معرفی پیش‌نویس صفحهٔ نخست"
    home_page.save_revision()
    preview = admin_client.get(f"/admin/pages/{home_page.pk}/view_draft/").content.decode()
    assert "معرفی پیش‌نویس صفحهٔ نخست" in preview

    for _ in range(2):
        html = client.get("/").content.decode()
        assert "معرفی پیش‌نویس صفحهٔ نخست" not in html
        assert "معرفی منتشرشدهٔ صفحهٔ نخست" in html


def test_page_links_never_carry_another_readers_parameters(client, news_index):
    for number in range(13):
        factories.article(news_index, title=f"خبر شمارهٔ {number}")
    assert "utm_source" in client.get("/news/?utm_source=x").content.decode()
    assert "utm_source" not in client.get("/news/").content.decode()
