"""The read-only API at /api/v2/: what apps may read, field by field, and what they never see."""

import json

import pytest

from wagtail.models import PageViewRestriction

from eservices.models import EService, Hotline
from news.models import Comment
from portal.jalali import format_jalali, iso_8601
from tests.factories import news as factories
from tests.portal.search_helpers import article_with

NEWS_LISTING_FIELDS = {
    "id",
    "meta",
    "title",
    "news_code",
    "over_title",
    "lead",
    "published_at",
    "published_at_jalali",
    "section",
    "tags",
}
NEWS_DETAIL_FIELDS = NEWS_LISTING_FIELDS | {"main_image", "body"}
# Editors' and readers' private data, and page internals, under any name they might take.
NEVER_SHOWN = [
    "owner",
    "email",
    "ip_hash",
    "user_agent",
    "tracking_code",
    "comments",
    "draft_title",
    "latest_revision",
    "locked",
    "password",
    "moderated_by",
    "last_link_check",
]


@pytest.fixture
def news_index(home_page):
    return factories.news_index(home_page)


def get_json(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def assert_nothing_private(payload):
    text = json.dumps(payload, ensure_ascii=False)
    for name in NEVER_SHOWN:
        assert f'"{name}' not in text, name


@pytest.fixture
def published_article(news_index):
    section = factories.section("توانبخشی", slug="rehab")
    article = article_with(
        news_index,
        title="افتتاح مرکز توانبخشی دزفول",
        over_title="با حضور مدیرکل",
        lead="مرکز تازهٔ توانبخشی در دزفول گشایش یافت.",
        body_text="این مرکز به ۳۰۰ مددجو خدمت می‌دهد.",
        section=section,
        tags=["توانبخشی", "دزفول"],
        main_image=factories.image(width=640, height=480),
        main_image_alt="نمای بیرونی ساختمان مرکز",
    )
    Comment.objects.create(
        article=article,
        name="زهرا",
        email="zahra@example.org",
        body="خیلی خوب است",
        status=Comment.Status.APPROVED,
        ip_hash="abc123",
        user_agent="Mozilla/5.0",
    )
    return article


def test_app_reads_an_article_with_code_dates_section_tags_image_and_body(
    client, published_article
):
    item = get_json(client, f"/api/v2/news/{published_article.pk}/")

    assert set(item) == NEWS_DETAIL_FIELDS
    assert item["id"] == published_article.pk
    assert item["title"] == "افتتاح مرکز توانبخشی دزفول"
    assert item["over_title"] == "با حضور مدیرکل"
    assert item["lead"] == "مرکز تازهٔ توانبخشی در دزفول گشایش یافت."
    assert item["news_code"] == published_article.news_code
    assert item["published_at"] == iso_8601(published_article.published_at)
    assert item["published_at"].endswith("+03:30")
    jalali = item["published_at_jalali"]
    assert set(jalali) == {"date", "short", "datetime"}
    assert jalali["date"] == format_jalali(published_article.published_at)
    assert jalali["short"] == format_jalali(published_article.published_at, "short")
    assert not any(digit in "".join(jalali.values()) for digit in "0123456789")
    assert item["section"] == {
        "id": published_article.section.pk,
        "name": "توانبخشی",
        "slug": "rehab",
    }
    assert sorted(item["tags"]) == ["توانبخشی", "دزفول"]
    image = item["main_image"]
    assert set(image) == {"url", "width", "height", "alt"}
    assert image["url"].startswith("http") and "fill-1200x675" in image["url"]
    assert image["alt"] == "نمای بیرونی ساختمان مرکز"
    assert (image["width"], image["height"]) == (640, 360)
    assert item["body"][0]["type"] == "paragraph"
    assert "۳۰۰ مددجو" in item["body"][0]["value"]
    assert item["meta"]["type"] == "news.NewsPage"
    assert item["meta"]["html_url"].endswith(published_article.url)
    assert "parent" not in item["meta"]
    assert_nothing_private(item)
    assert "zahra" not in json.dumps(item) and "زهرا" not in json.dumps(item, ensure_ascii=False)


def test_decorative_main_image_has_empty_alt(client, news_index):
    article = article_with(
        news_index, title="تزئینی", main_image=factories.image(), main_image_decorative=True
    )

    item = get_json(client, f"/api/v2/news/{article.pk}/")

    assert item["main_image"]["alt"] == ""


def test_news_listing_is_paginated_with_the_listing_fields(client, news_index):
    for number in range(5):
        article_with(
            news_index, title=f"خبر شمارهٔ {number}", published_at=factories.days_ago(number)
        )

    page = get_json(client, "/api/v2/news/", {"limit": 2, "offset": 1})

    assert page["meta"]["total_count"] == 5
    assert [item["title"] for item in page["items"]] == ["خبر شمارهٔ 1", "خبر شمارهٔ 2"]
    assert set(page["items"][0]) == NEWS_LISTING_FIELDS
    assert_nothing_private(page)


def test_news_can_be_filtered_by_tag_and_section(client, published_article, news_index):
    other_section = factories.section("اشتغال", slug="jobs")
    article_with(news_index, title="خبر اشتغال", section=other_section, tags=["اشتغال"])

    by_tag = get_json(client, "/api/v2/news/", {"tags": "دزفول"})
    by_section = get_json(client, "/api/v2/news/", {"section": other_section.pk})

    assert [item["title"] for item in by_tag["items"]] == [published_article.title]
    assert [item["title"] for item in by_section["items"]] == ["خبر اشتغال"]


def test_news_tag_filter_finds_a_tag_however_it_is_spelled(client, news_index):
    books = article_with(news_index, title="کتاب‌های گویا", tags=["کتاب‌ها", "نابینایان"])
    article_with(news_index, title="خبر دیگر", tags=["کتاب‌ها"])

    for spelling in ("كتاب ها", "کتابها", "کتاب‌ها"):
        found = get_json(client, "/api/v2/news/", {"tags": f"{spelling},نابينايان"})
        assert [item["id"] for item in found["items"]] == [books.pk], spelling
    assert get_json(client, "/api/v2/news/", {"tags": "کتاب"})["items"] == []
    get_json(client, "/api/v2/news/", {"tags": "کتاب\x00"}, status=400)


def test_api_search_folds_spellings(client, published_article):
    found = get_json(client, "/api/v2/news/", {"search": "توانبخشي دزفول"})

    assert [item["id"] for item in found["items"]] == [published_article.pk]


def test_api_search_can_list_the_oldest_first(client, news_index):
    older = article_with(news_index, title="مستمری سالمندان", published_at=factories.days_ago(9))
    newer = article_with(news_index, title="مستمری مددجویان", published_at=factories.days_ago(1))

    found = get_json(client, "/api/v2/news/", {"search": "مستمري", "order": "published_at"})

    assert [item["id"] for item in found["items"]] == [older.pk, newer.pk]
    assert found["meta"]["total_count"] == 2


def test_drafts_private_and_unpublished_articles_are_never_exposed(client, news_index):
    draft = article_with(news_index, title="پیش‌نویس", publish=False, live=False)
    private = article_with(news_index, title="خبر خصوصی")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    withdrawn = article_with(news_index, title="خبر برداشته")
    withdrawn.unpublish()
    edited = article_with(news_index, title="عنوان منتشرشده")
    edited.title = "عنوان پیش‌نویس تازه"
    edited.save_revision()

    listing = get_json(client, "/api/v2/news/")
    text = json.dumps(listing, ensure_ascii=False)

    assert [item["id"] for item in listing["items"]] == [edited.pk]
    assert "عنوان منتشرشده" in text and "پیش‌نویس" not in text
    for hidden in (draft, private, withdrawn):
        get_json(client, f"/api/v2/news/{hidden.pk}/", status=404)
    assert get_json(client, "/api/v2/tags/")["meta"]["total_count"] == 0


def test_other_page_types_are_not_reachable_through_the_news_endpoint(client, news_index):
    get_json(client, "/api/v2/news/", {"type": "wagtailcore.Page"}, status=400)
    get_json(client, f"/api/v2/news/{news_index.pk}/", status=404)
    assert client.get("/api/v2/pages/").status_code == 404


def test_tags_list_only_tags_of_published_articles_with_their_counts(client, news_index):
    article_with(news_index, title="یک", tags=["کودکان", "بهزیستی"])
    article_with(news_index, title="دو", tags=["کودکان"])
    article_with(news_index, title="سه", tags=["پنهان"], publish=False, live=False)

    tags = get_json(client, "/api/v2/tags/")

    counts = {item["name"]: item["news_count"] for item in tags["items"]}
    assert counts == {"کودکان": 2, "بهزیستی": 1}
    assert set(tags["items"][0]) == {"id", "meta", "name", "slug", "news_count"}


def test_eservices_and_hotlines_show_active_items_only(client, db):
    EService.objects.create(
        title="درخواست مستمری",
        description="ثبت آنلاین",
        address="https://example.org/pension",
        category="حمایت",
        popular=True,
    )
    EService.objects.create(
        title="سامانهٔ قدیمی", address="https://example.org/old", category="حمایت", active=False
    )
    Hotline.objects.create(number="123", title="اورژانس اجتماعی")
    Hotline.objects.create(number="1480", title="صدای مشاور", active=False)

    services = get_json(client, "/api/v2/eservices/")
    hotlines = get_json(client, "/api/v2/hotlines/")

    assert [item["title"] for item in services["items"]] == ["درخواست مستمری"]
    service = services["items"][0]
    assert set(service) == {"id", "meta", "title", "description", "address", "category", "popular"}
    assert service["address"] == "https://example.org/pension"
    assert service["popular"] is True
    assert [item["number"] for item in hotlines["items"]] == ["123"]
    assert set(hotlines["items"][0]) == {"id", "meta", "number", "title", "description", "hours"}
    assert_nothing_private(services)
    inactive = EService.objects.get(active=False)
    get_json(client, f"/api/v2/eservices/{inactive.pk}/", status=404)
    found = get_json(client, "/api/v2/eservices/", {"search": "مستمري"})
    assert [item["title"] for item in found["items"]] == ["درخواست مستمری"]


def test_api_is_read_only(client, published_article):
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(f"/api/v2/news/{published_article.pk}/")
        assert response.status_code == 405


@pytest.mark.parametrize(
    "params",
    [
        {"search": '"'},
        {"search": "\x00"},
        {"search": "AND OR NOT"},
        {"search": "-*()"},
        {"search": "ک" * 5000},
        {"search": "توانبخشی", "search_operator": "and"},
        {"search": "توانبخشی", "search_operator": "xor"},
        {"tags": "\x00"},
        {"section": "abc"},
        {"section": "\x00"},
        {"limit": "abc"},
        {"limit": "-1"},
        {"limit": "100000"},
        {"offset": "abc"},
        {"order": "owner"},
        {"order": "random", "offset": "1"},
        {"fields": "comments"},
        {"fields": "owner"},
        {"fields": "*,-title,draft_title"},
        {"html_path": "\x00"},
        {"unknown": "1"},
    ],
)
def test_hostile_api_queries_are_answered_without_an_error(client, published_article, params):
    response = client.get("/api/v2/news/", params)

    assert response.status_code in (200, 400)
    assert_nothing_private(response.json())


def test_news_listing_query_count_does_not_grow(client, news_index, django_assert_max_num_queries):
    section = factories.section("اجتماعی", slug="social")
    article_with(
        news_index,
        title="یک",
        section=section,
        tags=["الف"],
        main_image=factories.image(),
        main_image_alt="عکس",
    )
    fields = {"fields": "main_image,body"}
    with django_assert_max_num_queries(30) as one:
        get_json(client, "/api/v2/news/", fields)
    # Read now: the next request empties the connection's query log that this count reads.
    queries_for_one = len(one.captured_queries)
    for number in range(9):
        article_with(
            news_index,
            title=f"خبر {number}",
            section=section,
            tags=["الف", f"ب{number}"],
            main_image=factories.image(),
            main_image_alt="عکس",
        )
    # Renditions are made on the first request that needs them; ask once to create them.
    get_json(client, "/api/v2/news/", fields)
    with django_assert_max_num_queries(queries_for_one):
        get_json(client, "/api/v2/news/", fields)
