import re

import pytest
from persiantools.jdatetime import JalaliDate

from news.listing import PAGE_SIZE
from news.models import NewsDailyViews
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


def many_articles(news_index, count, **fields):
    return [
        factories.article(news_index, published_at=factories.days_ago(number), **fields)
        for number in range(count)
    ]


def test_news_index_lists_newest_first_with_pages(client, news_index):
    articles = many_articles(news_index, PAGE_SIZE + 2)
    first = client.get("/news/").content.decode()
    assert articles[0].title in first and articles[PAGE_SIZE].title not in first
    assert first.index(articles[0].title) < first.index(articles[1].title)
    second = client.get("/news/?page=2").content.decode()
    assert articles[PAGE_SIZE].title in second
    assert 'aria-current="page"><span class="visually-hidden">صفحهٔ </span>۲</a>' in second


@pytest.mark.parametrize(
    "query",
    ["?page=abc", "?page=", "?page=-3", "?page=0", "?page=1e9", "?page=%00", "?page=۲"],
)
def test_bad_page_numbers_give_a_sensible_page_never_an_error(client, news_index, query):
    many_articles(news_index, 3)
    response = client.get("/news/" + query)
    assert response.status_code == 200


def test_page_past_the_end_shows_the_last_page(client, news_index):
    articles = many_articles(news_index, PAGE_SIZE + 1)
    html = client.get("/news/?page=999999999999").content.decode()
    assert articles[-1].title in html


@pytest.mark.parametrize(
    "query", ["?section=<script>", "?q='; DROP TABLE x;--", "?page[]=1&page=2", "?%ff=%fe"]
)
def test_hostile_query_strings_are_ignored(client, news_index, query):
    many_articles(news_index, 2)
    assert client.get("/news/" + query).status_code == 200


def test_section_filter_lists_only_that_section(client, news_index):
    employment = factories.section("اشتغال", "employment")
    social = factories.section("اجتماعی", "social")
    mine = factories.article(news_index, title="خبر اشتغال", section=employment)
    other = factories.article(news_index, title="خبر اجتماعی", section=social)
    html = client.get("/news/").content.decode()
    assert 'href="/news/section/employment/"' in html
    html = client.get("/news/section/employment/").content.decode()
    assert mine.title in html and other.title not in html
    assert "<h1>سرویس اشتغال</h1>" in html


def test_unknown_section_is_a_persian_404(client, news_index):
    response = client.get("/news/section/nothing-here/")
    assert response.status_code == 404
    assert "پیدا نشد" in response.content.decode()


def test_persian_tag_page_lists_its_news(client, news_index):
    tagged = factories.article(news_index, title="خبر زنان سرپرست", tags=["زنان سرپرست خانوار"])
    other = factories.article(news_index, title="خبر دیگر", tags=["سالمندان"])
    response = client.get("/news/tags/زنان-سرپرست-خانوار/")
    html = response.content.decode()
    assert response.status_code == 200
    assert tagged.title in html and other.title not in html
    assert "برچسب: زنان سرپرست خانوار" in html


def test_tag_typed_with_arabic_letters_redirects_to_the_persian_tag(client, news_index):
    factories.article(news_index, tags=["کودکان"])
    response = client.get("/news/tags/كودكان/")
    assert response.status_code == 301
    assert response["Location"] == "/news/tags/%DA%A9%D9%88%D8%AF%DA%A9%D8%A7%D9%86/"


@pytest.mark.parametrize("tag", ["نیست", "<script>", "%00", "a" * 300])
def test_nonexistent_tags_are_404(client, news_index, tag):
    assert client.get(f"/news/tags/{tag}/").status_code == 404


def test_archive_lists_a_jalali_month(client, news_index):
    inside = factories.article(
        news_index,
        title="خبر دی ۱۳۹۷",
        published_at=factories.datetime_in_tehran(2019, 1, 2, 14, 30),
    )
    outside = factories.article(
        news_index,
        title="خبر بهمن ۱۳۹۷",
        published_at=factories.datetime_in_tehran(2019, 1, 21, 1, 0),
    )
    response = client.get("/news/archive/1397/10/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "بایگانی اخبار دی ۱۳۹۷" in html
    assert inside.title in html and outside.title not in html
    assert 'href="/news/archive/1397/09/">ماه پیش: آذر ۱۳۹۷' in html
    assert 'href="/news/archive/1397/11/">ماه بعد: بهمن ۱۳۹۷' in html


def test_archive_month_boundary_follows_tehran_midnight(client, news_index):
    # 1 Bahman 1397 starts at 00:00 Tehran time on 21 January 2019 (20:30 UTC the day before).
    first_minute = factories.article(
        news_index,
        title="نخستین دقیقهٔ بهمن",
        published_at=factories.datetime_in_tehran(2019, 1, 21, 0, 1),
    )
    assert first_minute.title in client.get("/news/archive/1397/11/").content.decode()
    assert first_minute.title not in client.get("/news/archive/1397/10/").content.decode()


def test_archive_address_with_persian_digits_redirects(client, news_index):
    response = client.get("/news/archive/۱۳۹۷/۱۰/")
    assert response.status_code == 301
    assert response["Location"] == "/news/archive/1397/10/"
    assert client.get("/news/archive/1397/1/")["Location"] == "/news/archive/1397/01/"


@pytest.mark.parametrize(
    "path", ["1397/13", "1397/00", "0001/05", "9999/01", "1397/99", "abcd/01", "1397", "1397/10/5"]
)
def test_archive_dates_that_do_not_exist_are_404(client, news_index, path):
    assert client.get(f"/news/archive/{path}/").status_code == 404


def test_current_month_archive_has_no_next_month_link(client, news_index):
    today = JalaliDate.today()
    html = client.get(f"/news/archive/{today.year}/{today.month:02d}/").content.decode()
    assert "ماه پیش" in html and "ماه بعد" not in html


def test_most_read_ignores_views_older_than_a_week(client, news_index):
    stale = factories.article(news_index, title="خبر پرخوانندهٔ ماه پیش")
    NewsDailyViews.objects.create(page=stale, day=factories.days_ago(30).date(), count=900)
    html = client.get("/").content.decode()
    assert "پربازدیدترین" not in html


def test_listings_advertise_their_feeds(client, news_index):
    factories.article(
        news_index, tags=["اشتغال"], section=factories.section("اشتغال", "employment")
    )
    index_html = client.get("/news/").content.decode()
    rss_link = 'type="application/rss+xml" title="خوراک RSS: اخبار" href="/news/rss/">'
    assert f'<link rel="alternate" {rss_link}' in index_html
    assert 'type="application/atom+xml"' in index_html
    tag_html = client.get("/news/tags/اشتغال/").content.decode()
    assert 'href="/news/tags/%D8%A7%D8%B4%D8%AA%D8%BA%D8%A7%D9%84/rss/"' in tag_html
    section_html = client.get("/news/section/employment/").content.decode()
    assert 'href="/news/section/employment/atom/"' in section_html


def test_archive_offers_only_months_that_have_news(client, news_index):
    factories.article(news_index, published_at=factories.datetime_in_tehran(2019, 1, 2, 14, 30))
    factories.article(news_index, published_at=factories.datetime_in_tehran(2019, 3, 1, 9, 0))
    html = client.get("/news/").content.decode()
    months = re.findall(r'href="/news/archive/(\d+)/(\d+)/"', html)
    # دی and اسفند ۱۳۹۷ have news; بهمن between them and every month since have none.
    assert months == [("1397", "12"), ("1397", "10")]
    assert "دی ۱۳۹۷" in html and "بهمن ۱۳۹۷" not in html


def test_a_newly_published_month_appears_in_the_archive_at_once(client, news_index):
    factories.article(news_index, published_at=factories.datetime_in_tehran(2019, 1, 2, 14, 30))
    assert "آذر ۱۳۹۷" not in client.get("/news/").content.decode()
    factories.article(news_index, published_at=factories.datetime_in_tehran(2018, 12, 1, 10, 0))
    assert "آذر ۱۳۹۷" in client.get("/news/").content.decode()
