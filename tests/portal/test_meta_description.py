"""Every page tells search engines and link previews what it is about: one meta description."""

import io
import re

import pytest
from persiantools.jdatetime import JalaliDate

from eservices import demo_content as eservices_demo
from news import demo_content as news_demo
from news.models import NewsPage
from portal import demo_content as portal_demo

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


@pytest.fixture
def demo_portal(db):
    for module in (portal_demo, news_demo, eservices_demo):
        module.load(io.StringIO())
    return NewsPage.objects.live().order_by("-published_at").first()


def pages(article):
    today = JalaliDate.today()
    return {
        "home": "/",
        "about": "/about/",
        "contact": "/contact/",
        "news index": "/news/",
        "article": article.url,
        "section": f"/news/section/{article.section.slug}/",
        "tag": f"/news/tags/{article.tags.first().slug}/",
        "archive": f"/news/archive/{today.year}/{today.month:02d}/",
        "search": "/search/?q=توانبخشی",
        "e-services": "/services/",
        "centres": "/centres/",
        "not found": "/هیچ-جا/",
    }


def test_every_page_has_one_meta_description_of_its_own(client, demo_portal):
    seen = {}
    for name, path in pages(demo_portal).items():
        html = client.get(path).content.decode()
        descriptions = DESCRIPTION.findall(html)
        assert len(descriptions) == 1, f"{name}: {len(descriptions)} meta descriptions"
        assert len(descriptions[0].strip()) >= 20, f"{name}: {descriptions[0]!r}"
        seen[name] = descriptions[0]
    assert seen["article"].startswith(demo_portal.lead[:40])
    assert seen["about"] != seen["home"]


def test_error_pages_describe_themselves_too(rf):
    from django.views.defaults import bad_request, server_error

    for view in (server_error, lambda request: bad_request(request, Exception())):
        html = view(rf.get("/")).content.decode()
        assert len(DESCRIPTION.findall(html)) == 1
