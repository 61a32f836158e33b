"""The search page in a real browser: axe gate, valid HTML, keyboard use, phone width."""

import io

import pytest

from eservices.models import EService
from portal import demo_content as portal_demo
from tests.browser.accessibility import assert_accessible
from tests.browser.html_check import assert_valid_html
from tests.factories import news as factories

PHONE = {"width": 360, "height": 640}


@pytest.fixture
def searchable_news(db):
    portal_demo.load(io.StringIO())
    index = factories.news_index(portal_demo.home_page())
    section = factories.section("توانبخشی", "rehabilitation")
    for number in range(12):
        factories.article(
            index,
            title=f"گشایش مرکز توانبخشی شمارهٔ {number + 1}",
            over_title="با حضور مسئولان استان",
            lead="مرکز توانبخشی روزانه برای کودکان گشایش یافت و مددجویان به آن می‌روند.",
            tags=["توانبخشی"],
            section=section,
            published_at=factories.days_ago(number),
        )
    EService.objects.create(
        title="نوبت‌دهی توانبخشی",
        description="گرفتن نوبت مرکز توانبخشی",
        address="https://example.org/turn",
        category="توانبخشی",
    )
    return index


SEARCH_PAGES = {
    "results": "/search/?q=توانبخشي",
    "results, page 2 sorted by date": "/search/?q=توانبخشی&sort=date&page=2",
    "nothing found": "/search/?q=زرافه",
    "empty query": "/search/",
    "bad date": "/search/?q=مرکز&date_from=۱۴۰۳/۱۳/۴۰",
}


@pytest.mark.browser
@pytest.mark.parametrize("name", SEARCH_PAGES)
def test_search_pages_pass_the_accessibility_gate(browser_page, live_url, searchable_news, name):
    response = browser_page.goto(live_url(SEARCH_PAGES[name]))

    assert_valid_html(response.text(), context=name)
    assert_accessible(browser_page, context=f"search: {name}")


@pytest.mark.browser
def test_reader_searches_from_the_header_with_the_keyboard(browser_page, live_url, searchable_news):
    browser_page.goto(live_url("/"))
    browser_page.get_by_role("searchbox", name="جستجو در پرتال").fill("مي روند")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**/search/?q=*")

    heading = browser_page.get_by_role("heading", level=2, name="نتیجه")
    assert "۱۲ نتیجه برای «می روند»" in heading.first.inner_text()
    assert browser_page.locator("mark").first.inner_text() == "می‌روند"
    browser_page.get_by_role("link", name="صفحهٔ بعد").click()
    assert "صفحهٔ ۲ از ۲" in browser_page.locator(".pagination").inner_text()


@pytest.mark.browser
def test_filters_are_labelled_and_usable_on_a_phone(browser_page, live_url, searchable_news):
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_url("/search/?q=توانبخشی"))

    browser_page.get_by_label("سرویس خبری").select_option(label="توانبخشی")
    browser_page.get_by_label("از تاریخ").fill("۱۴۰۰/۰۱/۰۱")
    browser_page.get_by_label("ترتیب").select_option("date")
    browser_page.get_by_role("button", name="جستجو", exact=True).last.click()
    browser_page.wait_for_url("**sort=date*")

    assert "section=rehabilitation" in browser_page.url
    width = browser_page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the search page scrolls sideways on a phone"
    assert_accessible(browser_page, context="search on a phone")
