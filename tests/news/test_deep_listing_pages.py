"""Any page of a listing costs the same however deep it is and however many articles there are.

Listings filter on the article row's own copy of `live` (`listed`) and find a page's ids in the
newest-first partial index before loading those rows; these stories check that the copy follows
every way an article goes live or stops being live, and that pages still hold the right articles.
"""

import pytest

from django.db import connection

from news.listing import IdsFirstPaginator
from news.models import NewsPage
from tests.factories import news as factories

pytestmark = pytest.mark.django_db

ONLY_ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the query plan is PostgreSQL's; run with DATABASE_URL=postgres://...",
)


@pytest.fixture
def rendered(settings):
    settings.PAGE_CACHE_SECONDS = 0


def titles_on(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return [article.title for article in response.context["articles"]]


def test_reader_paging_back_through_the_news_sees_every_article_once_newest_first(
    client, news_index, rendered
):
    articles = [
        factories.article(
            news_index,
            title=f"خبر روز {day}",
            published_at=factories.datetime_in_tehran(2024, 1, day, 9, 0),
        )
        for day in range(1, 27)
    ]
    newest_first = [article.title for article in reversed(articles)]

    pages = [titles_on(client, f"/news/?page={number}") for number in (1, 2, 3)]

    assert pages == [newest_first[:12], newest_first[12:24], newest_first[24:]]
    assert titles_on(client, "/news/?page=۹۹") == newest_first[24:]


def test_an_unpublished_article_leaves_the_listing_and_returns_when_published_again(
    client, news_index, rendered
):
    article = factories.article(news_index, title="خبر جابه‌جاشونده")
    assert "خبر جابه‌جاشونده" in titles_on(client, "/news/")

    article.unpublish()
    assert not NewsPage.objects.get(pk=article.pk).listed
    assert "خبر جابه‌جاشونده" not in titles_on(client, "/news/")

    article.get_latest_revision().publish()
    assert NewsPage.objects.get(pk=article.pk).listed
    assert "خبر جابه‌جاشونده" in titles_on(client, "/news/")


def test_a_draft_is_never_listed(client, news_index, rendered):
    draft = factories.article(news_index, publish=False, live=False, title="پیش‌نویس خبر")
    assert not NewsPage.objects.get(pk=draft.pk).listed
    assert "پیش‌نویس خبر" not in titles_on(client, "/news/")


def test_a_copied_article_is_listed_only_if_the_copy_is_kept_live(news_index):
    original = factories.article(news_index, title="خبر اصلی")

    draft_copy = original.copy(update_attrs={"slug": "رونوشت-پیش‌نویس"}, keep_live=False)
    live_copy = original.copy(update_attrs={"slug": "رونوشت-منتشر"}, keep_live=True)

    assert not NewsPage.objects.get(pk=draft_copy.pk).listed
    assert NewsPage.objects.get(pk=live_copy.pk).listed


def test_a_page_of_ids_is_read_from_the_article_table_alone(news_index):
    """No join with wagtailcore_page where the OFFSET is applied: that join made the database
    read every skipped article."""
    paginator = IdsFirstPaginator(news_index.articles(), 12)
    ids = paginator.object_list.values("pk")[24:36]
    sql = str(ids.query)
    assert "wagtailcore_page" not in sql
    assert '"news_newspage"."listed"' in sql


@ONLY_ON_POSTGRESQL
def test_a_deep_page_skips_index_entries_instead_of_sorting_every_article(news_index):
    for day in range(1, 31):
        factories.article(news_index, published_at=factories.datetime_in_tehran(2024, 3, day, 9, 0))
    page = IdsFirstPaginator(news_index.articles(), 12).page(2)
    sql, params = page.object_list.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE news_newspage")
        # A table of thirty rows is read whole, or sorted, whatever the indexes; at 20,000 the
        # planner chooses the index by itself (README, "Speed"). Here the cheaper ways are priced
        # out, so the plan shows whether the partial index can give the page's order at all.
        for cheaper_at_thirty_rows in ("enable_seqscan", "enable_sort", "enable_incremental_sort"):
            cursor.execute(f"SET LOCAL {cheaper_at_thirty_rows} = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    ids_part = plan[plan.index("Limit") :]
    assert "Index Only Scan using news_listed_newest_first" in ids_part
    assert "Sort" not in ids_part.split("Index Only Scan")[0]
