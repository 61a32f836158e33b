"""Reader controls in a browser: text size and high contrast by keyboard, remembered, cacheable."""

import io
import json

import pytest

from news import demo_content as news_demo
from news.models import NewsPage
from portal import demo_content as portal_demo
from tests.browser.accessibility import assert_accessible
from tests.browser.html_check import assert_valid_html

STORAGE_KEY = "portal-reader-settings"
PHONE = {"width": 360, "height": 640}
SIZE_BUTTONS = {"normal": "عادی", "large": "بزرگ", "largest": "بزرگ‌تر"}
CONTRAST_BUTTON = "کنتراست بالا"


@pytest.fixture
def demo_news(db):
    portal_demo.load(io.StringIO())
    news_demo.load(io.StringIO())
    return NewsPage.objects.live().order_by("-published_at").first()


def reader_pages(article):
    return {
        "home page": "/",
        "article": article.url,
        "news index": "/news/",
        "search results": "/search/?q=توانبخشی",
    }


def remember(page, **settings):
    """A reader's earlier choice, stored before any of the page's own scripts run."""
    stored = json.dumps(json.dumps(settings))
    page.context.add_init_script(f"localStorage.setItem({json.dumps(STORAGE_KEY)}, {stored})")


def focus_by_tabbing(page, name, presses=60):
    """Press Tab until the button called ``name`` has focus; fail if it is never reached."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"the button «{name}» cannot be reached with Tab")


def pressed_buttons(page):
    return page.evaluate(
        """() => [...document.querySelectorAll('.reader-controls [aria-pressed="true"]')]
                 .map((button) => button.textContent.trim())"""
    )


@pytest.mark.browser
def test_reader_enlarges_text_and_turns_on_high_contrast_with_the_keyboard_only(
    browser_page, live_url, demo_news
):
    browser_page.goto(live_url(demo_news.url))
    assert pressed_buttons(browser_page) == ["عادی"]
    root_size = browser_page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )

    focus_by_tabbing(browser_page, "بزرگ‌تر")
    browser_page.keyboard.press("Enter")
    larger = browser_page.evaluate(
        "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    )
    assert larger == root_size * 1.5
    assert pressed_buttons(browser_page) == ["بزرگ‌تر"]

    focus_by_tabbing(browser_page, CONTRAST_BUTTON, presses=5)
    browser_page.keyboard.press("Space")
    assert pressed_buttons(browser_page) == ["بزرگ‌تر", CONTRAST_BUTTON]
    background = browser_page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background == "rgb(0, 0, 0)"

    # Pressed again, high contrast goes off; the text size stays.
    browser_page.keyboard.press("Enter")
    assert pressed_buttons(browser_page) == ["بزرگ‌تر"]
    assert browser_page.evaluate("getComputedStyle(document.documentElement).backgroundColor") == (
        "rgb(255, 255, 255)"
    )


@pytest.mark.browser
def test_each_control_is_a_button_named_by_its_visible_text(browser_page, live_url, demo_news):
    browser_page.goto(live_url("/"))
    group = browser_page.get_by_role("group", name="اندازهٔ متن")
    for text in SIZE_BUTTONS.values():
        button = group.get_by_role("button", name=text, exact=True)
        assert button.inner_text().strip() == text
        assert button.get_attribute("aria-pressed") in ("true", "false")
    contrast = browser_page.get_by_role("button", name=CONTRAST_BUTTON, exact=True)
    assert contrast.get_attribute("aria-pressed") == "false"
    contrast.click()
    assert browser_page.get_by_role("button", name=CONTRAST_BUTTON, pressed=True).count() == 1


@pytest.mark.browser
def test_reader_settings_survive_a_reload_without_the_page_shifting(
    browser_page, live_url, demo_news
):
    browser_page.goto(live_url(demo_news.url))
    browser_page.get_by_role("button", name="بزرگ", exact=True).click()
    browser_page.get_by_role("button", name=CONTRAST_BUTTON).click()

    browser_page.reload()
    assert pressed_buttons(browser_page) == ["بزرگ", CONTRAST_BUTTON]
    root = browser_page.evaluate(
        """() => ({size: document.documentElement.dataset.textSize,
                   theme: document.documentElement.dataset.theme,
                   fontSize: getComputedStyle(document.documentElement).fontSize})"""
    )
    assert root == {"size": "large", "theme": "contrast", "fontSize": "20px"}
    # Applied before the first paint: the browser records no layout shift while loading. Not
    # counted: Chromium's own controls inside an <audio> player («شنیدن خبر»), which lay out
    # their buttons a frame after the first paint at any text size (nodes in their shadow DOM
    # are reported as null).
    shift = browser_page.evaluate(
        """() => new Promise((resolve) => {
            const players = [...document.querySelectorAll("audio")]
                .map((audio) => audio.getBoundingClientRect());
            const inPlayer = (rect) => players.some((box) => rect.left >= box.left
                && rect.right <= box.right && rect.top >= box.top && rect.bottom <= box.bottom);
            const ownControls = (entry) => entry.sources.length > 0
                && entry.sources.every((source) => source.node === null
                && inPlayer(source.previousRect) && inPlayer(source.currentRect));
            new PerformanceObserver((list) => {
                resolve(list.getEntries().filter((entry) => !ownControls(entry))
                    .reduce((sum, entry) => sum + entry.value, 0));
            }).observe({type: "layout-shift", buffered: true});
            setTimeout(() => resolve(0), 500);
        })"""
    )
    assert shift == 0

    browser_page.goto(live_url("/news/"))
    assert pressed_buttons(browser_page) == ["بزرگ", CONTRAST_BUTTON]


@pytest.mark.browser
def test_every_reader_gets_the_same_cacheable_html(browser_page, live_url, demo_news):
    plain = browser_page.goto(live_url(demo_news.url))
    plain_html = plain.text()

    browser_page.get_by_role("button", name="بزرگ‌تر").click()
    browser_page.get_by_role("button", name=CONTRAST_BUTTON).click()
    again = browser_page.goto(live_url(demo_news.url))

    assert again.text() == plain_html
    assert "set-cookie" not in again.all_headers()
    assert "cookie" not in (again.headers.get("vary") or "").lower()
    assert browser_page.context.cookies() == []
    assert browser_page.evaluate("document.documentElement.dataset.theme") == "contrast"


@pytest.mark.browser
@pytest.mark.parametrize(
    "settings",
    [
        {"size": "normal", "theme": "contrast"},
        {"size": "largest", "theme": "default"},
        {"size": "largest", "theme": "contrast"},
    ],
    ids=["high contrast", "largest text", "largest text in high contrast"],
)
def test_reader_pages_meet_no_barrier_with_the_reader_settings(
    browser_page, live_url, demo_news, settings
):
    remember(browser_page, **settings)
    for name, path in reader_pages(demo_news).items():
        browser_page.set_viewport_size({"width": 1280, "height": 900})
        response = browser_page.goto(live_url(path))
        assert response.status == 200, name
        assert_valid_html(response.text())
        assert browser_page.evaluate("document.documentElement.dataset.theme") == settings["theme"]
        assert_accessible(browser_page, context=f"{name}, {settings}")

        browser_page.set_viewport_size(PHONE)
        assert_accessible(browser_page, context=f"{name} at 360px, {settings}")
        page_width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert page_width <= PHONE["width"], f"{name} is {page_width}px wide at 360px, {settings}"
