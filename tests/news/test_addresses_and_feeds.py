import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest

from wagtail.models import Site

from tests.factories import news as factories


def public_address():
    """The default Site's address: every absolute URL is built on it (portal/site_address.py)."""
    return Site.objects.get(is_default_site=True).root_url


pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def article(news_index):
    return factories.article(
        news_index,
        title="خبر با کد قدیمی",
        lead="لید خبر برای خوراک",
        news_code=126727,
        tags=["اشتغال"],
        section=factories.section("اشتغال", "employment"),
        main_image=factories.image(),
        main_image_decorative=True,
        published_at=factories.datetime_in_tehran(2019, 1, 2, 14, 30),
    )


@pytest.mark.parametrize("path", ["/news/126727/", "/n/126727", "/n/126727/", "/n/۱۲۶۷۲۷"])
def test_old_portal_and_short_addresses_redirect_permanently(client, article, path):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == article.url


@pytest.mark.parametrize("path", ["/news/999999/", "/n/999999", "/n/0", "/n/99999999999"])
def test_unknown_codes_get_a_persian_404(client, article, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "صفحه‌ای که می‌خواستید پیدا نشد" in response.content.decode()


@pytest.mark.parametrize("path", ["/n/abc", "/n/12;DROP", "/n/-5", "/news/12a/", "/n/%00"])
def test_malformed_codes_are_404(client, article, path):
    assert client.get(path).status_code == 404


def test_rss_feed_items_carry_title_lead_link_date_and_image(client, article):
    response = client.get("/news/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed
    assert channel.findtext("language") == "fa"
    item = channel.find("item")
    assert item.findtext("title") == "خبر با کد قدیمی"
    assert item.findtext("description") == "لید خبر برای خوراک"
    assert item.findtext("link") == public_address() + article.url
    assert item.findtext("pubDate") == "Wed, 02 Jan 2019 14:30:00 +0330"
    enclosure = item.find("enclosure")
    assert enclosure.get("url").startswith(public_address() + "/")
    assert enclosure.get("type") == "image/jpeg" and int(enclosure.get("length")) > 0


def test_atom_feed_is_valid_and_complete(client, article):
    response = client.get("/news/atom/")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "خبر با کد قدیمی"
    assert entry.findtext(f"{ATOM}summary") == "لید خبر برای خوراک"
    assert entry.find(f"{ATOM}link[@rel='alternate']").get("href") == public_address() + article.url
    assert entry.find(f"{ATOM}link[@rel='enclosure']") is not None
    assert entry.findtext(f"{ATOM}published").startswith("2019-01-02T14:30:00+03:30")


def test_tag_and_section_feeds_hold_only_their_news(client, news_index, article):
    other = factories.article(news_index, title="خبر دیگر", tags=["سالمندان"])
    for path in ("/news/tags/اشتغال/rss/", "/news/section/employment/atom/"):
        body = client.get(path).content.decode()
        assert article.title in body and other.title not in body
    assert client.get("/news/tags/نیست/rss/").status_code == 404
    assert client.get("/news/section/nothing/atom/").status_code == 404


def test_sitemap_lists_articles_and_robots_points_to_it(client, article):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert f"<loc>{article.get_full_url()}</loc>" in response.content.decode()
    assert f"Sitemap: {public_address()}/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_sitemap_lists_sections_and_tags_that_have_published_news(client, news_index, article):
    factories.article(news_index, title="پیش‌نویس", tags=["پنهان"], publish=False, live=False)

    sitemap = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 - our own sitemap
    addresses = {
        unquote(url.findtext(f"{SITEMAP}loc")): url.findtext(f"{SITEMAP}lastmod")
        for url in sitemap.iter(f"{SITEMAP}url")
    }

    news = news_index.get_full_url()
    assert addresses[f"{news}section/employment/"] == "2019-01-02"
    assert addresses[f"{news}tags/{article.tags.get().slug}/"] == "2019-01-02"
    assert not any("پنهان" in address for address in addresses)


def test_short_link_answers_head_requests_from_link_checkers(client, article):
    assert client.head("/n/126727").status_code == 301
