"""The Jalali calendar beside admin date fields, used by keyboard and heard by a screen reader."""

import datetime
import zoneinfo

import pytest

from news.models import Comment
from portal.jalali import MONTH_NAMES, to_jalali
from portal.text import persian_digits
from tests.factories import comments as comment_factories
from tests.factories import news as news_factories

pytestmark = pytest.mark.browser

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")


@pytest.fixture
def signed_in(browser_page, live_url, django_user_model):
    django_user_model.objects.create_superuser("دبیر", "dabir@example.ir", "taqvim-1405")
    browser_page.goto(live_url("/admin/login/"))
    browser_page.fill("#id_username", "دبیر")
    browser_page.fill("#id_password", "taqvim-1405")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(live_url("/admin/"))
    return browser_page


def test_calendar_names_days_and_months_escape_changes_nothing_and_page_down_turns_the_month(
    signed_in, live_url, home_page
):
    page = signed_in
    news_index = news_factories.news_index(home_page)
    page.goto(live_url(f"/admin/pages/add/news/newspage/{news_index.pk}/"))
    page.fill("#id_published_at", "۱۴۰۵/۰۱/۲۰ ۰۹:۱۵")
    opener = page.locator("#id_published_at ~ .jalali-picker__open")
    assert opener.get_attribute("aria-label") == "انتخاب از تقویم: تاریخ انتشار برای خوانندگان"

    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog[open]")
    assert dialog.locator("h2").inner_text() == "فروردین ۱۴۰۵"
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "پنجشنبه ۲۰ فروردین ۱۴۰۵"  # 9 April 2026
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
    page.keyboard.press("Escape")
    assert not dialog.count()
    assert page.input_value("#id_published_at") == "۱۴۰۵/۰۱/۲۰ ۰۹:۱۵"

    opener.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("PageDown")
    assert page.locator("dialog[open] h2").inner_text() == "اردیبهشت ۱۴۰۵"
    page.keyboard.press("Home")  # the week starts on Saturday
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("شنبه")
    page.keyboard.press("Enter")
    picked = page.evaluate("document.activeElement.dataset.part")
    assert picked == "hour"
    assert page.input_value("dialog[open] [data-part='hour']") == "۰۹"
    page.get_by_role("button", name="تأیید").click()
    assert page.input_value("#id_published_at").startswith("۱۴۰۵/۰۲/")
    assert page.input_value("#id_published_at").endswith("۰۹:۱۵")


def test_moderator_filters_comments_from_a_day_picked_in_the_calendar(
    signed_in, live_url, home_page
):
    page = signed_in
    article = news_factories.article(news_factories.news_index(home_page), title="خبر")
    old = comment_factories.comment(article, body="نظر ماه پیش", status=Comment.Status.PENDING)
    Comment.objects.filter(pk=old.pk).update(created_at=news_factories.days_ago(40))
    comment_factories.comment(article, body="نظر امروز", status=Comment.Status.PENDING)

    page.goto(live_url("/admin/snippets/news/comment/"))
    page.get_by_role("button", name="نمایش پالایه‌ها").click()
    page.get_by_role("button", name="تاریخ ارسال").click()
    opener = page.locator("#id_created_at_0 ~ .jalali-picker__open")
    opener.focus()
    page.keyboard.press("Enter")
    today = to_jalali(datetime.datetime.now(TEHRAN).date())
    assert page.locator("dialog[open] h2").inner_text() == persian_digits(
        f"{MONTH_NAMES[today.month - 1]} {today.year}"
    )
    page.keyboard.press("ArrowRight")  # right-to-left: the day before
    page.keyboard.press("Enter")  # a date-only field takes the day and closes
    yesterday = to_jalali(datetime.datetime.now(TEHRAN).date() - datetime.timedelta(days=1))
    expected = persian_digits(f"{yesterday.year}/{yesterday.month:02d}/{yesterday.day:02d}")
    assert page.input_value("#id_created_at_0") == expected

    page.wait_for_function("() => !document.body.innerText.includes('نظر ماه پیش')")
    assert "نظر امروز" in page.inner_text("main")
