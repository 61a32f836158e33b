"""An article's page is served from cached fragments, and no edit a reader could see is ever
hidden behind them: each test warms the cache, changes one thing, and reads the page again.
Each test runs twice: with whole pages cached for anonymous readers (news/page_cache.py), and
with that cache off, so the fragments alone are proved too."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from taggit.models import Tag

from news.models import Comment
from portal.models import OrganisationSettings
from tests.factories import comments as comment_factories
from tests.factories import eservices as eservice_factories
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["whole page cached", "fragments only"])
def page_cache(request, settings):
    if request.param == "fragments only":
        settings.PAGE_CACHE_SECONDS = 0
    return request.param


def warm(client, article):
    """Two visits: the first fills the fragments, the second must read them."""
    client.get(article.url)
    return client.get(article.url).content.decode()


def test_a_second_visit_reads_the_article_from_cached_fragments(client, article):
    with CaptureQueriesContext(connection) as first:
        cold = client.get(article.url).content.decode()
    with CaptureQueriesContext(connection) as second:
        warm_html = client.get(article.url).content.decode()
    assert warm_html == cold
    assert len(second.captured_queries) < len(first.captured_queries)


def test_reader_sees_an_edited_title_at_once(client, article):
    assert "افتتاح مرکز توانبخشی در دزفول" in warm(client, article)
    article.title = "افتتاح دومین مرکز توانبخشی در دزفول"
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert "افتتاح دومین مرکز توانبخشی در دزفول" in html
    assert '"headline": "افتتاح دومین مرکز توانبخشی در دزفول"' in html


def test_reader_sees_a_comment_as_soon_as_a_moderator_approves_it(client, article):
    comment = comment_factories.comment(
        article, status=Comment.Status.PENDING, body="ممنون از اطلاع‌رسانی خوبتان"
    )
    assert "ممنون از اطلاع‌رسانی خوبتان" not in warm(client, article)
    comment.status = Comment.Status.APPROVED
    comment.save()
    assert "ممنون از اطلاع‌رسانی خوبتان" in client.get(article.url).content.decode()


def sidebar_of(html):
    return html.split('<aside class="sidebar"', 1)[1].split("</aside>", 1)[0]


def test_reader_sees_a_new_help_line_in_the_article_sidebar_at_once(client, article):
    eservice_factories.hotline(number="123", title="اورژانس اجتماعی")
    assert "خط ویژهٔ سالمندان" not in sidebar_of(warm(client, article))
    eservice_factories.hotline(number="1570", title="خط ویژهٔ سالمندان")
    assert "خط ویژهٔ سالمندان" in sidebar_of(client.get(article.url).content.decode())


def test_reader_sees_a_renamed_e_service_in_the_article_sidebar_at_once(client, article):
    service = eservice_factories.eservice(title="ثبت‌نام مستمری")
    assert "ثبت‌نام مستمری" in warm(client, article)
    service.title = "ثبت‌نام مستمری مددجویان"
    service.save()
    assert "ثبت‌نام مستمری مددجویان" in client.get(article.url).content.decode()


def test_reader_sees_the_new_organisation_name_in_the_article_metadata_at_once(
    client, article, site
):
    assert "بهزیستی خوزستان" in warm(client, article)
    settings = OrganisationSettings.for_site(site)
    settings.short_name = "بهزیستی استان خوزستان"
    settings.name = "ادارهٔ کل بهزیستی استان خوزستان (نام تازه)"
    settings.save()
    html = client.get(article.url).content.decode()
    assert '<meta property="og:site_name" content="بهزیستی استان خوزستان">' in html
    assert '"name": "ادارهٔ کل بهزیستی استان خوزستان (نام تازه)"' in html


def test_reader_sees_a_renamed_section_and_tag_on_the_article_at_once(client, article):
    html = warm(client, article)
    assert "توانبخشی" in html and "دزفول" in html
    section = article.section
    section.name = "توانبخشی و سلامت"
    section.save()
    tag = Tag.objects.get(name="دزفول")
    tag.name = "شهرستان دزفول"
    tag.save()
    html = client.get(article.url).content.decode()
    assert "توانبخشی و سلامت" in html
    assert 'rel="tag">شهرستان دزفول</a>' in html


def test_related_news_lists_a_newly_published_article_sharing_a_tag_at_once(
    client, news_index, article
):
    warm(client, article)
    factories.article(news_index, title="گزارش تازه از دزفول", tags=["دزفول"])
    assert "گزارش تازه از دزفول" in client.get(article.url).content.decode()


def test_an_unpublished_related_article_leaves_the_list_at_once(client, news_index, article):
    other = factories.article(news_index, title="خبری که برداشته می‌شود", tags=["دزفول"])
    assert "خبری که برداشته می‌شود" in warm(client, article)
    other.unpublish()
    assert "خبری که برداشته می‌شود" not in client.get(article.url).content.decode()
