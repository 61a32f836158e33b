import pytest

from django.test import Client

from news.models import NewsDailyViews
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


def views_of(page):
    return sum(NewsDailyViews.objects.filter(page=page).values_list("count", flat=True))


def test_a_visitor_reading_twice_counts_once(client, news_index):
    page = factories.article(news_index)
    url = f"/news/{page.news_code}/view/"
    assert client.post(url).status_code == 204
    assert client.post(url).status_code == 204
    assert views_of(page) == 1


def test_different_visitors_each_count(news_index):
    page = factories.article(news_index)
    url = f"/news/{page.news_code}/view/"
    Client(HTTP_HOST="testserver", REMOTE_ADDR="10.0.0.1").post(url)
    Client(HTTP_HOST="testserver", REMOTE_ADDR="10.0.0.2").post(url)
    Client(HTTP_HOST="testserver", REMOTE_ADDR="10.0.0.2", HTTP_USER_AGENT="another browser").post(
        url
    )
    assert views_of(page) == 3


def test_counting_works_without_a_csrf_token_because_cached_html_has_none(news_index):
    page = factories.article(news_index)
    strict = Client(HTTP_HOST="testserver", enforce_csrf_checks=True)
    assert strict.post(f"/news/{page.news_code}/view/").status_code == 204
    assert views_of(page) == 1


def test_counting_stores_no_personal_data(client, news_index):
    page = factories.article(news_index)
    client.post(f"/news/{page.news_code}/view/", HTTP_USER_AGENT="Firefox", REMOTE_ADDR="10.9.8.7")
    stored = NewsDailyViews.objects.get(page=page)
    field_names = {field.name for field in NewsDailyViews._meta.get_fields()}
    assert field_names == {"id", "page", "day", "count"}
    assert stored.count == 1


def test_only_posts_count_and_unknown_codes_are_404(client, news_index):
    page = factories.article(news_index)
    assert client.get(f"/news/{page.news_code}/view/").status_code == 405
    assert client.post("/news/999999/view/").status_code == 404
    assert views_of(page) == 0


def test_a_draft_is_not_counted(client, news_index):
    page = factories.article(news_index, publish=False)
    page.unpublish()
    assert client.post(f"/news/{page.news_code}/view/").status_code == 404


def test_article_page_asks_to_be_counted_from_script(client, news_index):
    page = factories.article(news_index)
    html = client.get(page.url).content.decode()
    assert f'data-view-url="/news/{page.news_code}/view/"' in html
    assert "js/news.js" in html
