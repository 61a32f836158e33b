"""Sections (سرویس‌های خبری) are edited by دبیرها in the admin as snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.models import NewsSection


class NewsSectionViewSet(SnippetViewSet):
    model = NewsSection
    icon = "folder-open-inverse"
    menu_label = "سرویس‌های خبری"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(NewsSectionViewSet)
