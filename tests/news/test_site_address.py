"""Every absolute address readers and other sites get is the portal's real one, never localhost."""

import io
import json
import re

import pytest

from django.core.management import call_command

from tests.factories import news as factories

pytestmark = pytest.mark.django_db

PUBLIC = "https://khuzestan.behzisti.example"


@pytest.fixture
def public_site(site, settings):
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    call_command("set_site_address", stdout=io.StringIO())
    site.refresh_from_db()
    return site


@pytest.fixture
def article(news_index, public_site):
    return factories.article(
        news_index,
        title="گشایش مرکز توانبخشی",
        lead="مرکز توانبخشی روزانه گشایش یافت.",
        tags=["توانبخشی"],
        section=factories.section("توانبخشی", "rehabilitation"),
        main_image=factories.image(),
        main_image_alt="ساختمان مرکز",
        published_at=factories.days_ago(1),
    )


def absolute_addresses(text):
    return re.findall(r"https?://[^\s\"'<>&]+", text)


def test_set_site_address_points_the_site_at_the_public_address(public_site):
    assert (public_site.hostname, public_site.port) == ("khuzestan.behzisti.example", 443)
    assert public_site.root_url == PUBLIC
    out = io.StringIO()
    call_command("set_site_address", stdout=out)  # idempotent
    assert "از پیش درست بود" in out.getvalue()


def test_set_site_address_refuses_a_malformed_address(site):
    with pytest.raises(Exception, match="نشانی نامعتبر است"):
        call_command("set_site_address", "khuzestan.behzisti", stdout=io.StringIO())


def test_share_canonical_and_json_ld_use_the_public_address(client, article):
    html = client.get(article.url, HTTP_HOST="127.0.0.1").content.decode()
    head = html.split("</head>")[0]
    assert f'<link rel="canonical" href="{PUBLIC}{article.url}">' in head
    share = re.search(r'<section class="share-links".*?</section>', html, re.S).group(0)
    assert "https%3A%2F%2Fkhuzestan.behzisti.example" in share or PUBLIC in share
    assert "localhost" not in share and "127.0.0.1" not in share
    for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        for address in absolute_addresses(json.dumps(json.loads(raw), ensure_ascii=False)):
            if not address.startswith("https://schema.org"):
                assert address.startswith(PUBLIC), address
    page_addresses = [
        address
        for address in absolute_addresses(head)
        if not address.startswith(("https://schema.org", "http://www.w3.org"))
    ]
    assert page_addresses and all(address.startswith(PUBLIC) for address in page_addresses)


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_feeds_use_the_public_address(client, article, feed):
    response = client.get(f"/news/{feed}/", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    addresses = [
        address
        for address in absolute_addresses(response.content.decode())
        if not address.startswith(("http://www.w3.org", "http://purl.org", "https://schema.org"))
    ]
    assert addresses and all(address.startswith(PUBLIC) for address in addresses), addresses


def test_robots_and_sitemap_use_the_public_address(client, article):
    robots = client.get("/robots.txt", HTTP_HOST="127.0.0.1").content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").content.decode()
    assert f"<loc>{PUBLIC}{article.url}</loc>" in sitemap
