"""Persian digits and Jalali dates for templates.

{{ value|fa_digits }}                      ۱۲۳۴
{{ page.date|jalali }}                     ۱۲ دی ۱۳۹۷
{{ page.date|jalali:"datetime" }}          چهارشنبه ۱۲ دی ۱۳۹۷، ساعت ۱۴:۳۰
{% jalali_time page.date "article" %}      <time datetime="2019-01-02T14:30:00+03:30">…</time>
"""

from django import template
from django.utils.html import format_html

from portal.jalali import format_jalali, iso_8601
from portal.text import persian_digits, persian_number

register = template.Library()


@register.filter
def fa_digits(value):
    if value is None:
        return ""
    return persian_digits(value)


@register.filter
def fa_number(value):
    """A count with Persian thousands separators: ۲۰٬۰۰۰."""
    if value is None:
        return ""
    return persian_number(value)


@register.filter
def jalali(value, style="date"):
    return format_jalali(value, style)


@register.simple_tag
def jalali_time(value, style="date"):
    """Every date readers see sits in a machine-readable <time> element."""
    if value in (None, ""):
        return ""
    return format_html(
        '<time datetime="{}">{}</time>', iso_8601(value), format_jalali(value, style)
    )


@register.filter
def spaced_digits(value):
    """Persian digits one by one (۱ ۲ ۳), so a screen reader reads a phone number as digits."""
    digits = [char for char in persian_digits(value) if char.isdigit()]
    return " ".join(digits)
