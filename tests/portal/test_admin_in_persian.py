"""The admin speaks to editors in Persian: slugs, the news code, branding and our own guide."""

import json
import re

import pytest

from django.urls import reverse

from news.models import NewsPage
from portal.text import slug_from_title
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    return factories.news_index(home_page)


def test_a_title_with_a_zwnj_keeps_its_word_boundary_in_the_slug():
    assert slug_from_title("مهارت\u200cآموزی") == "مهارت-آموزی"
    assert slug_from_title("دوره\u200cهای مهارت\u200cآموزی ۱۴۰۵") == "دوره-های-مهارت-آموزی-۱۴۰۵"


def test_an_article_saved_without_a_slug_gets_one_with_word_boundaries(news_index):
    page = NewsPage(title="دوره\u200cهای مهارت\u200cآموزی", lead="لید")
    news_index.add_child(instance=page)
    assert page.slug == "دوره-های-مهارت-آموزی"


def test_the_slug_field_turns_a_zwnj_into_a_hyphen_while_the_title_is_typed(
    client, admin_user, news_index
):
    client.force_login(admin_user)
    html = client.get(
        reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    ).content.decode()
    formatters = re.search(r'data-w-slug-formatters-value="([^"]*)"', html).group(1)
    assert json.loads(formatters.replace("&quot;", '"')) == [[["\u200c", "gu"], "-"]]


def test_a_new_article_says_its_news_code_comes_after_saving(client, admin_user, news_index):
    client.force_login(admin_user)
    html = client.get(
        reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    ).content.decode()
    assert "پس از ذخیره تعیین می‌شود" in html
    assert ">None<" not in html


def test_a_saved_article_shows_its_news_code_in_persian_digits(client, admin_user, news_index):
    page = factories.article(news_index, news_code=5012)
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "۵۰۱۲" in html


def test_login_page_names_the_organisation_and_shows_its_emblem(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "ورود به پیشخوان بهزیستی خوزستان" in html
    assert "img/admin/emblem.svg" in html
    assert 'alt="نشان ادارهٔ کل بهزیستی استان خوزستان"' in html
    assert "وگتیل" not in html and "Wagtail" not in html.split("<title>")[1].split("</title>")[0]


def test_dashboard_links_to_our_persian_guide_not_wagtails(client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("portal_editor_guide") in html
    assert "guide.wagtail.org" not in html
    assert "editor guide" not in html


def test_the_help_menu_offers_our_guide_and_no_new_item_badge(client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    ).group(1)
    props = json.dumps(json.loads(props), ensure_ascii=False)
    assert "راهنمای ویرایشگران" in props and "/admin/guide/" in props
    assert "guide.wagtail.org" not in props and "whats-new" not in props


def test_the_guide_teaches_the_editors_day_in_persian(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("portal_editor_guide"))
    assert response.status_code == 200
    html = response.content.decode()
    for topic in ("انتشار خبر", "متن جایگزین", "برچسب", "سرویس", "زمان‌بندی", "بررسی نظرها"):
        assert topic in html


def test_the_guide_is_for_signed_in_editors_only(client):
    response = client.get(reverse("portal_editor_guide"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
