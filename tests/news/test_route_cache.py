"""A page rendered again finds its site, page and view restrictions in one cache read
(news/route_cache.py), and every change that moves or closes an address shows at once."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from news.route_cache import route_key, storable
from portal.models import StandardPage
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered(settings):
    """Every request renders its page, as for an editor or a reader with a session."""
    settings.PAGE_CACHE_SECONDS = 0


def tables_read(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return response, " ".join(query["sql"] for query in captured.captured_queries)


def test_a_page_rendered_again_reads_no_site_page_or_restriction_row(client, article):
    client.get(article.url)
    for path in (article.url, "/", "/news/", "/news/tags/دزفول/"):
        client.get(path)
        response, sql = tables_read(client, path)
        assert response.status_code == 200
        for table in ("wagtailcore_site", "wagtailcore_page", "wagtailcore_pageviewrestriction"):
            assert table not in sql, (path, table)


def test_a_password_on_the_news_index_is_asked_for_at_once_on_articles_and_listings(
    client, news_index, article
):
    for path in (article.url, "/news/", "/news/tags/دزفول/"):
        assert article.title in client.get(path).content.decode()

    PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.PASSWORD, password="رمز-خبرها"
    )

    for path in (article.url, "/news/", "/news/tags/دزفول/"):
        for _ in range(2):  # rendered, then from the address kept with its restrictions
            html = client.get(path).content.decode()
            assert article.title not in html, path
            assert 'name="password"' in html, path


def test_an_article_closed_to_signed_in_readers_sends_others_to_sign_in_at_once(client, article):
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def test_a_moved_page_answers_at_its_new_address_and_the_old_one_sends_readers_there(
    client, home_page
):
    about = home_page.add_child(instance=StandardPage(title="درباره ما", slug="about"))
    contact = home_page.add_child(instance=StandardPage(title="تماس با ما", slug="contact"))
    team = contact.add_child(instance=StandardPage(title="کارکنان", slug="team"))
    assert client.get("/contact/team/").status_code == 200

    team.move(about, pos="last-child")

    old = client.get("/contact/team/")
    assert (old.status_code, old["Location"]) == (301, "/about/team/")  # Wagtail's own redirect
    assert "کارکنان" in client.get("/about/team/").content.decode()


def test_an_unpublished_news_index_takes_its_listings_away_at_once(client, news_index, article):
    for path in ("/news/", "/news/tags/دزفول/", article.url):
        assert client.get(path).status_code == 200
    news_index.unpublish()
    for path in ("/news/", "/news/tags/دزفول/"):
        assert client.get(path).status_code == 404


def is_kept(path):
    return cache.get(route_key(RequestFactory().get(path, HTTP_HOST="testserver"))) is not None


def test_made_up_addresses_are_not_kept(client, article):
    client.get(article.url)
    assert is_kept(article.url)
    for path in ("/news/tags/ناموجود/", "/news/no-such-article/", "/no-such-page/"):
        assert client.get(path).status_code == 404
        assert not is_kept(path), path


def test_the_kept_page_leaves_its_body_behind_and_still_reads_it_when_asked(article):
    kept = storable(article)
    assert "body" not in kept.__dict__
    with CaptureQueriesContext(connection) as captured:
        assert [block.block_type for block in kept.body] == [
            block.block_type for block in article.body
        ]
    assert len(captured.captured_queries) == 1


def test_an_edited_article_is_shown_edited_from_its_kept_address(client, news_index):
    article = factories.article(news_index, title="عنوان نخست", lead="لید نخست")
    client.get(article.url)
    article.title, article.lead = "عنوان ویرایش‌شده", "لید ویرایش‌شده"
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "عنوان ویرایش‌شده" in html and "لید ویرایش‌شده" in html
    assert "عنوان نخست" not in html
