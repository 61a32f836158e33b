"""Editors using a screen reader hear Persian labels in the Wagtail admin, not English ones.

portal/locale/fa/LC_MESSAGES/ overlays Wagtail's half-finished Persian catalogue.
"""

import ast
import re

import pytest

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

LOCALE = settings.BASE_DIR / "portal" / "locale" / "fa" / "LC_MESSAGES"
ENTRY = re.compile(r'^msgid (".*")\nmsgstr (".*")$', re.MULTILINE)


def overlay(domain):
    """(English, Persian) pairs of one .po file, header left out."""
    text = (LOCALE / f"{domain}.po").read_text(encoding="utf-8")
    pairs = [
        (ast.literal_eval(msgid), ast.literal_eval(msgstr)) for msgid, msgstr in ENTRY.findall(text)
    ]
    return [(english, persian) for english, persian in pairs if english]


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_catalogue_says_what_the_po_file_says(domain):
    catalogue = DjangoTranslation("fa", domain=domain)
    entries = overlay(domain)
    assert entries
    stale = [english for english, persian in entries if catalogue.gettext(english) != persian]
    assert stale == [], f"recompile: msgfmt --check -o {domain}.mo {domain}.po in {LOCALE}"


def test_editor_meets_the_admin_skip_link_in_persian(admin_client):
    with translation.override("fa"):
        html = admin_client.get("/admin/").content.decode()
    assert "پرش به محتوای اصلی" in html
    assert "Skip to main content" not in html


@pytest.mark.browser
def test_screen_reader_labels_of_the_admin_sidebar_and_explorer_are_persian(
    browser_page, live_url, django_user_model, home_page
):
    django_user_model.objects.create_superuser("editor", "editor@example.com", "editor-pass-1405")
    browser_page.goto(live_url("/admin/login/"))
    browser_page.fill("#id_username", "editor")
    browser_page.fill("#id_password", "editor-pass-1405")
    browser_page.click("button[type=submit]")
    browser_page.goto(live_url(f"/admin/pages/{home_page.id}/"))
    browser_page.wait_for_selector("[aria-label='منوی اصلی']")

    labels = browser_page.evaluate(
        """() => [...document.querySelectorAll("[aria-label]")].map(
            (element) => element.getAttribute("aria-label"))"""
    )
    overlaid = {english for english, _ in overlay("django") + overlay("djangojs")}
    still_english = sorted({label for label in labels if label in overlaid})
    assert still_english == []
    assert "باز و بسته کردن نوار کناری" in labels
