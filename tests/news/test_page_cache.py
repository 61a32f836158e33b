"""Anonymous readers get whole pages from the cache, and never a stale one: each test fills the
cache with a reader's visit, changes what the page shows, and reads the page again."""

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from eservices.models import Hotline
from news.models import Comment
from portal.models import OrganisationSettings
from tests.factories import comments as comment_factories
from tests.factories import eservices as eservice_factories
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


def visit(client, path):
    """The response, and whether the page itself answered: it rendered a template or read the
    database. A rendered page may cost no query (its address and parts are cached too), so the
    templates tell; a feed renders none but reads its articles."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, bool(response.templates or queries.captured_queries)


def warm(client, path):
    client.get(path)
    response, rendered = visit(client, path)
    assert not rendered, f"{path} was not answered from the page cache"
    return response.content.decode()


@pytest.mark.parametrize(
    "path", ["/", "/news/", "/news/?page=1", "/news/tags/دزفول/", "/news/rss/", "/search/"]
)
def test_a_second_reader_gets_the_same_page_without_touching_the_database(client, article, path):
    first = client.get(path)
    second, rendered = visit(Client(HTTP_HOST="testserver"), path)
    assert not rendered
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_an_article_from_the_cache_keeps_its_security_and_sharing_headers(client, article):
    first = client.get(article.url)
    second, rendered = visit(client, article.url)
    assert not rendered
    for header in ("Content-Security-Policy", "Cache-Control", "X-Content-Type-Options"):
        assert second[header] == first[header]
    assert "public" in second["Cache-Control"]
    assert not second.cookies


def test_an_editor_signed_in_never_gets_the_readers_copy(client, admin_client, article):
    warm(client, article.url)
    response, rendered = visit(admin_client, article.url)
    assert rendered
    assert "private" in response["Cache-Control"]
    assert "wagtail-userbar" in response.content.decode()


def test_the_comment_form_is_never_served_from_the_cache(client, article):
    form_url = f"/news/{article.news_code}/comments/form/"
    first_key = comment_factories.captcha_key_in(client.get(form_url).content.decode())
    response, rendered = visit(client, form_url)
    assert rendered
    assert comment_factories.captcha_key_in(response.content.decode()) != first_key


def test_a_reader_with_a_session_is_answered_by_the_page_itself(client, article):
    warm(client, article.url)
    client.cookies["sessionid"] = "no-such-session"
    _response, rendered = visit(client, article.url)
    assert rendered


def test_a_preview_never_fills_or_reads_the_readers_copy(client, admin_client, article):
    warm(client, article.url)
    article.title = "پیش‌نویس عنوان تازه"
    article.save_revision()
    preview = admin_client.get(f"/admin/pages/{article.pk}/view_draft/").content.decode()
    assert "پیش‌نویس عنوان تازه" in preview
    html = client.get(article.url).content.decode()
    assert "پیش‌نویس عنوان تازه" not in html
    assert "افتتاح مرکز توانبخشی در دزفول" in html


def test_a_newly_published_article_shows_on_every_listing_at_once(client, news_index, article):
    listings = ["/", "/news/", "/news/tags/دزفول/", "/news/section/rehab/", "/news/rss/"]
    for path in listings:
        assert "سالمندان دزفول" not in warm(client, path)
    factories.article(
        news_index,
        title="دیدار با سالمندان دزفول",
        tags=["دزفول"],
        section=article.section,
    )
    for path in listings:
        assert "سالمندان دزفول" in client.get(path).content.decode(), path


def test_an_unpublished_article_leaves_the_home_page_and_listings_at_once(client, article):
    for path in ("/", "/news/", "/news/tags/دزفول/"):
        assert "افتتاح مرکز توانبخشی در دزفول" in warm(client, path)
    article.unpublish()
    for path in ("/", "/news/", "/news/tags/دزفول/"):
        assert "افتتاح مرکز توانبخشی در دزفول" not in client.get(path).content.decode(), path
    assert client.get(article.url).status_code == 404


def test_a_deleted_article_is_gone_from_the_home_page_at_once(client, article):
    assert "افتتاح مرکز توانبخشی در دزفول" in warm(client, "/")
    article.delete()
    assert "افتتاح مرکز توانبخشی در دزفول" not in client.get("/").content.decode()


def test_an_approved_comment_shows_on_the_cached_article_at_once(client, article):
    comment = comment_factories.comment(
        article, status=Comment.Status.PENDING, body="سپاس از پیگیری‌تان"
    )
    assert "سپاس از پیگیری‌تان" not in warm(client, article.url)
    comment.status = Comment.Status.APPROVED
    comment.save()
    assert "سپاس از پیگیری‌تان" in client.get(article.url).content.decode()
    comment.delete()
    assert "سپاس از پیگیری‌تان" not in client.get(article.url).content.decode()


def test_a_changed_help_line_shows_in_every_page_header_at_once(client, article):
    eservice_factories.hotline(number="123", title="اورژانس اجتماعی")
    for path in ("/", "/news/", article.url):
        assert "اورژانس اجتماعی" in warm(client, path)
    hotline = Hotline.objects.get(number="123")
    hotline.title = "اورژانس اجتماعی استان"
    hotline.save()
    for path in ("/", "/news/", article.url):
        assert "اورژانس اجتماعی استان" in client.get(path).content.decode(), path


def test_new_organisation_details_show_in_the_footer_of_every_page_at_once(client, site, article):
    for path in ("/", "/news/", article.url):
        warm(client, path)
    settings = OrganisationSettings.for_site(site)
    settings.address = "اهواز، کیانپارس، خیابان تازه"
    settings.save()
    for path in ("/", "/news/", article.url):
        assert "اهواز، کیانپارس، خیابان تازه" in client.get(path).content.decode(), path


def test_a_renamed_section_shows_on_its_listing_at_once(client, article):
    warm(client, "/news/section/rehab/")
    section = article.section
    section.name = "توانبخشی و سلامت"
    section.save()
    assert "توانبخشی و سلامت" in client.get("/news/section/rehab/").content.decode()


@pytest.mark.parametrize(
    "path", ["/search/?q=دزفول", "/news/?utm_source=telegram", "/news/?page=99999", "/?page=1&x=2"]
)
def test_searches_and_made_up_addresses_are_answered_by_the_page_and_never_kept(
    client, article, path
):
    client.get(path)
    response, rendered = visit(client, path)
    assert response.status_code == 200
    assert rendered, f"{path} was kept in the page cache"


def test_search_finds_a_new_article_at_once(client, news_index, article):
    client.get("/search/?q=دزفول")
    factories.article(news_index, title="دیدار با سالمندان دزفول", tags=["دزفول"])
    assert "دیدار با سالمندان" in client.get("/search/?q=دزفول").content.decode()


def test_the_page_cache_can_be_turned_off(client, settings, article):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(article.url)
    _response, rendered = visit(client, article.url)
    assert rendered


def test_each_page_of_a_listing_is_its_own_copy(client, news_index):
    oldest = factories.article(
        news_index, title="نخستین خبر بایگانی", published_at=factories.days_ago(30)
    )
    for number in range(12):
        factories.article(
            news_index, title=f"خبر تازهٔ {number}", published_at=factories.days_ago(number)
        )
    assert oldest.title not in warm(client, "/news/")
    assert oldest.title in client.get("/news/?page=2").content.decode()
