"""Every page shows the help lines; the home page and articles show the popular e-services."""

import json
import re

import pytest

from django.template.loader import render_to_string
from django.test import RequestFactory

from wagtail.models import Site

from portal.models import OrganisationSettings
from tests.factories import eservices as make


def public_address():
    """The default Site's address: every absolute URL is built on it (portal/site_address.py)."""
    return Site.objects.get(is_default_site=True).root_url


pytestmark = pytest.mark.django_db


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def phone_links(html):
    return re.findall(r'<a class="phone" href="tel:(\d+)">(.*?)</a>', html, re.S)


def test_reader_sees_both_help_lines_first_thing_on_every_page(client):
    make.hotline(number="123", title="اورژانس اجتماعی")
    make.hotline(number="1480", title="صدای مشاور")
    for path in ("/", "/services/", "/centres/", "/هیچ-جا/"):
        html = client.get(path).content.decode()
        bar_start = html.index('class="hotline-bar"')
        assert bar_start < html.index('class="site-header"') < html.index('<main id="main"')
        bar = html[bar_start : html.index("</aside>", bar_start)]
        assert [number for number, _ in phone_links(bar)] == ["123", "1480"]


def test_phone_number_is_read_as_digits_and_the_name_is_the_visible_text(client):
    make.hotline(number="1480", title="صدای مشاور")
    html = client.get("/").content.decode()
    number, inner = phone_links(html)[0]
    assert number == "1480"
    assert "aria-label" not in inner  # the accessible name is exactly what is on screen
    assert text_of(inner) == "صدای مشاور ۱ ۴ ۸ ۰"
    assert '<span class="phone__number" dir="ltr">۱ ۴ ۸ ۰</span>' in inner


def test_footer_lists_help_lines_with_hours_and_description(client):
    make.hotline(number="123", title="اورژانس اجتماعی", description="کودک‌آزاری و همسرآزاری")
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "خطوط کمک و مشاوره" in footer
    assert 'href="tel:123"' in footer
    assert "شبانه‌روزی" in footer and "کودک‌آزاری و همسرآزاری" in footer


def test_inactive_help_line_disappears_from_every_block(client):
    make.hotline(number="123", title="اورژانس اجتماعی")
    make.hotline(number="09120000000", title="خط قدیمی", active=False)
    html = client.get("/").content.decode()
    assert "tel:09120000000" not in html and "خط قدیمی" not in html


def test_organisation_contact_points_are_published_as_json_ld(client, site):
    organisation = OrganisationSettings.for_site(site)
    organisation.name = "ادارهٔ کل بهزیستی استان خوزستان"
    organisation.save()
    make.hotline(number="123", title="اورژانس اجتماعی")
    make.hotline(number="1480", title="صدای مشاور", description="مشاورهٔ تلفنی </script> رایگان")

    html = client.get("/").content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@type"] == "Organization"
    assert data["name"] == "ادارهٔ کل بهزیستی استان خوزستان"
    assert data["url"] == public_address() + "/"
    points = [(point["telephone"], point["contactType"]) for point in data["contactPoint"]]
    assert points == [("123", "اورژانس اجتماعی"), ("1480", "صدای مشاور")]
    assert "</script> رایگان" in data["contactPoint"][1]["description"]  # escaped, not closing


def test_home_page_shows_popular_eservices_in_the_editors_order(client):
    second = make.eservice(title="پیگیری درخواست")
    first = make.eservice(title="ثبت‌نام در سامانه")
    make.eservice(title="خدمت کم‌کاربرد", popular=False)
    make.eservice(title="خدمت غیرفعال", active=False)
    first.sort_order, second.sort_order = 1, 2
    first.save()
    second.save()

    html = client.get("/").content.decode()
    block = html[html.index('class="popular-eservices"') :]
    block = block[: block.index("</section>")]
    assert "خدمات الکترونیک پرکاربرد" in block
    titles = re.findall(r'<span class="eservice-card__title">([^<]+)<', block)
    assert titles == ["ثبت‌نام در سامانه", "پیگیری درخواست"]


def test_links_to_other_systems_say_so_in_their_accessible_name(client):
    make.eservice(title="استعلام مستمری", address="https://pension.behzisti.example/")
    html = client.get("/").content.decode()
    link = re.search(
        r'<a class="eservice-card__link" href="https://pension[^"]*"[^>]*>(.*?)</a>', html, re.S
    )
    spoken = re.sub(r'<span[^>]*aria-hidden="true"[^>]*>[^<]*</span>', "", link[1])
    assert text_of(spoken) == "استعلام مستمری (پیوند به سامانهٔ بیرونی)"
    assert '<span class="visually-hidden"> (پیوند به سامانهٔ بیرونی)</span>' in link[1]


def test_external_link_arrow_stays_on_the_line_of_the_last_word(client):
    make.eservice(title="استعلام مستمری", address="https://pension.behzisti.example/")
    html = client.get("/").content.decode()
    # A word joiner (U+2060), not a space, between the last word and the arrow: no line break.
    assert (
        'استعلام مستمری<span class="external-link__mark" aria-hidden="true">\u2060↖</span>' in html
    )


def test_built_in_icon_is_inline_svg_hidden_from_screen_readers(client):
    make.eservice(title="نوبت کمیسیون", builtin_icon="calendar")
    html = client.get("/").content.decode()
    svg = re.search(r'<span class="eservice-card__icon">\s*(<svg[^>]*>)', html)[1]
    assert 'aria-hidden="true"' in svg and 'focusable="false"' in svg


def test_uploaded_icon_is_shown_as_a_small_rendition_with_empty_alt(client):
    image = make.icon_image()
    make.eservice(title="سامانهٔ مسکن", icon_image=image)
    html = client.get("/").content.decode()
    img = re.search(r'<span class="eservice-card__icon">\s*(<img[^>]*>)', html)[1]
    assert 'alt=""' in img
    assert re.search(r'src="/media/images/eservice-icon-\d+[^"]*\.max-96x96\.png"', img)


def test_article_sidebar_shows_popular_eservices_and_help_lines(site):
    make.hotline(number="123", title="اورژانس اجتماعی")
    make.eservice(title="استعلام مستمری")
    make.eservice(title="خدمت کم‌کاربرد", popular=False)
    request = RequestFactory().get("/news/some-article/")
    html = render_to_string("eservices/includes/sidebar.html", request=request)
    assert "خدمات الکترونیک پرکاربرد" in html and "استعلام مستمری" in html
    assert "خدمت کم‌کاربرد" not in html
    assert 'href="tel:123"' in html
    headings = re.findall(r"<h(\d)", html)
    assert headings == ["2", "2"]


def test_with_nothing_entered_the_blocks_stay_quiet(client):
    html = client.get("/").content.decode()
    assert 'class="hotline-bar"' not in html
    assert 'class="popular-eservices"' not in html
    assert "شماره‌های کمک به‌زودی" in html
