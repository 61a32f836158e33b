"""Parts many pages share are cached under the content generation (news/fragments.py): the
organisation's name and contact details, the help lines, sections, listing counts, the news index
and the most-read list. Each story renders a page (the whole-page cache off, as for an editor or
the first reader after an edit), changes what the part shows, and sees the change at once."""

import pytest

from news.models import NewsDailyViews
from portal.models import OrganisationSettings
from tests.factories import eservices as eservice_factories
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered(settings):
    settings.PAGE_CACHE_SECONDS = 0


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_renamed_organisation_shows_at_once_in_the_title_header_and_footer(
    client, site, news_index
):
    article = factories.article(news_index, title="خبر نمونه")
    organisation = OrganisationSettings.for_site(site)
    organisation.name, organisation.short_name = "بهزیستی قدیم", "قدیم"
    organisation.save()
    assert "بهزیستی قدیم" in html_of(client, article.url)

    organisation.name, organisation.short_name = "ادارهٔ کل بهزیستی استان خوزستان", "بهزیستی خوزستان"
    organisation.address = "اهواز، کیانپارس"
    organisation.save()

    html = html_of(client, article.url)
    assert "<title>خبر نمونه | بهزیستی خوزستان</title>" in html
    assert '<span class="site-brand__name">ادارهٔ کل بهزیستی استان خوزستان</span>' in html
    assert '<h2 id="footer-about-heading">ادارهٔ کل بهزیستی استان خوزستان</h2>' in html
    assert "اهواز، کیانپارس" in html
    assert "بهزیستی قدیم" not in html and "قدیم<" not in html


def test_the_organisations_about_text_describes_a_page_without_its_own_and_follows_edits(
    client, site, home_page
):
    organisation = OrganisationSettings.for_site(site)
    organisation.about = "معرفی نخست بهزیستی"
    organisation.save()
    assert 'content="معرفی نخست بهزیستی"' in html_of(client, "/")

    organisation.about = "معرفی تازهٔ بهزیستی خوزستان"
    organisation.save()
    assert 'content="معرفی تازهٔ بهزیستی خوزستان"' in html_of(client, "/")


def test_a_changed_help_line_shows_at_once_in_the_footer(client, news_index):
    line = eservice_factories.hotline(number="1480", title="صدای مشاور")
    assert "صدای مشاور" in html_of(client, "/news/")

    line.title = "مشاورهٔ تلفنی بهزیستی"
    line.save()

    html = html_of(client, "/news/")
    assert "مشاورهٔ تلفنی بهزیستی" in html
    assert "صدای مشاور" not in html


def test_a_new_section_appears_at_once_on_every_listing(client, news_index):
    factories.section("اشتغال", "employment")
    factories.article(news_index)
    assert "توانبخشی" not in html_of(client, "/news/")

    factories.section("توانبخشی", "rehabilitation")

    assert "توانبخشی" in html_of(client, "/news/")
    assert "توانبخشی" in html_of(client, "/news/section/employment/")


def test_publishing_the_thirteenth_article_adds_a_second_page_at_once(client, news_index):
    for _ in range(12):
        factories.article(news_index)
    assert "?page=2" not in html_of(client, "/news/")

    factories.article(news_index)

    assert "?page=2" in html_of(client, "/news/")
    assert html_of(client, "/news/?page=2").count('class="news-card') >= 1


def test_an_article_moved_to_another_section_is_counted_there_at_once(client, news_index):
    employment = factories.section("اشتغال", "employment")
    rehabilitation = factories.section("توانبخشی", "rehabilitation")
    for _ in range(12):
        factories.article(news_index, section=employment)
    mover = factories.article(news_index, section=rehabilitation, title="خبر جابه‌جاشونده")
    assert "?page=2" not in html_of(client, "/news/section/employment/")

    mover.section = employment
    mover.save_revision().publish()

    assert "?page=2" in html_of(client, "/news/section/employment/")
    assert "خبر جابه‌جاشونده" not in html_of(client, "/news/section/rehabilitation/")


def test_an_unpublished_article_leaves_the_most_read_list_at_once(client, news_index):
    popular = factories.article(
        news_index, title="خبر پربازدید", published_at=factories.days_ago(1)
    )
    NewsDailyViews.objects.create(page=popular, day=factories.days_ago(0).date(), count=50)
    assert "خبر پربازدید" in html_of(client, "/")

    popular.unpublish()

    assert "خبر پربازدید" not in html_of(client, "/")


def test_a_renamed_article_is_renamed_in_the_most_read_list_at_once(client, news_index):
    popular = factories.article(news_index, title="عنوان نخست", published_at=factories.days_ago(1))
    NewsDailyViews.objects.create(page=popular, day=factories.days_ago(0).date(), count=50)
    assert "عنوان نخست" in html_of(client, "/")

    popular.title = "عنوان اصلاح‌شده"
    popular.save_revision().publish()

    html = html_of(client, "/")
    assert "عنوان اصلاح‌شده" in html
    assert "عنوان نخست" not in html


def test_a_renamed_article_is_found_only_at_its_new_address(client, news_index):
    article = factories.article(news_index, slug="نامک-نخست", title="خبر با نامک تازه")
    assert "خبر با نامک تازه" in html_of(client, "/news/نامک-نخست/")

    article.slug = "نامک-دوم"
    article.save_revision().publish()

    assert "خبر با نامک تازه" in html_of(client, "/news/نامک-دوم/")
    assert client.get("/news/نامک-نخست/").status_code in (301, 302, 404)


def test_a_deleted_or_unpublished_article_is_gone_from_its_address_at_once(client, news_index):
    withdrawn = factories.article(news_index, slug="پس-گرفته")
    deleted = factories.article(news_index, slug="پاک-شده")
    for path in ("/news/پس-گرفته/", "/news/پاک-شده/"):
        assert client.get(path).status_code == 200

    withdrawn.unpublish()
    deleted.delete()

    for path in ("/news/پس-گرفته/", "/news/پاک-شده/"):
        assert client.get(path).status_code == 404
