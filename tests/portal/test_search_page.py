"""The /search/ page as a reader uses it: results, counts, snippets, filters, order and guidance."""

import datetime

import pytest

from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import PageViewRestriction

from eservices.models import EService
from news.models import NewsSection
from tests.factories import news as factories
from tests.portal.search_helpers import article_with

TEHRAN = datetime.timezone(datetime.timedelta(hours=3, minutes=30))


@pytest.fixture
def news_index(home_page):
    return factories.news_index(home_page)


def search(client, **params):
    """The page's text as a reader sees it (tags removed); search_html() keeps the markup."""
    return strip_tags(search_html(client, **params))


def search_html(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_reader_finds_an_article_and_sees_the_count_in_persian_digits(client, news_index):
    for number in range(12):
        article_with(news_index, title=f"کمک هزینهٔ درمان شمارهٔ {number}")
    article_with(news_index, title="جشنوارهٔ فیلم")

    html = search_html(client, q="درمان")

    assert '<h2 id="search-results-heading">' in html
    text = strip_tags(html)
    assert "۱۲ نتیجه برای «درمان»" in text
    assert "جشنوارهٔ فیلم" not in text
    assert "صفحهٔ ۱ از ۲" in text


def test_second_page_continues_where_the_first_stopped(client, news_index):
    titles = {
        article_with(
            news_index,
            title=f"مستمری مددجویان، پروندهٔ {number:02d}",
            published_at=factories.days_ago(number),
        ).title
        for number in range(13)
    }

    for sort in ("relevance", "date"):
        first = search(client, q="مستمری", sort=sort)
        second = search(client, q="مستمری", sort=sort, page=2)

        on_first = {title for title in titles if title in first}
        on_second = {title for title in titles if title in second}
        assert (len(on_first), len(on_second)) == (10, 3), sort
        assert on_first | on_second == titles
        assert "۱۳ نتیجه برای «مستمری»" in first and "۱۳ نتیجه برای «مستمری»" in second
        assert "صفحهٔ ۲ از ۲" in second


def test_snippet_marks_the_words_as_the_article_spells_them(client, news_index):
    article_with(
        news_index,
        title="گزارش",
        lead="مددجویان <b>امروز</b> به مرکز می‌آیند.",
        body_text="آنها فردا به مرکز مي&zwnj;روند.",
    )

    html = search_html(client, q="میروند میآیند")

    assert "<mark>می‌آیند</mark>" in html
    assert "&lt;b&gt;امروز&lt;/b&gt;" in html
    assert "<b>امروز</b>" not in html


def test_words_in_the_body_are_found_and_shown_in_the_snippet(client, news_index):
    article_with(news_index, title="گزارش", body_text="در این برنامه ۴۵۰ ویلچر توزیع شد.")

    html = search_html(client, q="ويلچر")

    assert "<mark>ویلچر</mark>" in html


def test_page_number_that_is_not_a_number_shows_the_first_page(client, news_index):
    article_with(news_index, title="اشتغال مددجویان")

    html = search(client, q="اشتغال", page="abc")

    assert "اشتغال مددجویان" in html


def test_reader_narrows_results_by_section_and_tag(client, news_index):
    employment = factories.section("اشتغال", slug="employment")
    health = factories.section("سلامت", slug="health")
    wanted = article_with(news_index, title="وام اشتغال روستایی", section=employment, tags=["وام"])
    article_with(news_index, title="وام درمان", section=health, tags=["وام"])
    article_with(news_index, title="وام مسکن", section=employment, tags=["مسکن"])

    html = search(client, q="وام", section="employment", tag="وام")

    assert wanted.title in html
    assert "وام درمان" not in html
    assert "وام مسکن" not in html
    assert "۱ نتیجه" in html


def test_reader_narrows_by_a_jalali_date_range_typed_in_any_digits(client, news_index):
    inside = article_with(
        news_index,
        title="همایش نوروزی",
        published_at=datetime.datetime(2024, 3, 25, 10, 0, tzinfo=TEHRAN),  # ۶ فروردین ۱۴۰۳
    )
    article_with(
        news_index,
        title="همایش پاییزی",
        published_at=datetime.datetime(2024, 10, 1, 10, 0, tzinfo=TEHRAN),
    )

    html = search(client, q="همایش", date_from="۱۴۰۳/۰۱/۰۱", date_to="1403/1/6")

    assert inside.title in html
    assert "همایش پاییزی" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "۱۴۰۳/۱۳/۰۱"},
        {"date_from": "امروز"},
        {"date_to": "1403/12/31"},
        {"date_from": "1403/02/01", "date_to": "1403/01/01"},
        {"section": "no-such-section"},
        {"section": "\x00"},
        {"date_from": "1" * 500},
    ],
)
def test_bad_filters_give_a_persian_message_not_an_error(client, news_index, params):
    html = search_html(client, q="خبر", **params)

    assert "جستجو انجام نشد" in html
    assert 'aria-invalid="true"' in html


def test_sorting_by_date_puts_the_newest_first(client, news_index):
    older = article_with(news_index, title="سمینار قدیمی", published_at=factories.days_ago(30))
    newer = article_with(news_index, title="سمینار تازه", published_at=factories.days_ago(1))

    html = search(client, q="سمینار", sort="date")

    assert html.index(newer.title) < html.index(older.title)


def test_relevance_puts_the_title_match_above_a_passing_mention(client, news_index):
    mention = article_with(
        news_index,
        title="گزارش هفته",
        published_at=factories.days_ago(1),
        body_text="نشست هفتگی مدیران برگزار شد. " * 20 + "از توانمندسازی هم یاد شد.",
    )
    focused = article_with(
        news_index,
        title="طرح توانمندسازی",
        lead="مرحلهٔ تازهٔ توانمندسازی زنان سرپرست خانوار آغاز شد.",
        published_at=factories.days_ago(40),
    )

    html = search(client, q="توانمندسازی")

    assert html.index(focused.title) < html.index(mention.title)


def test_empty_query_gives_guidance(client, db):
    html = search(client, q="   ")

    assert "چه چیزی را جستجو می‌کنید؟" in html


def test_nothing_found_gives_suggestions(client, news_index):
    article_with(news_index, title="خبر دیگر")

    html = search(client, q="زرافه")

    assert "نتیجه‌ای برای «زرافه» پیدا نشد" in html
    assert "واژهٔ کوتاه‌تر" in html


def test_filters_without_words_list_the_section_newest_first(client, news_index):
    employment = factories.section("اشتغال", slug="employment")
    article_with(news_index, title="خبر اشتغال", section=employment)
    article_with(news_index, title="خبر دیگر")

    html = search(client, section="employment")

    assert "خبر اشتغال" in html
    assert "خبر دیگر" not in html


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"""',
        "'",
        "\x00",
        "مرکز\x00",
        "AND",
        "OR NOT",
        "NOT",
        "-",
        "*",
        "a*",
        "(",
        "((مرکز)",
        "مرکز AND OR",
        'NEAR("a" "b")',
        "title:مرکز",
        "{title}: x",
        "^",
        "\\",
        "%",
        "_",
        "<script>alert(1)</script>",
        "مرکز " * 500,
        "ک" * 5000,
        "\u202e\u200b\u200c",
        "۱۲۳'; DROP TABLE news_newspage; --",
    ],
)
def test_hostile_queries_never_break_the_page(client, news_index, query):
    article_with(news_index, title="افتتاح مرکز")

    html = search_html(client, q=query)

    assert "<script>alert(1)</script>" not in html


def test_only_live_public_articles_are_found(client, news_index):
    article_with(news_index, title="پیش‌نویس محرمانه", publish=False, live=False)
    private = article_with(news_index, title="خبر خصوصی محرمانه")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    unpublished = article_with(news_index, title="خبر برداشته محرمانه")
    unpublished.unpublish()
    visible = article_with(news_index, title="خبر عمومی محرمانه")

    html = search(client, q="محرمانه")

    assert visible.title in html
    assert "پیش‌نویس" not in html
    assert "خبر خصوصی" not in html
    assert "خبر برداشته" not in html


def test_editing_and_unpublishing_update_results_at_once(client, news_index):
    article = article_with(news_index, title="نشست خبری")
    assert "نشست خبری" in search(client, q="نشست")

    article.title = "دیدار مردمی"
    article.save_revision().publish()
    assert "دیدار مردمی" in search(client, q="دیدار")
    assert "۱ نتیجه" not in search(client, q="نشست")

    article.unpublish()
    assert "دیدار مردمی" not in search(client, q="دیدار")


def test_active_eservices_are_found_next_to_news(client, news_index):
    EService.objects.create(
        title="درخواست مستمري",
        description="ثبت درخواست مستمری ماهانه",
        address="https://example.org/pension",
        category="حمایت",
    )
    EService.objects.create(
        title="مستمری قدیمی",
        address="https://example.org/old",
        category="حمایت",
        active=False,
    )

    html = search_html(client, q="مستمری")

    assert "<mark>مستمری</mark>" in html
    assert "https://example.org/pension" in html
    assert "https://example.org/old" not in html
    assert "خدمات الکترونیک (۱)" in html


def test_query_count_does_not_grow_with_the_results(
    client, news_index, django_assert_max_num_queries
):
    section = factories.section("اجتماعی", slug="social")
    article_with(news_index, title="نشست یک", section=section, tags=["نشست"])
    with django_assert_max_num_queries(40) as one:
        search(client, q="نشست")
    # Read now: the next request empties the connection's query log that this count reads.
    queries_for_one = len(one.captured_queries)
    for number in range(9):
        article_with(news_index, title=f"نشست {number}", section=section, tags=["نشست"])
    with django_assert_max_num_queries(queries_for_one):
        search(client, q="نشست")


def test_search_page_is_linked_from_every_page_header(client, home_page):
    html = client.get("/").content.decode()

    assert 'action="/search/"' in html
    assert 'role="search"' in html


def test_a_new_section_appears_in_the_filter(client, db):
    NewsSection.objects.create(name="ورزش")

    assert "ورزش" in search(client)


def test_timezone_is_tehran_for_date_filters(db):
    assert str(timezone.get_current_timezone()) == "Asia/Tehran"
