"""Editors manage e-services, help lines and centres in the Wagtail admin; bad input is refused."""

import json
import re

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from eservices.models import EService, Hotline, ServiceCentre
from portal.jalali import format_jalali
from tests.factories import eservices as make

pytestmark = pytest.mark.django_db

SERVICE_FORM = {
    "title": "استعلام مستمری",
    "description": "مبلغ و تاریخ واریز",
    "address": "https://pension.behzisti.example/check",
    "category": "حمایت‌های مالی",
    "builtin_icon": "payment",
    "icon_image": "",
    "popular": "on",
    "active": "on",
}
HOTLINE_FORM = {
    "number": "1480",
    "title": "صدای مشاور",
    "description": "",
    "hours": "شبانه‌روزی",
    "active": "on",
}
CENTRE_FORM = {
    "name": "ادارهٔ بهزیستی شهرستان شوش",
    "county": "شوش",
    "city": "شوش",
    "address": "خیابان دانیال نبی",
    "phone_numbers": "06142720000",
    "hours": "شنبه تا چهارشنبه",
    "latitude": "",
    "longitude": "",
    "active": "on",
}


def add_url(model_name):
    return reverse(f"wagtailsnippets_eservices_{model_name}:add")


@pytest.fixture
def service_manager(django_user_model, client):
    user = django_user_model.objects.create_user("manager", "manager@example.com", "pw")
    user.groups.add(Group.objects.get(name="مدیر خدمات"))
    client.force_login(user)
    return user


def form_errors(response):
    return response.context["form"].errors


def test_service_manager_adds_an_eservice_and_it_is_stored_tidy(client, service_manager):
    response = client.post(add_url("eservice"), {**SERVICE_FORM, "title": "  استعلام   مستمري  "})
    assert response.status_code == 302
    service = EService.objects.get()
    assert service.title == "استعلام مستمری"  # Arabic ي became Persian ی, spaces tidied
    assert service.popular and service.active


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("http://pension.behzisti.example/", "با https:// شروع شود"),
        ("javascript:alert(1)", "فقط نشانی وب امنی که با https://"),
        ("https://pension.behzisti.example/check status", "نباید فاصله داشته باشد"),
        ("https:// pension.behzisti.example", "نباید فاصله داشته باشد"),
        ("https://", "نشانی معتبر نیست"),
        ("ftp://files.behzisti.example/", "فقط نشانی وب امنی که با https://"),
    ],
)
def test_unsafe_or_broken_address_gets_a_persian_error_and_nothing_is_saved(
    client, service_manager, address, message
):
    response = client.post(add_url("eservice"), {**SERVICE_FORM, "address": address})
    assert response.status_code == 200
    assert any(message in error for error in form_errors(response)["address"])
    assert message in response.content.decode()
    assert not EService.objects.exists()


def test_eservice_with_an_empty_title_is_refused(client, service_manager):
    for title in ("", "   ", "\u200c\u200f"):
        response = client.post(add_url("eservice"), {**SERVICE_FORM, "title": title})
        assert response.status_code == 200
        assert form_errors(response)["title"]
    assert not EService.objects.exists()


@pytest.mark.parametrize("number", ["12a3", "۱۴۸۰ الف", "+98-61-3333", "12", ""])
def test_hotline_number_with_letters_or_signs_is_refused(client, service_manager, number):
    response = client.post(add_url("hotline"), {**HOTLINE_FORM, "number": number})
    assert response.status_code == 200
    assert form_errors(response)["number"]
    assert not Hotline.objects.exists()


def test_hotline_number_typed_with_persian_digits_and_dashes_is_stored_as_digits(
    client, service_manager
):
    response = client.post(add_url("hotline"), {**HOTLINE_FORM, "number": "۰۶۱-۳۳۳۳ ۱۲۳۴"})
    assert response.status_code == 302
    assert Hotline.objects.get().number == "06133331234"


def test_hotline_with_an_empty_title_is_refused_in_persian(client, service_manager):
    response = client.post(add_url("hotline"), {**HOTLINE_FORM, "title": ""})
    assert response.status_code == 200
    assert form_errors(response)["title"] == ["این فیلد اجباری است."]
    assert not Hotline.objects.exists()


def test_centre_phone_list_is_checked_number_by_number(client, service_manager):
    response = client.post(
        add_url("servicecentre"), {**CENTRE_FORM, "phone_numbers": "06142720000، 0614x"}
    )
    assert response.status_code == 200
    assert "«0614x» شماره تلفن درستی نیست" in form_errors(response)["phone_numbers"][0]
    assert not ServiceCentre.objects.exists()

    response = client.post(
        add_url("servicecentre"),
        {**CENTRE_FORM, "phone_numbers": "۰۶۱۴۲۷۲۰۰۰۰، 061-4272 0001"},
    )
    assert response.status_code == 302
    assert ServiceCentre.objects.get().phone_list == ["06142720000", "06142720001"]


def test_centre_needs_both_coordinates_or_none(client, service_manager):
    response = client.post(add_url("servicecentre"), {**CENTRE_FORM, "latitude": "32.19"})
    assert response.status_code == 200
    assert "هر دو مختصات" in response.content.decode()
    assert not ServiceCentre.objects.exists()


def test_editor_without_service_permissions_is_refused(client, django_user_model):
    editor = django_user_model.objects.create_user("news-editor", "e@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))  # Wagtail's own: admin, no snippets
    client.force_login(editor)

    assert client.get(add_url("eservice")).status_code == 302
    response = client.post(add_url("eservice"), SERVICE_FORM)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    service = make.eservice(title="سامانهٔ پیشین")
    edit_url = reverse("wagtailsnippets_eservices_eservice:edit", args=[service.pk])
    client.post(edit_url, {**SERVICE_FORM, "title": "دست‌کاری‌شده"})
    assert list(EService.objects.values_list("title", flat=True)) == ["سامانهٔ پیشین"]
    delete_url = reverse("wagtailsnippets_eservices_eservice:delete", args=[service.pk])
    client.post(delete_url)
    assert EService.objects.filter(pk=service.pk).exists()


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.post(add_url("hotline"), HOTLINE_FORM)
    assert response.status_code == 302
    assert "/admin/login/" in response.url
    assert not Hotline.objects.exists()


def test_editors_see_each_links_last_check_in_the_listing_and_the_form(client, service_manager):
    from django.utils import timezone

    service = make.eservice(title="سامانهٔ مستمری")
    EService.objects.filter(pk=service.pk).update(
        last_link_check_ok=False,
        last_link_check_result="خراب: پاسخ ۴۰۴ از سامانه",
        last_link_checked_at=timezone.now(),
    )
    listing = client.get(reverse("wagtailsnippets_eservices_eservice:list")).content.decode()
    assert "خراب: پاسخ ۴۰۴ از سامانه" in listing
    assert "وضعیت پیوند" in listing
    edit_url = reverse("wagtailsnippets_eservices_eservice:edit", args=[service.pk])
    form = client.get(edit_url).content.decode()
    assert "خراب: پاسخ ۴۰۴ از سامانه" in form
    assert 'name="last_link_check_result"' not in form  # shown, never editable
    checked_at = EService.objects.get(pk=service.pk).last_link_checked_at
    assert format_jalali(checked_at, "datetime") in form  # Jalali, Tehran time


def test_all_three_snippets_sit_in_one_admin_menu_group(client, service_manager):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    menu = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)[1])
    menu_text = json.dumps(menu, ensure_ascii=False)
    assert "خدمات و خطوط تماس" in menu_text
    for label in ("خدمات الکترونیک", "خطوط تماس", "مراکز خدمات"):
        assert label in menu_text
    for model_name in ("eservice", "hotline", "servicecentre"):
        response = client.get(reverse(f"wagtailsnippets_eservices_{model_name}:list"))
        assert response.status_code == 200
