"""Jalali (solar hijri) dates as readers in Iran write them, with Persian digits."""

import datetime
import re

from persiantools.jdatetime import JalaliDate, JalaliDateTime

from django.utils import timezone

from portal.text import latin_digits, persian_digits

MONTH_NAMES = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
]
# persiantools counts weekdays from Saturday (شنبه = 0).
WEEKDAY_NAMES = ["شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه"]


def to_jalali(value):
    """A date or an aware datetime (shown in Tehran time) as a JalaliDate or JalaliDateTime."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return JalaliDateTime(value)
    return JalaliDate(value)


def month_name(month):
    return MONTH_NAMES[month - 1]


def format_jalali(value, style="date"):
    """Format a date for readers.

    date     ۱۲ دی ۱۳۹۷
    weekday  چهارشنبه ۱۲ دی ۱۳۹۷
    datetime چهارشنبه ۱۲ دی ۱۳۹۷، ساعت ۱۴:۳۰
    article  چهارشنبه ۱۲ دی ۱۳۹۷ - ۱۴:۳۰
    short    ۱۳۹۷/۱۰/۱۲
    month    دی ۱۳۹۷
    """
    if value in (None, ""):
        return ""
    jalali = to_jalali(value)
    day_month_year = f"{jalali.day} {month_name(jalali.month)} {jalali.year}"
    if style == "short":
        text = f"{jalali.year}/{jalali.month:02d}/{jalali.day:02d}"
    elif style == "month":
        text = f"{month_name(jalali.month)} {jalali.year}"
    elif style == "date":
        text = day_month_year
    else:
        weekday = WEEKDAY_NAMES[jalali.weekday()]
        text = f"{weekday} {day_month_year}"
        if style in ("datetime", "article") and isinstance(jalali, JalaliDateTime):
            clock = f"{jalali.hour:02d}:{jalali.minute:02d}"
            text += f"، ساعت {clock}" if style == "datetime" else f" - {clock}"
    return persian_digits(text)


def iso_8601(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def gregorian_month_range(jalali_year, jalali_month):
    """The first Gregorian day of a Jalali month and the first day of the next, for queries.

    Raises ValueError for a month that does not exist.
    """
    start = JalaliDate(jalali_year, jalali_month, 1)
    if jalali_month == 12:
        end = JalaliDate(jalali_year + 1, 1, 1)
    else:
        end = JalaliDate(jalali_year, jalali_month + 1, 1)
    return start.to_gregorian(), end.to_gregorian()


JALALI_DATE_TYPED = re.compile(r"^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


def parse_jalali_date(text):
    """A Jalali date typed as ۱۴۰۳/۰۱/۳۱ (any digits; / - or . between) as a Gregorian date.

    Raises ValueError for text that is not such a date or a day that does not exist.
    """
    match = JALALI_DATE_TYPED.match(latin_digits(text or ""))
    if not match:
        raise ValueError(f"not a Jalali date: {text!r}")
    year, month, day = (int(part) for part in match.groups())
    return JalaliDate(year, month, day).to_gregorian()


class JalaliInputError(ValueError):
    """Typed text that is not a Jalali moment; the message is Persian and says what to type."""


JALALI_MOMENT_TYPED = re.compile(
    r"^(?P<year>\d{4})\s*[/\-.]\s*(?P<month>\d{1,2})\s*[/\-.]\s*(?P<day>\d{1,2})"
    r"(?:\s*(?:T|,|،|ساعت)?\s*(?P<hour>\d{1,2})\s*:\s*(?P<minute>\d{1,2})"
    r"(?:\s*:\s*(?P<second>\d{1,2}))?)?$"
)
# Years an editor may mean; a Gregorian year (2026) typed by habit is refused, not misread.
JALALI_YEARS = range(1300, 1600)
TYPE_LIKE_THIS = "تاریخ را به شکل ۱۴۰۵/۰۹/۱۰ و ساعت را به شکل ۱۴:۳۰ بنویسید."


def parse_jalali_moment(text, with_time=True):
    """A Jalali date, and a time if given, typed in any digits, as a naive Gregorian value.

    ``۱۴۰۵/۰۹/۱۰ ۱۴:۳۰``, ``1405-9-10``, ``١٤٠٥.٠٩.١٠ ساعت ٠٨:٠٥`` all parse. With ``with_time``
    the result is a datetime (00:00 when no time was typed), otherwise a date. Raises
    JalaliInputError with a Persian message for anything else.
    """
    typed = re.sub(r"\s+", " ", latin_digits(text or "").replace("\u200c", " ")).strip()
    match = JALALI_MOMENT_TYPED.match(typed)
    if not match:
        raise JalaliInputError(TYPE_LIKE_THIS)
    parts = {name: int(value) for name, value in match.groupdict().items() if value is not None}
    if not with_time and "hour" in parts:
        raise JalaliInputError("اینجا فقط تاریخ را بنویسید، مثلاً ۱۴۰۵/۰۹/۱۰.")
    if parts["year"] not in JALALI_YEARS:
        raise JalaliInputError("سال را به تقویم خورشیدی بنویسید، مثلاً ۱۴۰۵.")
    try:
        day = JalaliDate(parts["year"], parts["month"], parts["day"])
    except ValueError:
        raise JalaliInputError(
            persian_digits(
                f"روز {parts['year']}/{parts['month']:02d}/{parts['day']:02d} "
                "در تقویم خورشیدی نیست."
            )
        ) from None
    if not with_time:
        return day.to_gregorian()
    hour, minute, second = parts.get("hour", 0), parts.get("minute", 0), parts.get("second", 0)
    if hour > 23 or minute > 59 or second > 59:
        raise JalaliInputError("ساعت باید میان ۰۰:۰۰ و ۲۳:۵۹ باشد.")
    return datetime.datetime.combine(day.to_gregorian(), datetime.time(hour, minute, second))


def format_jalali_input(value):
    """What a Jalali date field shows: ``۱۴۰۵/۰۹/۱۰ ۱۴:۳۰`` (Tehran time) or ``۱۴۰۵/۰۹/۱۰``."""
    if value in (None, ""):
        return ""
    jalali = to_jalali(value)
    text = f"{jalali.year}/{jalali.month:02d}/{jalali.day:02d}"
    if isinstance(value, datetime.datetime):
        text += f" {jalali.hour:02d}:{jalali.minute:02d}"
    return persian_digits(text)
