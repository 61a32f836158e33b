"""The portal's own pages in a real browser: axe-core gate, phone width, keyboard, valid HTML."""

import io

import pytest

from django.views.defaults import server_error

from portal import demo_content
from tests.browser.accessibility import WCAG_21_AA, add_user_style, assert_accessible
from tests.browser.html_check import assert_valid_html

PHONE = {"width": 375, "height": 812}
SKELETON_RULES = (*WCAG_21_AA, "best-practice")
PAGES = {
    "home page": "/",
    "standard page": "/about/",
    "404 page": "/هیچ-جا/",
}


@pytest.fixture
def demo_portal(db):
    """Organisation settings, home page intro and the plain pages, as `make run` has them."""
    demo_content.load(io.StringIO())


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_reader_meets_no_accessibility_barrier_on_a_computer_or_a_phone(
    browser_page, live_url, demo_portal, name
):
    response = browser_page.goto(live_url(PAGES[name]))
    assert response.status == (404 if name == "404 page" else 200)
    # The page skeleton is held to axe's best practices too: landmarks, one <h1>, heading order.
    assert_accessible(browser_page, context=name, tags=SKELETON_RULES)

    browser_page.set_viewport_size(PHONE)
    assert_accessible(browser_page, context=f"{name} at {PHONE['width']}px", tags=SKELETON_RULES)

    # WCAG 1.4.10: at 320 CSS pixels (a 1280px window zoomed to 400 %) nothing scrolls sideways.
    for width in (PHONE["width"], 320):
        browser_page.set_viewport_size({"width": width, "height": 800})
        page_width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert page_width <= width, f"{name} is {page_width}px wide in a {width}px window"


# WCAG 1.4.12: readers who widen spacing with their own style sheet lose no text.
WIDER_TEXT_SPACING = """
    * { line-height: 1.5 !important; letter-spacing: 0.12em !important;
        word-spacing: 0.16em !important; }
    p { margin-bottom: 2em !important; }
"""
CLIPPED_ELEMENTS = """() => [...document.querySelectorAll("body *")].filter((element) => {
    if (element.closest(".visually-hidden, .skip-link")) return false;
    const style = getComputedStyle(element);
    const clips = /hidden|clip/.test(style.overflowX + style.overflowY);
    return clips && (element.scrollWidth > element.clientWidth + 1
                     || element.scrollHeight > element.clientHeight + 1);
}).map((element) => element.outerHTML.slice(0, 120))"""


@pytest.mark.browser
@pytest.mark.parametrize("name", ["home page", "standard page"])
def test_reader_with_wider_text_spacing_loses_no_text_on_a_phone(
    browser_page, live_url, demo_portal, name
):
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_url(PAGES[name]))
    add_user_style(browser_page, WIDER_TEXT_SPACING)
    assert browser_page.evaluate(CLIPPED_ELEMENTS) == []
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
def test_keyboard_reader_skips_straight_to_the_content(browser_page, live_url, demo_portal):
    browser_page.goto(live_url("/about/"))

    browser_page.keyboard.press("Tab")
    skip_link = browser_page.evaluate(
        """() => {
            const link = document.activeElement;
            const box = link.getBoundingClientRect();
            const style = getComputedStyle(link);
            return {text: link.textContent.trim(), href: link.getAttribute("href"),
                    onScreen: box.top >= 0 && box.bottom <= innerHeight && box.width > 0,
                    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth)};
        }"""
    )
    assert skip_link["text"] == "پرش به محتوای اصلی"
    assert skip_link["href"] == "#main"
    assert skip_link["onScreen"], "the focused skip link must be visible"
    assert skip_link["outline"] != "none" and skip_link["outlineWidth"] >= 2

    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"
    assert browser_page.evaluate("document.activeElement.tagName") == "MAIN"


@pytest.mark.browser
def test_every_link_and_field_in_the_page_skeleton_shows_keyboard_focus(
    browser_page, live_url, demo_portal
):
    browser_page.goto(live_url("/about/"))
    unfocused_looks = []
    for _ in range(40):
        browser_page.keyboard.press("Tab")
        focused = browser_page.evaluate(
            """() => {
                const element = document.activeElement;
                if (element === document.body) return null;
                const style = getComputedStyle(element);
                const width = parseFloat(style.outlineWidth);
                const outlined = style.outlineStyle !== "none" && width >= 2;
                return {html: element.outerHTML.slice(0, 120), visible: outlined};
            }"""
        )
        if focused is None:
            break
        if not focused["visible"]:
            unfocused_looks.append(focused["html"])
    assert unfocused_looks == []


@pytest.mark.parametrize("name", PAGES)
def test_server_sends_valid_html(client, demo_portal, name):
    response = client.get(PAGES[name])
    assert_valid_html(response.content.decode(), context=name)


@pytest.mark.browser
def test_reader_meets_no_barrier_on_the_server_error_page(browser_page, rf):
    """The 500 page stands alone (no database, no stylesheet), so it is checked as sent."""
    browser_page.set_content(server_error(rf.get("/")).content.decode())
    assert_accessible(browser_page, context="500 page")
    browser_page.set_viewport_size(PHONE)
    assert_accessible(browser_page, context=f"500 page at {PHONE['width']}px")


def test_server_error_page_is_valid_html(rf):
    assert_valid_html(server_error(rf.get("/")).content.decode(), context="500 page")
