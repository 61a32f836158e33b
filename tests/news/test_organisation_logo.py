"""The organisation's logo in every page's header and in each article's structured data is made
when an editor saves the settings, never while a reader waits; until it exists, the emblem shows."""

import json
import re

import pytest

from wagtail.images import get_image_model

from portal.images import HEADER_LOGO, LOGO_SPECS, STRUCTURED_DATA_LOGO
from portal.models import OrganisationSettings
from tests.factories import news as factories

pytestmark = pytest.mark.django_db
Rendition = get_image_model().get_rendition_model()


@pytest.fixture
def logo():
    return factories.image("نشان اداره کل", 256, 256)


def set_logo(site, image):
    settings = OrganisationSettings.for_site(site)
    settings.logo = image
    settings.save()


def header_logo_src(html):
    brand = re.search(r'<a class="site-brand".*?</a>', html, re.S).group(0)
    return re.search(r'<img[^>]*src="([^"]+)"', brand).group(1)


def publisher_logo(html):
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(data)["publisher"].get("logo")


def test_editor_sets_a_logo_and_readers_see_it_without_any_page_making_it(
    client, site, news_index, logo
):
    article = factories.article(news_index)
    set_logo(site, logo)
    specs = set(logo.renditions.values_list("filter_spec", flat=True))
    assert {HEADER_LOGO, "height-120|format-png"} <= specs

    before = Rendition.objects.count()
    home = client.get("/").content.decode()
    article_html = client.get(article.url).content.decode()
    assert client.get("/news/rss/").status_code == 200
    assert Rendition.objects.count() == before

    header_logo = logo.renditions.get(filter_spec=HEADER_LOGO)
    assert header_logo_src(home) == header_logo.url
    assert header_logo_src(article_html) == header_logo.url
    made_for_search_engines = logo.renditions.get(filter_spec=STRUCTURED_DATA_LOGO)
    assert publisher_logo(article_html)["url"].endswith(made_for_search_engines.url)


def test_a_logo_without_its_sizes_shows_the_emblem_and_is_not_made_for_the_reader(
    client, site, news_index, logo
):
    article = factories.article(news_index)
    # A logo chosen without the settings' save running (a data import, a restore): no sizes yet.
    OrganisationSettings.for_site(site)
    OrganisationSettings.objects.filter(site=site).update(logo=logo)

    html = client.get(article.url).content.decode()
    assert header_logo_src(html).endswith("img/emblem.svg")
    assert publisher_logo(html) is None
    assert not logo.renditions.filter(filter_spec__in=LOGO_SPECS).exists()

    set_logo(site, logo)  # the editor saves the settings
    html = client.get(article.url).content.decode()
    assert header_logo_src(html) == logo.renditions.get(filter_spec=HEADER_LOGO).url
