"""«شنیدن خبر» in a browser: a keyboard user finds the player, plays the article, and the
browser decodes a recording as long as the page says."""

import json
from pathlib import Path

import pytest

from news import audio
from news.models import ArticleAudio
from tests.browser.accessibility import assert_accessible
from tests.browser.html_check import assert_valid_html
from tests.factories import news as factories

pytestmark = pytest.mark.skipif(audio.espeak_path() is None, reason="espeak-ng is not installed")

PHONE = {"width": 360, "height": 640}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PARAGRAPHS = [
    "مدیرکل بهزیستی خوزستان از آغاز طرح غربالگری شنوایی نوزادان در ۲۷ شهرستان استان خبر داد.",
    "خانواده‌ها می‌توانند برای نوبت با شمارهٔ ۰۶۱-۳۳۳۳۴۴۵۵ تماس بگیرند.",
]


@pytest.fixture
def article(home_page):
    index = factories.news_index(home_page)
    return factories.article(
        index,
        title="آغاز غربالگری شنوایی نوزادان در خوزستان",
        body=[("paragraph", f"<p>{text}</p>") for text in PARAGRAPHS],
    )


def tab_to_the_player(page, presses=40):
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "AUDIO":
            return
    raise AssertionError("the player cannot be reached with Tab")


@pytest.mark.browser
def test_keyboard_user_plays_the_article_read_aloud(browser_page, live_url, article):
    recording = ArticleAudio.objects.get(article=article)
    response = browser_page.goto(live_url(article.url))
    assert_valid_html(response.text(), context="article with audio")

    player = browser_page.get_by_role("figure", name="شنیدن خبر")
    assert player.is_visible()
    assert recording.length_label in player.inner_text()
    assert_accessible(browser_page, context="article with audio")

    tab_to_the_player(browser_page)
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_function("() => document.querySelector('audio').currentTime > 0")
    # The browser's own decoder agrees with the length the page shows.
    duration = browser_page.evaluate("document.querySelector('audio').duration")
    assert duration == pytest.approx(recording.duration_seconds, abs=0.5)


@pytest.mark.browser
def test_the_recording_is_served_at_its_media_address(browser_page, live_url, article):
    recording = ArticleAudio.objects.get(article=article)
    browser_page.goto(live_url(article.url))
    source = browser_page.locator("audio source").get_attribute("src")
    assert source == recording.file.url

    fetched = browser_page.request.get(live_url(source))
    assert fetched.status == 200
    assert fetched.headers["content-type"] == "audio/mpeg"
    assert fetched.body() == recording.file.read()


@pytest.mark.browser
def test_player_fits_a_phone_in_high_contrast_at_the_largest_text_size(
    browser_page, live_url, article
):
    settings = json.dumps(json.dumps({"size": "largest", "theme": "contrast"}))
    browser_page.context.add_init_script(
        f"localStorage.setItem('portal-reader-settings', {settings})"
    )
    browser_page.set_viewport_size(PHONE)
    browser_page.goto(live_url(article.url))
    assert browser_page.evaluate("document.documentElement.dataset.theme") == "contrast"
    player = browser_page.locator(".article-audio__player")
    box = player.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert browser_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(browser_page, context="article with audio, phone, high contrast, largest")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser_page.locator(".news-article__header").screenshot(
        path=SCREENSHOTS / "article-audio-phone-contrast.png"
    )


@pytest.mark.browser
def test_a_printed_article_has_no_player(browser_page, live_url, article):
    browser_page.goto(live_url(article.url))
    assert browser_page.locator(".article-audio").is_visible()
    browser_page.emulate_media(media="print")
    assert not browser_page.locator(".article-audio").is_visible()
    assert browser_page.locator(".news-article__title").is_visible()
