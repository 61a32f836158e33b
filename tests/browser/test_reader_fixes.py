"""Small things a reader sees: Persian list numbers, outside-link arrows kept with their words."""

import pytest

from tests.browser.demo import load_demo_portal

# For every outside-link arrow: is it on the same line as the letter just before it?
ARROWS_ON_THEIR_WORDS_LINE = """() => [...document.querySelectorAll(".external-link__mark")]
    .filter((mark) => mark.getClientRects().length > 0)
    .map((mark) => {
        const text = mark.previousSibling;
        const range = document.createRange();
        range.setStart(text, text.length - 1);
        range.setEnd(text, text.length);
        const letter = [...range.getClientRects()].pop();
        const arrow = [...mark.getClientRects()].pop();
        return {word: text.textContent.trim(), sameLine: Math.abs(letter.top - arrow.top) < 4};
    })"""


@pytest.fixture
def demo_portal(db):
    load_demo_portal(most_read=3)


@pytest.mark.browser
def test_most_read_news_are_numbered_with_persian_digits(browser_page, live_url, demo_portal):
    browser_page.goto(live_url("/"))
    items = browser_page.locator(".most-read li")
    assert items.count() == 3
    for index in range(3):
        marker = items.nth(index).evaluate("(item) => getComputedStyle(item).listStyleType")
        assert marker == "persian"


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 360, 768])
@pytest.mark.parametrize("path", ["/services/", "/centres/", "/"])
def test_outside_link_arrow_never_sits_alone_on_a_line(
    browser_page, live_url, demo_portal, path, width
):
    browser_page.set_viewport_size({"width": width, "height": 800})
    browser_page.goto(live_url(path))
    arrows = browser_page.evaluate(ARROWS_ON_THEIR_WORDS_LINE)
    assert arrows, f"no outside link on {path}"
    stranded = [arrow["word"] for arrow in arrows if not arrow["sameLine"]]
    assert stranded == []
