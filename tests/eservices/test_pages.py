"""The e-services page (filter without and with JavaScript) and the service-centres page."""

import re

import pytest

from tests.factories import eservices as make

pytestmark = pytest.mark.django_db


def shown_titles(html):
    """Titles of the cards a reader sees: hidden cards and hidden categories are left out."""
    visible = []
    for section in re.findall(r"<section class=\"eservices-category\"(.*?)</section>", html, re.S):
        if section.split(">", 1)[0].rstrip().endswith("hidden"):
            continue
        for attributes, title in re.findall(
            r'<li class="eservice-card"([^>]*)>.*?<span class="eservice-card__title">([^<]+)<',
            section,
            re.S,
        ):
            if " hidden" not in attributes:
                visible.append(title)
    return visible


@pytest.fixture
def services():
    make.eservice(title="نوبت‌دهی کمیسیون پزشکی", category="توانبخشی و معلولیت", popular=False)
    make.eservice(title="درخواست وسایل کمک‌توانبخشی", category="توانبخشی و معلولیت")
    make.eservice(
        title="استعلام مستمری",
        description="مبلغ و تاریخ واریز مستمری ماهانه",
        category="حمایت‌های مالی",
    )
    make.eservice(title="سامانهٔ قدیمی", category="حمایت‌های مالی", active=False)


def test_every_active_service_is_listed_under_its_category(client, services):
    html = client.get("/services/").content.decode()
    headings = re.findall(r'<h2 id="eservices-category-\d+">([^<]+)</h2>', html)
    assert headings == ["توانبخشی و معلولیت", "حمایت‌های مالی"]
    assert shown_titles(html) == [
        "نوبت‌دهی کمیسیون پزشکی",
        "درخواست وسایل کمک‌توانبخشی",
        "استعلام مستمری",
    ]
    assert "سامانهٔ قدیمی" not in html
    assert "۳ خدمت الکترونیک" in html


def test_filter_works_without_javascript_through_the_form(client, services):
    html = client.get("/services/").content.decode()
    form = re.search(r"<form class=\"eservices-filter\"[^>]*>", html)[0]
    assert 'method="get"' in form and 'action="/services/"' in form
    assert '<label for="eservices-query">' in html

    html = client.get("/services/", {"q": "مستمری"}).content.decode()
    assert shown_titles(html) == ["استعلام مستمری"]
    assert "۱ خدمت از ۳ خدمت با «مستمری» پیدا شد." in html
    assert 'value="مستمری"' in html


def test_filter_folds_arabic_letters_digits_and_zwnj(client, services):
    make.eservice(title="پرداخت قسط ۳ وام", category="حمایت‌های مالی")
    assert shown_titles(client.get("/services/", {"q": "مستمري"}).content.decode()) == [
        "استعلام مستمری"
    ]
    assert shown_titles(client.get("/services/", {"q": "کمک توانبخشی"}).content.decode()) == [
        "درخواست وسایل کمک‌توانبخشی"
    ]
    assert shown_titles(client.get("/services/", {"q": "3 وام"}).content.decode()) == [
        "پرداخت قسط ۳ وام"
    ]


def test_filter_with_no_match_says_so_and_offers_every_service(client, services):
    html = client.get("/services/", {"q": "گذرنامه"}).content.decode()
    assert shown_titles(html) == []
    assert "خدمتی با «گذرنامه» پیدا نشد." in html
    assert '<a href="/services/">همهٔ خدمات</a>' in html


@pytest.mark.parametrize(
    "query", ['"><script>alert(1)</script>', "\x00", "ي" * 5000, "%", "' OR 1=1 --"]
)
def test_hostile_filter_text_is_shown_as_text_never_a_500(client, services, query):
    response = client.get("/services/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_javascript_enhancement_is_loaded_and_has_what_it_needs(client, services):
    html = client.get("/services/").content.decode()
    assert 'src="/static/js/eservices.js"' in html
    assert 'role="status"' in html and "data-eservices-status" in html
    assert html.count("data-search=") == 3


def test_centres_page_groups_centres_by_county_in_persian_alphabetical_order(client):
    make.centre(name="ادارهٔ بهزیستی شهرستان گتوند", county="گتوند")
    make.centre(name="ادارهٔ بهزیستی شهرستان دزفول", county="دزفول")
    make.centre(name="ادارهٔ بهزیستی شهرستان کارون", county="کارون")
    make.centre(name="مرکز اورژانس اجتماعی اهواز", county="اهواز")
    make.centre(name="مرکز بسته‌شده", county="باوی", active=False)
    html = client.get("/centres/").content.decode()
    counties = re.findall(r'<h2 id="county-\d+">شهرستان ([^<]+)</h2>', html)
    assert counties == ["اهواز", "دزفول", "کارون", "گتوند"]
    options = re.findall(r'<option value="([^"]*)"', html)
    assert options == ["", "اهواز", "دزفول", "کارون", "گتوند"]
    assert "مرکز بسته‌شده" not in html


def test_county_filter_shows_only_that_countys_centres(client):
    make.centre(name="ادارهٔ بهزیستی شهرستان دزفول", county="دزفول", phone_numbers="06142224150")
    make.centre(name="مرکز اورژانس اجتماعی اهواز", county="اهواز")
    html = client.get("/centres/", {"county": "دزفول"}).content.decode()
    assert "ادارهٔ بهزیستی شهرستان دزفول" in html
    assert "مرکز اورژانس اجتماعی اهواز" not in html
    assert '<option value="دزفول" selected>' in html
    assert "<h1>مراکز خدمات شهرستان دزفول</h1>" in html
    assert 'href="tel:06142224150"' in html


@pytest.mark.parametrize("county", ["تهران", "<b>x</b>", "\x00", "د" * 3000])
def test_unknown_county_shows_every_centre_with_a_persian_note(client, county):
    make.centre(name="ادارهٔ بهزیستی شهرستان دزفول", county="دزفول")
    make.centre(name="مرکز اورژانس اجتماعی اهواز", county="اهواز")
    response = client.get("/centres/", {"county": county})
    html = response.content.decode()
    assert response.status_code == 200
    assert "در فهرست مراکز نیست؛ همهٔ مراکز استان نمایش داده شده‌اند." in html
    assert "ادارهٔ بهزیستی شهرستان دزفول" in html and "مرکز اورژانس اجتماعی اهواز" in html
    assert "<b>x</b>" not in html


def test_centre_with_coordinates_links_to_a_map_and_says_it_leaves_the_portal(client):
    make.centre(name="ادارهٔ کل", latitude="31.318400", longitude="48.693100")
    make.centre(name="مرکز بی‌نشانی روی نقشه")
    html = client.get("/centres/").content.decode()
    assert html.count("نمایش روی نقشه") == 1
    assert "mlat=31.318400&amp;mlon=48.693100" in html
    assert (
        'نمایش روی نقشه<span class="external-link__mark" aria-hidden="true">\u2060↖</span>' in html
    )
    assert '<span class="visually-hidden"> (پیوند به سامانهٔ بیرونی)</span></a>' in html


def test_services_and_centres_pages_are_linked_from_the_header(client):
    html = client.get("/services/").content.decode()
    assert '<a href="/services/" aria-current="page">خدمات الکترونیک</a>' in html
    assert '<a href="/centres/">مراکز خدمات</a>' in html
