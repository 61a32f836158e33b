import pytest

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from news.models import NewsCodeCounter, NewsIndexPage, NewsPage, allocate_news_code
from portal.models import HomePage
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


class TestNewsPageTree(WagtailPageTestCase):
    def test_news_index_lives_under_home_and_holds_only_articles(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertCanNotCreateAt(Page, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)


def test_site_has_a_single_news_index(news_index):
    assert NewsIndexPage.max_count == 1
    assert not NewsIndexPage.can_create_at(news_index.get_parent())


def test_each_new_article_gets_the_next_news_code(news_index):
    first = factories.article(news_index)
    second = factories.article(news_index)
    assert second.news_code == first.news_code + 1


def test_news_code_is_never_reused_after_an_article_is_deleted(news_index):
    first = factories.article(news_index)
    last = factories.article(news_index)
    last_code = last.news_code
    last.delete()
    assert factories.article(news_index).news_code == last_code + 1
    assert first.news_code < last_code


def test_new_codes_go_above_imported_codes(news_index):
    factories.article(news_index, news_code=126727)
    assert factories.article(news_index).news_code == 126728
    allocate_news_code(at_least=200000)
    assert factories.article(news_index).news_code == 200001
    assert NewsCodeCounter.objects.get().last_code == 200001


def test_a_revision_cannot_change_the_news_code(news_index):
    page = factories.article(news_index)
    code = page.news_code
    revision = page.save_revision()
    revision.content["news_code"] = code + 999
    revision.save()
    revision.publish()
    page.refresh_from_db()
    assert page.news_code == code


def test_a_copied_article_gets_its_own_code(news_index):
    page = factories.article(news_index)
    copy = page.copy(update_attrs={"slug": "رونوشت", "title": "رونوشت"})
    assert copy.news_code != page.news_code


def test_publication_date_defaults_to_first_publication(news_index):
    page = factories.article(news_index)
    assert page.published_at == page.first_published_at


def test_editor_can_set_an_earlier_publication_date(news_index):
    earlier = factories.days_ago(30)
    page = factories.article(news_index, published_at=earlier)
    assert page.published_at == earlier


def test_arabic_letters_in_title_lead_and_tags_are_stored_in_persian(news_index):
    page = factories.article(
        news_index,
        title="كمك به مددجويان",
        over_title="ويژه",
        lead="لید با ي و ك و نیم‌فاصله",
        tags=["كار", "کار"],
    )
    page.refresh_from_db()
    assert page.title == "کمک به مددجویان"
    assert page.over_title == "ویژه"
    assert page.lead == "لید با ی و ک و نیم‌فاصله"
    assert list(page.tags.names()) == ["کار"]


def test_main_image_needs_alt_text_unless_decorative(news_index):
    from django.core.exceptions import ValidationError

    page = NewsPage(title="خبر", slug="خبر", lead="لید", main_image=factories.image())
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth", "news_code"])
    assert "main_image_alt" in error.value.message_dict
    page.main_image_decorative = True
    page.full_clean(exclude=["path", "depth", "news_code"])


def test_numeric_and_reserved_slugs_are_refused(news_index):
    from django.core.exceptions import ValidationError

    for slug in ("12345", "tags", "archive"):
        page = NewsPage(title="خبر", slug=slug, lead="لید")
        with pytest.raises(ValidationError) as error:
            page.full_clean(exclude=["path", "depth", "news_code"])
        assert "slug" in error.value.message_dict
