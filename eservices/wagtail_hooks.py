from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from eservices.models import EService, Hotline, ServiceCentre
from eservices.search import search_results

# The site's search page lists matching e-services beside the news (news/search/views.py).
hooks.register("register_search_results", search_results)


class EServiceViewSet(SnippetViewSet):
    model = EService
    icon = "link"
    menu_label = "خدمات الکترونیک"
    list_display = [
        "title",
        "category",
        BooleanColumn("popular", label="پرکاربرد"),
        BooleanColumn("active", label="فعال"),
        Column("link_check_status", label="وضعیت پیوند"),
        Column("last_link_check_result", label="نتیجهٔ آخرین بررسی"),
        DateColumn("last_link_checked_at", label="زمان بررسی"),
    ]
    list_filter = ["popular", "active", "last_link_check_ok"]


class HotlineViewSet(SnippetViewSet):
    model = Hotline
    icon = "mobile-alt"
    menu_label = "خطوط تماس"
    list_display = ["title", "number", "hours", BooleanColumn("active", label="فعال")]
    list_filter = ["active"]


class ServiceCentreViewSet(SnippetViewSet):
    model = ServiceCentre
    icon = "home"
    menu_label = "مراکز خدمات"
    list_display = ["name", "county", "city", BooleanColumn("active", label="فعال")]
    list_filter = ["active", "county"]


class EServicesGroup(SnippetViewSetGroup):
    menu_label = "خدمات و خطوط تماس"
    menu_icon = "help"
    menu_order = 250
    items = (EServiceViewSet, HotlineViewSet, ServiceCentreViewSet)


register_snippet(EServicesGroup)
