"""The Wagtail admin in Persian: Jalali date fields, slugs that keep word boundaries, and an
editor's guide of ours instead of Wagtail's English one (the menu item and the dashboard link)."""

from django.db import models
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import SlugInput

from portal.jalali_widgets import (
    JalaliDateField,
    JalaliDateInput,
    JalaliDateTimeField,
    JalaliDateTimeInput,
)
from portal.text import ZWNJ

# Every date an editor or moderator meets in an admin form, pages and snippets alike.
register_form_field_override(
    models.DateTimeField,
    override={"form_class": JalaliDateTimeField, "widget": JalaliDateTimeInput},
)
register_form_field_override(
    models.DateField, override={"form_class": JalaliDateField, "widget": JalaliDateInput}
)
# «مهارت‌آموزی» → «مهارت-آموزی»: the ZWNJ between two parts of a word becomes a hyphen before
# Wagtail's slugify, which would otherwise drop it and glue the parts together.
register_form_field_override(
    models.SlugField, override={"widget": SlugInput(formatters=[(ZWNJ, "-")])}
)

GUIDE_URL_NAME = "portal_editor_guide"


def editor_guide(request):
    return TemplateResponse(request, "portal/admin/editor_guide.html", {"header_icon": "help"})


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    return [path("guide/", editor_guide, name=GUIDE_URL_NAME)]


@hooks.register("construct_help_menu")
def replace_wagtail_help_with_our_guide(request, menu_items):
    # Wagtail's items open its English guide and release notes on another site, and count as
    # «new» until dismissed; editors here need the Persian guide and the keyboard shortcuts.
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide" and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.append(
        MenuItem(
            "راهنمای ویرایشگران",
            reverse(GUIDE_URL_NAME),
            name="portal-editor-guide",
            icon_name="help",
            order=1100,
        )
    )


@hooks.register("insert_global_admin_js")
def persian_digits_and_labels_in_the_admin():
    return format_html(
        '<script src="{}"></script><script src="{}"></script>',
        static("js/admin/persian-digits.js"),
        static("js/admin/field-labels.js"),
    )
