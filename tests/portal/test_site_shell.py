import re

import pytest

from wagtail.models import Site


def public_address():
    """The default Site's address: every absolute URL is built on it (portal/site_address.py)."""
    return Site.objects.get(is_default_site=True).root_url


pytestmark = pytest.mark.django_db


def test_reader_gets_a_persian_right_to_left_home_page(client, home_page):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fa" dir="rtl">' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    assert home_page.title in html


def test_header_and_footer_show_the_organisation_from_site_settings(client, site):
    from portal.models import OrganisationSettings

    organisation = OrganisationSettings.for_site(site)
    organisation.name = "ادارهٔ کل بهزیستی استان خوزستان"
    organisation.address = "اهواز، کیانپارس"
    organisation.phone = "06133367000"
    organisation.save()

    html = client.get("/").content.decode()
    assert "ادارهٔ کل بهزیستی استان خوزستان" in html
    assert "اهواز، کیانپارس" in html
    assert 'href="tel:06133367000"' in html
    assert "۰ ۶ ۱ ۳ ۳ ۳ ۶ ۷ ۰ ۰ ۰" in html  # digit by digit: see components/phone_link.html


def test_unknown_address_gets_a_persian_404(client):
    response = client.get("/هیچ-جا/")
    assert response.status_code == 404
    assert "صفحه‌ای که می‌خواستید پیدا نشد" in response.content.decode()


def test_server_error_page_is_persian_and_stands_alone(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fa" dir="rtl">' in html
    assert "tel:123" in html and "tel:1480" in html


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert f"\nSitemap: {public_address()}/sitemap.xml\n" in body


def test_editor_meets_a_persian_right_to_left_admin(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert 'lang="fa"' in html and 'dir="rtl"' in html
    assert "gravatar" not in html.lower()


def test_admin_login_page_makes_no_calls_outside_the_site(client):
    html = client.get("/admin/login/").content.decode()
    loaded_automatically = re.findall(r'(?:src="|<link[^>]*href=")(https?://[^"]+)"', html)
    external = [url for url in loaded_automatically if "testserver" not in url]
    assert external == []
