import datetime
import zoneinfo

from django.template import Context, Template

from portal.jalali import format_jalali, gregorian_month_range
from portal.text import fold_for_search, normalize_persian, persian_digits

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")


def render(template_text, **context):
    return Template("{% load persian %}" + template_text).render(Context(context))


def test_reader_sees_jalali_date_with_persian_month_and_digits():
    assert format_jalali(datetime.date(2019, 1, 2)) == "۱۲ دی ۱۳۹۷"


def test_reader_sees_weekday_and_time_in_tehran_time():
    published = datetime.datetime(2019, 1, 2, 11, 0, tzinfo=datetime.UTC)
    assert format_jalali(published, "datetime") == "چهارشنبه ۱۲ دی ۱۳۹۷، ساعت ۱۴:۳۰"
    assert format_jalali(published, "article") == "چهارشنبه ۱۲ دی ۱۳۹۷ - ۱۴:۳۰"


def test_every_date_sits_in_a_machine_readable_time_element():
    published = datetime.datetime(2019, 1, 2, 14, 30, tzinfo=TEHRAN)
    html = render('{% jalali_time value "datetime" %}', value=published)
    assert html == (
        '<time datetime="2019-01-02T14:30:00+03:30">چهارشنبه ۱۲ دی ۱۳۹۷، ساعت ۱۴:۳۰</time>'
    )


def test_numbers_are_shown_with_persian_digits_and_separators():
    assert render("{{ n|fa_digits }}", n=1480) == "۱۴۸۰"
    assert render("{{ n|fa_number }}", n=20000) == "۲۰٬۰۰۰"
    assert render("{{ n|spaced_digits }}", n="123") == "۱ ۲ ۳"


def test_last_month_of_a_jalali_year_ends_where_the_next_year_begins():
    start, end = gregorian_month_range(1397, 12)
    assert (start, end) == (datetime.date(2019, 2, 20), datetime.date(2019, 3, 21))


def test_arabic_letters_become_persian_and_zwnj_is_kept():
    assert normalize_persian("كودكان مي\u200cروند") == "کودکان می\u200cروند"


def test_bidi_overrides_zero_width_space_bom_and_nul_are_removed():
    assert normalize_persian("سلام\u202e\u200b\ufeff\x00 دنیا") == "سلام دنیا"


def test_search_folding_makes_every_spelling_meet():
    assert fold_for_search("مي\u200cرود") == fold_for_search("میرود")
    assert fold_for_search("۱۴۸۰") == fold_for_search("١٤٨٠") == "1480"
    assert fold_for_search("كمكهاي") == fold_for_search("کمکهای")
    assert fold_for_search("مدرســـه") == "مدرسه"
    assert persian_digits("1405") == "۱۴۰۵"
