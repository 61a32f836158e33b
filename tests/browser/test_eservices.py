"""E-services pages and the help-line bar in a real browser: axe gate, phone width, filtering."""

import io

import pytest

from eservices import demo_content as eservices_demo
from portal import demo_content as portal_demo
from tests.browser.accessibility import WCAG_21_AA, assert_accessible
from tests.browser.html_check import assert_valid_html
from tests.factories import news as news_factories

PHONE = {"width": 360, "height": 640}
WITH_BEST_PRACTICES = (*WCAG_21_AA, "best-practice")  # landmarks, heading order, one <h1>
PAGES = {
    "e-services page": "/services/",
    "e-services page filtered": "/services/?q=مستمری",
    "centres page": "/centres/",
    "centres page, unknown county": "/centres/?county=تهران",
}

# A function, not a bare expression: the page's CSP forbids eval, which Playwright needs for those.
VISIBLE_CARDS_ARE = "(n) => document.querySelectorAll('.eservice-card:not([hidden])').length === n"


@pytest.fixture
def demo_services(db):
    portal_demo.load(io.StringIO())
    eservices_demo.load(io.StringIO())


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_eservices_pages_meet_no_accessibility_barrier(browser_page, live_url, demo_services, name):
    response = browser_page.goto(live_url(PAGES[name]))
    assert response.status == 200
    assert_accessible(browser_page, context=name, tags=WITH_BEST_PRACTICES)
    assert_valid_html(response.text())  # what the server sent, not the browser's repaired DOM


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/services/", "/centres/", "/about/"])
def test_help_lines_are_visible_without_scrolling_on_a_phone(
    browser_page, live_url, demo_services, path
):
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_url(path))
    for number in ("123", "1480"):
        link = browser_page.locator(f'.hotline-bar a[href="tel:{number}"]')
        box = link.bounding_box()
        assert box is not None and box["width"] > 0
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] / 2, (
            f"tel:{number} must sit in the top half of a {PHONE['height']}px phone screen"
        )
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(browser_page, context=f"{path} at {PHONE['width']}px")


@pytest.mark.browser
def test_phone_link_accessible_name_is_the_visible_digit_by_digit_text(
    browser_page, live_url, demo_services
):
    browser_page.goto(live_url("/"))
    link = browser_page.locator('.hotline-bar a[href="tel:1480"]')
    accessible_name = link.evaluate(
        "element => element.getAttribute('aria-label') || element.innerText"
    )
    assert link.get_attribute("aria-label") is None
    assert " ".join(accessible_name.split()) == "صدای مشاور ۱ ۴ ۸ ۰"
    # Shown as one number: the spaces between digits are drawn much narrower than a word space.
    widths = browser_page.evaluate(
        """() => {
            const number = document.querySelector('.hotline-bar a[href="tel:1480"] .phone__number');
            const probe = document.createElement('span');
            probe.textContent = '۱۴۸۰';
            probe.style.fontWeight = getComputedStyle(number).fontWeight;
            number.parentElement.appendChild(probe);
            const result = {spaced: number.getBoundingClientRect().width,
                            joined: probe.getBoundingClientRect().width};
            probe.remove();
            return result;
        }"""
    )
    assert widths["spaced"] < widths["joined"] * 1.35


@pytest.mark.browser
def test_links_to_other_systems_are_named_with_their_title_and_say_they_leave(
    browser_page, live_url, demo_services
):
    browser_page.goto(live_url("/services/"))
    name = "استعلام مستمری و کمک‌هزینه‌ها (پیوند به سامانهٔ بیرونی)"
    link = browser_page.get_by_role("link", name=name, exact=True)
    assert link.count() == 1
    assert link.get_attribute("href").startswith("https://")


@pytest.mark.browser
def test_filter_narrows_the_list_as_the_reader_types_and_announces_the_count(
    browser_page, live_url, demo_services
):
    browser_page.goto(live_url("/services/"))
    cards = browser_page.locator(".eservice-card:visible")
    total = cards.count()
    assert total == 10

    browser_page.fill("#eservices-query", "مستمري،")  # an Arabic ي and a trailing comma
    browser_page.wait_for_function(VISIBLE_CARDS_ARE, arg=1)
    assert cards.count() == 1
    assert "استعلام مستمری" in cards.first.inner_text()
    status = browser_page.locator("#eservices-status")
    assert status.get_attribute("role") == "status"
    assert "۱ خدمت از ۱۰ خدمت" in status.inner_text()
    assert "q=" in browser_page.url  # the filtered list can be shared as a link

    browser_page.fill("#eservices-query", "گذرنامه")
    browser_page.wait_for_function(VISIBLE_CARDS_ARE, arg=0)
    assert "پیدا نشد" in status.inner_text()
    assert browser_page.locator(".eservices-category:visible").count() == 0

    browser_page.fill("#eservices-query", "")
    browser_page.wait_for_function(VISIBLE_CARDS_ARE, arg=total)


@pytest.mark.browser
def test_article_sidebar_with_services_and_help_lines_meets_no_barrier(
    browser_page, live_url, demo_services, home_page
):
    article = news_factories.article(news_factories.news_index(home_page), title="خبر آزمایشی")
    browser_page.goto(live_url(article.url))
    sidebar = browser_page.locator(".eservices-sidebar")
    assert sidebar.get_by_role("heading", name="خدمات الکترونیک پرکاربرد").count() == 1
    assert sidebar.locator('a[href="tel:123"]').count() == 1
    assert_accessible(
        browser_page, context="article with the e-services sidebar", tags=WITH_BEST_PRACTICES
    )


@pytest.mark.browser
def test_centres_filter_by_county_with_the_keyboard(browser_page, live_url, demo_services):
    browser_page.goto(live_url("/centres/"))
    browser_page.select_option("#centres-county", "دزفول")
    browser_page.click("text=نمایش مراکز")
    browser_page.wait_for_url("**/centres/?county=*")
    assert browser_page.locator("h1").inner_text() == "مراکز خدمات شهرستان دزفول"
    assert browser_page.locator(".centre").count() == 1
