"""News pages in a real browser: axe gate, valid HTML, phone width, the view counter's request."""

import io

import pytest
from persiantools.jdatetime import JalaliDate
from playwright.sync_api import expect

from news import demo_content as news_demo
from news.models import NewsDailyViews
from portal import demo_content as portal_demo
from tests.browser.accessibility import assert_accessible
from tests.browser.html_check import assert_valid_html
from tests.factories import news as factories

PHONE = {"width": 360, "height": 640}


@pytest.fixture
def news_article(db):
    portal_demo.load(io.StringIO())
    news_demo.load(io.StringIO())
    index = factories.news_index(portal_demo.home_page())
    images = [factories.image(f"تصویر {number}", 320, 200) for number in range(3)]
    return factories.article(
        index,
        title="گشایش مرکز توانبخشی روزانهٔ دزفول",
        over_title="با حضور مسئولان استان",
        lead="مرکز توانبخشی روزانهٔ دزفول با ظرفیت ۶۰ کودک گشایش یافت.",
        tags=["توانبخشی", "دزفول"],
        section=factories.section("توانبخشی", "rehabilitation"),
        main_image=images[0],
        main_image_alt="کودکان در اتاق بازی مرکز",
        published_at=factories.days_ago(1),
        body=[
            ("paragraph", "<p>این مرکز خدمات کاردرمانی و گفتاردرمانی را رایگان ارائه می‌کند.</p>"),
            ("quote", {"text": "هر کودک حق توانبخشی دارد.", "attribution": "مدیرکل"}),
            (
                "image",
                {"image": images[1], "alt_text": "نمای ساختمان مرکز", "caption": "ساختمان تازه"},
            ),
            (
                "gallery",
                {
                    "title": "گالری افتتاح",
                    "images": [
                        {"image": image, "alt_text": f"افتتاح، تصویر {number}", "caption": ""}
                        for number, image in enumerate(images, start=1)
                    ],
                },
            ),
        ],
    )


def news_pages(article):
    today = JalaliDate.today()
    return {
        "article": article.url,
        "news index": "/news/",
        "news index, page past the end": "/news/?page=99",
        "section page": "/news/section/rehabilitation/",
        "tag page": "/news/tags/توانبخشی/",
        "archive page": f"/news/archive/{today.year}/{today.month:02d}/",
        "home page with news": "/",
    }


@pytest.mark.browser
def test_news_pages_meet_no_accessibility_barrier(browser_page, live_url, news_article):
    for name, path in news_pages(news_article).items():
        response = browser_page.goto(live_url(path))
        assert response.status == 200, name
        assert_valid_html(response.text())
        assert_accessible(browser_page, context=name)


@pytest.mark.browser
def test_news_pages_fit_a_phone_screen(browser_page, live_url, news_article):
    browser_page.set_viewport_size(PHONE)
    for name, path in news_pages(news_article).items():
        browser_page.goto(live_url(path))
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{name} scrolls sideways on a phone"
        assert_accessible(browser_page, context=f"{name} at {PHONE['width']}px")


@pytest.mark.browser
def test_reading_an_article_counts_one_view_from_the_page_itself(
    browser_page, live_url, news_article
):
    with browser_page.expect_request(lambda request: request.url.endswith("/view/")) as counted:
        browser_page.goto(live_url(news_article.url))
    assert counted.value.method == "POST"
    browser_page.wait_for_load_state("networkidle")
    browser_page.reload()
    browser_page.wait_for_load_state("networkidle")
    assert NewsDailyViews.objects.get(page=news_article).count == 1


@pytest.mark.browser
def test_copy_link_button_appears_with_script_and_says_what_it_did(
    browser_page, live_url, news_article
):
    browser_page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    browser_page.goto(live_url(news_article.url))
    button = browser_page.get_by_role("button", name="رونوشت نشانی کوتاه")
    button.click()
    # The clipboard answers asynchronously: wait for the message instead of reading it at once.
    expect(browser_page.locator(".copy-link__status")).to_have_text("نشانی کوتاه رونوشت شد.")
    copied = browser_page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"/n/{news_article.news_code}")


@pytest.mark.browser
def test_printed_article_keeps_code_date_and_short_link(browser_page, live_url, news_article):
    browser_page.goto(live_url(news_article.url))
    browser_page.emulate_media(media="print")
    assert browser_page.locator(".short-link").is_visible()
    assert browser_page.locator(".news-code").is_visible()
    assert browser_page.locator(".news-facts time").is_visible()
    assert not browser_page.locator(".share-links").is_visible()
