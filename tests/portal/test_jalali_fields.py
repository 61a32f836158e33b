"""Editors type and see Jalali dates in Tehran time in every admin date field, in any digits."""

import datetime
import zoneinfo

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsPage
from portal.jalali import JalaliInputError, parse_jalali_moment
from portal.jalali_widgets import (
    JalaliDateField,
    JalaliDateTimeField,
    JalaliDateTimeInput,
)
from tests.factories import news as factories

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")
# ۱۰ آذر ۱۴۰۵ is 1 December 2026.
AZAR_10_1405_AT_1430 = datetime.datetime(2026, 12, 1, 14, 30, tzinfo=TEHRAN)


@pytest.mark.parametrize(
    "typed",
    [
        "۱۴۰۵/۰۹/۱۰ ۱۴:۳۰",
        "1405/09/10 14:30",
        "١٤٠٥/٠٩/١٠ ١٤:٣٠",
        "1405-9-10 14:30",
        "۱۴۰۵.۹.۱۰ ساعت ۱۴:۳۰",
        "  ۱۴۰۵/9/١٠   14:30  ",
    ],
)
def test_editor_types_a_jalali_moment_in_any_digits(typed):
    assert JalaliDateTimeField().clean(typed) == AZAR_10_1405_AT_1430


def test_a_date_without_a_time_means_the_start_of_that_day_in_tehran():
    assert JalaliDateTimeField().clean("1405-9-10") == datetime.datetime(2026, 12, 1, tzinfo=TEHRAN)
    assert JalaliDateField().clean("۱۴۰۵/۰۹/۱۰") == datetime.date(2026, 12, 1)


def test_the_stored_moment_is_tehran_time_whatever_utc_says():
    moment = JalaliDateTimeField().clean("۱۴۰۵/۰۱/۰۱ ۰۰:۱۵")
    # Nowruz 1405 is 21 March 2026; quarter past midnight in Tehran is still 20 March in UTC.
    assert moment.astimezone(datetime.UTC) == datetime.datetime(
        2026, 3, 20, 20, 45, tzinfo=datetime.UTC
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2026-12-01 14:30", "سال را به تقویم خورشیدی بنویسید"),
        ("۱۴۰۵/۱۳/۰۱", "در تقویم خورشیدی نیست"),
        ("۱۴۰۵/۰۷/۳۱", "در تقویم خورشیدی نیست"),
        ("۱۴۰۵/۰۹/۱۰ ۲۴:۰۰", "ساعت باید میان ۰۰:۰۰ و ۲۳:۵۹ باشد"),
        ("فردا", "تاریخ را به شکل ۱۴۰۵/۰۹/۱۰"),
        ("۱۴۰۵/۰۹", "تاریخ را به شکل ۱۴۰۵/۰۹/۱۰"),
    ],
)
def test_bad_input_gets_a_persian_message(typed, message):
    field = JalaliDateTimeField()
    with pytest.raises(Exception) as raised:
        field.clean(typed)
    assert message in " ".join(raised.value.messages)


def test_a_date_only_field_refuses_a_time():
    with pytest.raises(JalaliInputError, match="فقط تاریخ"):
        parse_jalali_moment("۱۴۰۵/۰۹/۱۰ ۱۴:۳۰", with_time=False)


def test_the_field_shows_a_stored_moment_in_jalali_tehran_time_with_persian_digits():
    html = JalaliDateTimeInput().render(
        "go_live_at", AZAR_10_1405_AT_1430.astimezone(datetime.UTC), {"id": "id_go_live_at"}
    )
    assert 'value="۱۴۰۵/۰۹/۱۰ ۱۴:۳۰"' in html
    assert 'aria-describedby="id_go_live_at-jalali-hint"' in html
    assert "به وقت تهران" in html


def article_form(**overrides):
    data = {
        "title": "خبر زمان‌بندی‌شده",
        "slug": "خبر-زمان-بندی",
        "over_title": "",
        "lead": "لید خبر",
        "body": streamfield([("paragraph", rich_text("<p>متن</p>"))]),
        "tags": "",
        "main_image_alt": "",
        "pinned_related": inline_formset([]),
        "comments_open": "on",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def news_index(home_page):
    return factories.news_index(home_page)


@pytest.mark.django_db
def test_editor_saves_published_at_and_go_live_typed_in_jalali(client, admin_user, news_index):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    response = client.post(
        url, article_form(published_at="۱۴۰۵/۰۹/۱۰ ۱۴:۳۰", go_live_at="1405-9-11 08:00")
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="خبر-زمان-بندی")
    assert page.published_at == AZAR_10_1405_AT_1430
    assert page.go_live_at == datetime.datetime(2026, 12, 2, 8, 0, tzinfo=TEHRAN)


@pytest.mark.django_db
def test_a_bad_date_keeps_the_form_with_a_persian_message_and_saves_nothing(
    client, admin_user, news_index
):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    before = NewsPage.objects.count()
    response = client.post(url, article_form(published_at="۱۴۰۵/۱۲/۳۱ ۱۰:۰۰"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "روز ۱۴۰۵/۱۲/۳۱ در تقویم خورشیدی نیست." in html
    # What the editor typed is kept for correcting.
    assert 'value="۱۴۰۵/۱۲/۳۱ ۱۰:۰۰"' in html
    assert NewsPage.objects.count() == before


@pytest.mark.django_db
def test_page_forms_use_the_jalali_fields_for_every_date(client, admin_user, news_index):
    client.force_login(admin_user)
    html = client.get(
        reverse("wagtailadmin_pages:add", args=("news", "newspage", news_index.pk))
    ).content.decode()
    for name in ("published_at", "go_live_at", "expire_at"):
        assert f'name="{name}"' in html
    assert html.count('data-jalali-picker data-jalali-with-time="true"') == 3
    # Wagtail's Gregorian picker is not set up for any of them.
    assert "initDateTimeChooser" not in html


@pytest.mark.django_db
def test_the_status_panel_shows_a_scheduled_go_live_in_jalali(client, admin_user, news_index):
    page = factories.article(news_index, publish=False)
    page.go_live_at = AZAR_10_1405_AT_1430
    page.save_revision()
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "سه‌شنبه ۱۰ آذر ۱۴۰۵، ساعت ۱۴:۳۰" in html
    assert "دسامبر" not in html
    assert "Compare on upgrade" not in html  # the override's note stays in the template
