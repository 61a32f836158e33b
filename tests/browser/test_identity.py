"""The organisation's look: emblem and name, icons, footer pages, a short phone header."""

import io
from pathlib import Path

import pytest

from eservices import demo_content as eservices_demo
from portal import demo_content as portal_demo
from tests.browser.accessibility import assert_accessible

PHONE = {"width": 390, "height": 844}
LONGEST_HEADER = 0.20 * PHONE["height"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def demo_portal(db):
    portal_demo.load(io.StringIO())
    eservices_demo.load(io.StringIO())


def header_bottom(page):
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().bottom")


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/about/"])
def test_phone_header_takes_at_most_a_fifth_of_the_screen_with_search_one_tap_away(
    browser_page, live_url, demo_portal, path
):
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_url(path))
    bottom = header_bottom(browser_page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # kept by CI as artefacts
    name = path.strip("/") or "home"
    browser_page.screenshot(path=SCREENSHOTS / f"phone-header-{name}.png")
    print(f"phone header on {path}: {bottom:.0f}px of {PHONE['height']}px")
    assert bottom <= LONGEST_HEADER, f"header ends at {bottom:.0f}px"

    search = browser_page.get_by_role("link", name="جستجو", exact=True)
    assert search.is_visible()
    box = search.bounding_box()
    assert box["y"] + box["height"] <= bottom and box["width"] >= 24 and box["height"] >= 24
    search.click()
    browser_page.wait_for_url("**/search/")
    # The search field is on the first screen of the page that opens.
    field = browser_page.locator("#search-q").bounding_box()
    assert field["y"] + field["height"] <= PHONE["height"]
    assert_accessible(browser_page, context="search page reached from the phone header")


@pytest.mark.browser
def test_reader_finds_about_contact_and_complaints_in_the_footer(
    browser_page, live_url, demo_portal
):
    browser_page.goto(live_url("/"))
    footer_pages = browser_page.get_by_role("navigation", name="دربارهٔ بهزیستی")
    for name in ("دربارهٔ ما", "تماس با ما", "شکایات و پیشنهادها"):
        browser_page.goto(live_url("/"))
        footer_pages.get_by_role("link", name=name, exact=True).click()
        assert browser_page.get_by_role("heading", level=1).inner_text() == name
        assert_accessible(browser_page, context=f"{name} page")


@pytest.mark.browser
def test_header_shows_the_emblem_and_name_and_the_browser_gets_icons(
    browser_page, live_url, demo_portal
):
    browser_page.goto(live_url("/"))
    brand = browser_page.locator(".site-brand")
    assert brand.get_attribute("href") == "/"
    assert "بهزیستی" in brand.inner_text()
    emblem = brand.locator("img")
    assert emblem.get_attribute("alt") == ""  # the name beside it says it
    assert emblem.evaluate("(image) => image.complete && image.naturalWidth > 0")
    assert browser_page.locator('meta[name="theme-color"]').get_attribute("content") == "#0b4f8a"
    manifest_href = browser_page.locator('link[rel="manifest"]').get_attribute("href")
    manifest = browser_page.request.get(live_url(manifest_href)).json()
    assert manifest["lang"] == "fa" and manifest["dir"] == "rtl"
    for icon in manifest["icons"]:
        url = live_url(manifest_href.rsplit("/", 1)[0] + "/" + icon["src"])
        response = browser_page.request.get(url)
        assert response.ok, icon["src"]
        assert response.headers["content-type"] == icon["type"]
    for selector in ('link[rel="icon"][type="image/png"]', 'link[rel="apple-touch-icon"]'):
        href = browser_page.locator(selector).get_attribute("href")
        assert browser_page.request.get(live_url(href)).ok
