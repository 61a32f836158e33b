"""A reader comments and replies by keyboard alone; the gate passes on form, errors and thread."""

import re

import pytest

from news.models import Comment
from portal.text import latin_digits, persian_digits
from tests.browser.accessibility import assert_accessible
from tests.browser.html_check import assert_valid_html
from tests.factories import comments as factories
from tests.factories import news as news_factories

pytestmark = pytest.mark.browser
POSTED = "text=نظر شما پس از تأیید منتشر می‌شود"


@pytest.fixture
def article(home_page, settings):
    # The minimum fill time has its own tests; a scripted keyboard types faster than a person.
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    index = news_factories.news_index(home_page)
    page = news_factories.article(index, title="گشایش مرکز مشاورهٔ خانواده در دزفول")
    factories.comment(page, name="رضا", body="ساعت کار این مرکز چیست؟")
    return page


def tab_to(page, selector, limit=80):
    """Press Tab until the focused element matches the selector, as a keyboard user does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def press(page, selector, then_wait_for):
    """Tab to a control, press Enter on it and wait for what it brings."""
    tab_to(page, selector)
    page.keyboard.press("Enter")
    page.wait_for_selector(then_wait_for)


def focused(page, expression="el => el.id || el.name || el.textContent.trim()"):
    return page.evaluate(f"({expression})(document.activeElement)")


def answer_question(page):
    question = page.locator("[data-captcha-question]").inner_text()
    numbers = [int(n) for n in re.findall(r"\d+", latin_digits(question))]
    return persian_digits(sum(numbers))


def test_reader_comments_and_replies_with_the_keyboard_alone(browser_page, live_url, article):
    page = browser_page
    page.goto(live_url(article.url))
    assert_accessible(page, context="article with its comment thread")
    assert_valid_html(page.content())

    # Open the form from the article: focus lands in the first field.
    press(page, "[data-comment-write]", then_wait_for="#comment-form form")
    assert focused(page, "el => el.name") == "name"
    assert_accessible(page, context="comment form inside the article")

    # A wrong answer: the errors are announced and tied to their fields, the typing stays.
    page.keyboard.type("مریم")
    tab_to(page, "textarea[name=body]")
    page.keyboard.type("از راه‌اندازی این مرکز سپاسگزارم.")
    tab_to(page, "input[name=captcha_1]")
    page.keyboard.type("۱۰۰")
    press(page, "#comment-form button[type=submit]", then_wait_for="#comment-form-errors")
    assert focused(page) == "comment-form-errors"
    described = page.locator("input[name=captcha_1]").get_attribute("aria-describedby")
    assert described == "captcha-error id_captcha-hint"
    assert page.locator("input[name=name]").input_value() == "مریم"
    assert_accessible(page, context="comment form with errors")

    # The new question, solved.
    tab_to(page, "input[name=captcha_1]")
    page.keyboard.type(answer_question(page))
    press(page, "#comment-form button[type=submit]", then_wait_for=POSTED)
    assert focused(page) == "comment-posted-title"
    assert "کد پیگیری" in page.locator("#comment-form").inner_text()

    # Reply to Reza: focus moves to the reply context, which names the comment being answered.
    press(page, "[data-comment-reply]", then_wait_for="#comment-reply-context")
    assert focused(page) == "comment-reply-context"
    context = page.locator("#comment-reply-context").inner_text()
    assert context == "شما در حال پاسخ به نظر «ساعت کار این مرکز چیست؟» هستید."
    assert_accessible(page, context="reply form")
    tab_to(page, "input[name=name]")
    page.keyboard.type("مدیر مرکز نه، یک همسایه")
    tab_to(page, "textarea[name=body]")
    page.keyboard.type("صبح‌ها از هشت تا دو.")
    tab_to(page, "input[name=captcha_1]")
    page.keyboard.type(answer_question(page))
    press(page, "#comment-form button[type=submit]", then_wait_for=POSTED)

    first, reply = Comment.objects.exclude(name="رضا").order_by("pk")
    assert (first.name, first.parent_id) == ("مریم", None)
    assert reply.parent.name == "رضا"
    assert {first.status, reply.status} == {Comment.Status.PENDING}


def test_cancelling_a_reply_returns_focus_to_the_reply_control(browser_page, live_url, article):
    page = browser_page
    page.goto(live_url(article.url))
    press(page, "[data-comment-reply]", then_wait_for="#comment-reply-context")

    tab_to(page, "[data-comment-cancel]")
    page.keyboard.press("Enter")

    assert page.locator("#comment-form").count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-comment-reply')")


def test_new_question_arrives_without_reloading_and_is_announced(browser_page, live_url, article):
    page = browser_page
    page.goto(live_url(article.url))
    press(page, "[data-comment-write]", then_wait_for="#comment-form form")
    old_key = page.locator("[data-captcha-key]").input_value()

    tab_to(page, "[data-captcha-refresh]")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(old) => document.querySelector('[data-captcha-key]').value !== old", arg=old_key
    )

    question = page.locator("[data-captcha-question]").inner_text()
    assert page.locator("[data-captcha-status]").inner_text() == f"پرسش تازه: {question}"
    assert page.locator("[data-captcha-status]").get_attribute("aria-live") == "polite"


def test_comment_page_without_javascript_posts_and_passes_the_gate(
    chromium, browser_page, live_url, article
):
    browser_page.goto(live_url(f"/news/{article.news_code}/comments/"))
    assert_accessible(browser_page, context="comment page")
    assert_valid_html(browser_page.content())

    context = chromium.new_context(java_script_enabled=False, locale="fa-IR")
    page = context.new_page()
    try:
        page.goto(live_url(article.url))
        page.get_by_role("link", name="نظر شما").click()
        assert page.url.endswith(f"/news/{article.news_code}/comments/")
        page.fill("input[name=name]", "بدون اسکریپت")
        page.fill("textarea[name=body]", "این فرم بی‌جاوااسکریپت هم کار می‌کند.")
        page.fill("input[name=captcha_1]", answer_question(page))
        page.click("#comment-form button[type=submit]")
        assert "نظر شما پس از تأیید منتشر می‌شود" in page.content()
    finally:
        context.close()
    comment = Comment.objects.get(name="بدون اسکریپت")

    browser_page.goto(live_url(f"/news/comments/status/?code={comment.tracking_code}"))
    assert "در انتظار بررسی است" in browser_page.content()
    assert_accessible(browser_page, context="comment status page")
