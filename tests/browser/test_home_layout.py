"""The home page at a phone, tablet, laptop and wide-screen width: the lead story's picture, a full
grid of the latest news with thumbnails, nothing scrolling sideways, no empty third of the screen,
in an order a keyboard and a screen reader follow as the eye does."""

import itertools
from pathlib import Path

import pytest

from tests.browser.accessibility import WCAG_21_AA, assert_accessible
from tests.browser.demo import load_demo_portal
from tests.browser.html_check import assert_valid_html

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
WIDTHS = [360, 768, 1366, 1920]
# The reading order of the home page's blocks.
BLOCKS = [".home-lead", ".home-side", ".home-latest", ".popular-eservices"]

PICTURE_LOADED = """(image) => image.complete && image.naturalWidth > 0"""

LAYOUT = """() => {
    const box = (selector) => document.querySelector(selector).getBoundingClientRect();
    const cards = [...document.querySelectorAll(".news-list--home > li")].map((item) => {
        const card = item.getBoundingClientRect();
        const filled = [...item.querySelector(".news-card").children]
            .reduce((sum, child) => sum + child.getBoundingClientRect().height, 0);
        return {top: Math.round(card.top), right: card.right, height: card.height, filled};
    });
    return {
        pageWidth: document.documentElement.scrollWidth,
        container: box(".home").width,
        containerInner: box(".home-top").width,
        lead: box(".home-lead").width,
        side: box(".home-side").width,
        cards,
    };
}"""

FOCUSED = """(blocks) => {
    const element = document.activeElement;
    const block = blocks.findIndex((selector) => element.closest(selector));
    const item = element.closest(".news-list--home > li, .eservice-grid > li");
    const rect = (item || element).getBoundingClientRect();
    return {block, inGrid: Boolean(item), top: Math.round(rect.top + scrollY),
            right: Math.round(rect.right), text: element.textContent.trim().slice(0, 40)};
}"""


@pytest.fixture
def demo_portal(db):
    load_demo_portal(most_read=5)


def show_every_picture(page):
    """Scroll each picture into view (they load lazily) and wait until it has loaded."""
    pictures = page.locator("main img")
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        picture.scroll_into_view_if_needed()
        picture.evaluate(
            "(image) => image.complete || new Promise((done) => image.addEventListener("
            "'load', done, {once: true}))"
        )
    page.evaluate("() => window.scrollTo(0, 0)")


def focus_order(page):
    """Every stop of the Tab key inside the home page's blocks, in order."""
    page.locator("h1").first.evaluate("(heading) => heading.scrollIntoView()")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(120):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED, BLOCKS)
        if stop["block"] >= 0:
            stops.append(stop)
        elif stops:  # left the home page's blocks: the footer
            break
    return stops


def assert_follows_the_eye(stops):
    blocks = [stop["block"] for stop in stops]
    assert blocks == sorted(blocks), "the keyboard jumps back to an earlier block"
    assert set(blocks) == set(range(len(BLOCKS)))
    # Inside a grid: right to left along a row (Persian), then down to the next row.
    for previous, current in itertools.pairwise(stops):
        if previous["inGrid"] and current["inGrid"] and previous["block"] == current["block"]:
            same_row = current["top"] == previous["top"]
            assert (same_row and current["right"] <= previous["right"]) or (
                current["top"] > previous["top"]
            ), f"{previous['text']} → {current['text']}"


@pytest.mark.browser
def test_home_page_is_news_led_and_balanced_at_four_widths(browser_page, live_url, demo_portal):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # kept by CI as artefacts
    html = browser_page.goto(live_url("/")).text()
    assert_valid_html(html, context="home page")

    for width in WIDTHS:
        browser_page.set_viewport_size({"width": width, "height": 900})
        browser_page.goto(live_url("/"))
        show_every_picture(browser_page)
        browser_page.screenshot(path=SCREENSHOTS / f"home-{width}.png", full_page=True)

        lead_picture = browser_page.locator(".home-lead img")
        assert lead_picture.evaluate(PICTURE_LOADED)
        # Chromium reads AVIF: it takes the first <source>, never the JPEG fallback.
        assert lead_picture.evaluate("(image) => image.currentSrc").endswith(".avif")
        thumbnails = browser_page.locator(".news-list--home .news-card__image")
        assert thumbnails.count() == 8
        for index in range(8):
            assert thumbnails.nth(index).evaluate(PICTURE_LOADED)

        layout = browser_page.evaluate(LAYOUT)
        print(f"home at {width}px: {layout['container']:.0f}px wide, lead {layout['lead']:.0f}px")
        assert layout["pageWidth"] <= width, f"sideways scroll at {width}px"
        assert layout["container"] <= 1200, "lines too long on a wide screen"
        rows = {}
        for card in layout["cards"]:
            rows.setdefault(card["top"], []).append(card)
            # No mostly blank card: picture and text fill most of its height.
            assert card["filled"] >= 0.6 * card["height"], card
        columns = {360: 1, 768: 2, 1366: 4, 1920: 4}[width]
        assert [len(row) for row in rows.values()] == [columns] * (8 // columns)
        if width >= 1366:
            # The lead story and the column beside it share the whole width: no empty third.
            used = layout["lead"] + layout["side"]
            assert used >= 0.9 * layout["containerInner"]
            assert layout["lead"] >= 1.8 * layout["side"]

        assert_follows_the_eye(focus_order(browser_page))
        assert_accessible(
            browser_page,
            context=f"home page at {width}px",
            tags=(*WCAG_21_AA, "best-practice"),
        )
