import json
import re

import pytest

from wagtail.models import Site

from news.models.article import WORDS_PER_MINUTE
from portal.models import OrganisationSettings
from tests.factories import news as factories


def public_address():
    """The default Site's address: every absolute URL is built on it (portal/site_address.py)."""
    return Site.objects.get(is_default_site=True).root_url


pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_index):
    section = factories.section("توانبخشی", "rehabilitation")
    words = " ".join(["واژه"] * (WORDS_PER_MINUTE * 3))
    return factories.article(
        news_index,
        title="مرکز توانبخشی دزفول افتتاح شد",
        over_title="با حضور مسئولان استان",
        lead="مرکز توانبخشی روزانهٔ دزفول با ظرفیت ۶۰ کودک گشایش یافت.",
        body=[("paragraph", f"<p>{words}</p>")],
        section=section,
        tags=["توانبخشی", "دزفول"],
        slug="مرکز-توانبخشی-دزفول",
        news_code=126727,
        published_at=factories.datetime_in_tehran(2019, 1, 2, 14, 30),
        main_image=factories.image("کودکان در مرکز"),
        main_image_alt="کودکان در اتاق بازی مرکز",
    )


def test_reader_sees_headline_facts_jalali_date_and_news_code(client, article):
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "با حضور مسئولان استان" in html
    assert '<h1 class="news-article__title">مرکز توانبخشی دزفول افتتاح شد</h1>' in html
    assert "مرکز توانبخشی روزانهٔ دزفول" in html
    assert "چهارشنبه ۱۲ دی ۱۳۹۷ - ۱۴:۳۰" in html
    assert "۱۲۶۷۲۷" in html
    assert "توانبخشی</a>" in html


def test_reading_time_counts_persian_words_at_the_chosen_pace(client, article):
    html = client.get(article.url).content.decode()
    assert "<dt>زمان مطالعه</dt><dd>۳ دقیقه</dd>" in html


def test_unicode_slug_serves_the_article(client, article):
    assert "%D9%85" in article.url  # a Persian slug, percent-encoded in the address
    assert client.get(article.url).status_code == 200


def test_tags_link_to_their_tag_pages(client, article, news_index):
    html = client.get(article.url).content.decode()
    for tag in article.tags.all():
        assert f'href="{news_index.tag_url(tag)}"' in html
        assert client.get(news_index.tag_url(tag)).status_code == 200


def test_main_image_is_a_responsive_picture_with_modern_formats(client, article):
    html = client.get(article.url).content.decode()
    picture = re.search(r'<figure class="news-article__image">(.*?)</figure>', html, re.S).group(1)
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert 'alt="کودکان در اتاق بازی مرکز"' in picture
    assert "srcset=" in picture


def test_decorative_main_image_has_empty_alt(client, news_index):
    page = factories.article(news_index, main_image=factories.image(), main_image_decorative=True)
    html = client.get(page.url).content.decode()
    picture = re.search(r'<figure class="news-article__image">(.*?)</figure>', html, re.S).group(1)
    assert 'alt=""' in picture


def test_share_links_have_persian_accessible_names(client, article):
    html = client.get(article.url).content.decode()
    share = re.search(r'<section class="share-links".*?</section>', html, re.S).group(0)
    for network in ("تلگرام", "واتس‌اپ", "ایکس", "رایانامه"):
        assert f'<span class="visually-hidden">هم‌رسانی در </span>{network}</a>' in share
    assert "https://t.me/share/url?" in share and "mailto:?subject=" in share
    assert "رونوشت نشانی کوتاه" in share


def test_print_version_keeps_code_date_and_short_link(client, article):
    html = client.get(article.url).content.decode()
    assert 'class="print-only short-link"' in html
    assert f"{public_address()}/n/126727" in html
    with open("static/css/print.css", encoding="utf-8") as css:
        print_css = css.read()
    assert ".print-only { display: block !important; }" in print_css
    assert ".news-facts" in print_css and ".short-link" in print_css


def test_search_engines_get_canonical_description_open_graph_and_twitter(client, article):
    html = client.get(article.url).content.decode()
    canonical = article.get_full_url()
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta name="description" content="مرکز توانبخشی روزانهٔ دزفول' in html
    assert '<meta property="og:title" content="مرکز توانبخشی دزفول افتتاح شد">' in html
    assert f'<meta property="og:image" content="{public_address()}/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert 'rel="alternate" type="application/rss+xml"' in html


def test_structured_data_describes_a_news_article_by_the_organisation(client, article, site):
    organisation = OrganisationSettings.for_site(site)
    organisation.name = "ادارهٔ کل بهزیستی استان خوزستان"
    organisation.save()
    html = client.get(article.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "مرکز توانبخشی دزفول افتتاح شد"
    assert data["datePublished"] == "2019-01-02T14:30:00+03:30"
    assert data["dateModified"].startswith("20")
    assert data["publisher"]["name"] == "ادارهٔ کل بهزیستی استان خوزستان"
    assert data["image"][0].startswith(public_address() + "/")


def test_structured_data_cannot_be_broken_out_of_by_a_title(client, news_index):
    page = factories.article(news_index, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_related_news_shows_pinned_first_then_newest_sharing_a_tag(client, news_index):
    older = factories.article(
        news_index, title="خبر قدیمی‌تر", tags=["اشتغال"], published_at=factories.days_ago(5)
    )
    newer = factories.article(
        news_index, title="خبر تازه‌تر", tags=["اشتغال"], published_at=factories.days_ago(1)
    )
    unrelated = factories.article(news_index, title="خبر بی‌ربط", tags=["سالمندان"])
    pinned = factories.article(news_index, title="خبر سنجاق‌شده", tags=["سالمندان"])
    page = factories.article(news_index, tags=["اشتغال"], pinned=[pinned])
    html = client.get(page.url).content.decode()
    related = re.search(r'<section class="related-news".*?</section>', html, re.S).group(0)
    titles = re.findall(r'">([^<]+)</a>', related)
    assert titles == [pinned.title, newer.title, older.title]
    assert unrelated.title not in related


def test_article_includes_comments_and_sidebar_placeholders(article):
    with open("templates/news/news_page.html", encoding="utf-8") as template:
        source = template.read()
    assert '{% include "news/includes/comments_section.html" %}' in source
    assert '{% include "eservices/includes/sidebar.html" %}' in source


def test_article_html_is_the_same_for_every_visitor_and_has_no_csrf_token(client, article):
    from django.test import Client

    first = client.get(article.url).content.decode()
    second = Client(HTTP_HOST="testserver", REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="another").get(
        article.url
    )
    assert first == second.content.decode()
    assert "csrfmiddlewaretoken" not in first
    assert not second.cookies  # nothing per visitor that a cache would have to keep apart
    assert 'data-view-url="/news/126727/view/"' in first


def test_unpublished_article_is_not_public(client, news_index):
    draft = factories.article(news_index, publish=False)
    draft.unpublish()
    assert client.get(f"/news/{draft.news_code}/").status_code == 404
