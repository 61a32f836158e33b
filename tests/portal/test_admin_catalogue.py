"""The strings editors met in English (issue 12) now read in Persian in the compiled catalogue."""

import re

import pytest

from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation.trans_real import DjangoTranslation

LATIN_LETTERS = re.compile(r"[A-Za-z]")
PLACEHOLDERS = re.compile(r"%\(\w+\)s|\{\w+\}|<[^>]+>")

MET_IN_ENGLISH = [
    "Password",
    "Exploring",
    "just now",
    "Collapse all",
    "Comment notifications",
    "title tag",
    "meta description",
    "Search options…",
    "Saved",
    "Delete selected snippets",
    "Add %(label)s",
    "Set publishing schedule",
    "Schedule to publish",
    "The root level is where you can add new sites to your Wagtail installation. Pages created "
    "here will not be accessible at any URL until they are associated with a site.",
    "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s",
    "(%(number)s new items in this menu)",
]
MET_IN_ENGLISH_PLURAL = [
    (
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    (
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
    ),
    ("Referenced %(count)s time", "Referenced %(count)s times"),
]


def persian_only(text):
    return not LATIN_LETTERS.search(PLACEHOLDERS.sub("", text))


def in_persian(english):
    """The admin's translation, from the Python catalogue or else the JavaScript one."""
    with translation.override("fa"):
        translated = gettext(english)
    if translated == english:
        translated = DjangoTranslation("fa", domain="djangojs").gettext(english)
    return translated


@pytest.mark.parametrize("english", MET_IN_ENGLISH)
def test_editor_meets_this_string_in_persian(english):
    translated = in_persian(english)
    assert translated != english and persian_only(translated), translated


@pytest.mark.parametrize(("singular", "plural"), MET_IN_ENGLISH_PLURAL)
def test_counted_strings_read_in_persian(singular, plural):
    with translation.override("fa"):
        for count in (0, 1, 6):
            translated = ngettext(singular, plural, count)
            assert persian_only(translated), translated


def test_wagtails_stray_word_is_gone_from_add_buttons():
    with translation.override("fa"):
        assert gettext("Add %(label)s") == "افزودن %(label)s"
