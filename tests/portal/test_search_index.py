"""The search index: one folding function, rebuilt by update_index, the same for every engine."""

import json

import pytest

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F

from wagtail.search.backends import get_search_backend

from news.models import NewsPage
from portal.search.backends import MAX_QUERY_LENGTH, fold_query
from portal.search.highlight import match_pattern
from portal.text import fold_for_search
from tests.factories import news as factories
from tests.portal.search_helpers import article_with, found_titles


@pytest.fixture
def news_index(home_page):
    return factories.news_index(home_page)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("می‌رود", "میرود"),
        ("مي رود", "میرود"),
        ("نمی رود", "نمیرود"),
        ("كتاب ها", "کتابها"),
        ("بزرگ‌ ترین", "بزرگترین"),
        ("«سلام»، دنیا!", "سلام دنیا"),
        ('"AND" (OR) -NOT* x', "and or not x"),
        ("١٢٣ ۴۵۶ 789", "123 456 789"),
        ("ﻻﻟﻪ", "لاله"),
        ("\x00\u202eمتن", "متن"),
    ],
)
def test_folding_gives_one_spelling_of_words_without_punctuation(written, folded):
    assert fold_for_search(written) == folded
    assert fold_for_search(folded) == folded  # folding twice changes nothing


def test_queries_are_cut_to_a_sane_length():
    assert len(fold_query("ک" * 10_000)) == MAX_QUERY_LENGTH


def test_highlight_pattern_accepts_every_spelling_the_search_accepts():
    pattern = match_pattern("میرود کتابها ۱۴۰۳")

    for spelling in ["مي‌رود", "می رود", "ميرود", "كتاب‌ها", "کتاب ها", "1403", "١٤٠٣"]:
        assert pattern.search(f"او {spelling} است"), spelling
    assert not pattern.search("میروند")  # whole words only


def test_update_index_rebuilds_the_index_from_scratch(news_index):
    article = article_with(news_index, title="بازگشایی مهدکودک")
    get_search_backend().reset_indexes()
    assert found_titles("مهدکودک") == []

    call_command("update_index", verbosity=0)

    assert found_titles("مهدکودک") == [article.title]


def test_deleting_an_article_removes_it_from_results(news_index):
    article = article_with(news_index, title="کارگاه آموزشی")
    article.delete()

    assert found_titles("کارگاه") == []


def test_search_engine_documents_are_folded_like_the_database_index(news_index):
    from modelsearch.backends.elasticsearchbase import ElasticsearchBaseMapping

    from portal.search.backends.elasticsearch import FoldingMappingMixin

    article = article_with(
        news_index, title="كودكان مي‌روند", tags=["توان‌بخشی"], section=factories.section()
    )
    mapping = type("Mapping", (FoldingMappingMixin, ElasticsearchBaseMapping), {})(NewsPage)

    document = json.dumps(mapping.get_document(article), ensure_ascii=False, default=str)

    assert "کودکان میروند" in document
    assert "توانبخشی" in document
    assert "كودكان" not in document
    assert f'"{article.section_id}"' in document or f": {article.section_id}" in document


def test_scores_put_a_title_match_above_a_body_mention(news_index):
    mention = article_with(
        news_index,
        title="گزارش هفته",
        body_text="نشست هفتگی مدیران برگزار شد. " * 20 + "از سمعک هم یاد شد.",
    )
    focused = article_with(news_index, title="توزیع سمعک میان ناشنوایان")

    scored = list(NewsPage.objects.live().search("سمعک").annotate_score("score"))

    assert [page.pk for page in scored] == [focused.pk, mention.pk]
    # Each engine has its own scale (SQLite's bm25 is negative): only their presence is common.
    assert all(isinstance(page.score, float) for page in scored)


def test_any_word_search_finds_articles_with_either_word(news_index):
    article_with(news_index, title="اشتغال مددجویان")
    article_with(news_index, title="نشست خیرین")
    article_with(news_index, title="جشنوارهٔ فیلم")

    found = NewsPage.objects.live().search("اشتغال خیرین", operator="or")

    assert sorted(page.title for page in found) == ["اشتغال مددجویان", "نشست خیرین"]
    assert found.count() == 2


def test_results_can_follow_the_querysets_own_order(news_index):
    older = article_with(news_index, title="سمعک برای سالمندان", published_at=factories.days_ago(9))
    newer = article_with(news_index, title="سمعک رایگان", published_at=factories.days_ago(2))
    articles = NewsPage.objects.live()

    oldest_first = articles.order_by(F("published_at").asc(nulls_last=True))
    newest_first = articles.order_by("-published_at")

    for ordered, expected in (
        (oldest_first, [older.pk, newer.pk]),
        (newest_first, [newer.pk, older.pk]),
    ):
        found = ordered.search("سمعک", order_by_relevance=False)
        assert [page.pk for page in found] == expected


def test_a_slice_of_results_counts_and_lists_its_own_rows(news_index):
    for number in range(5):
        article_with(news_index, title=f"ویلچر شمارهٔ {number}")
    results = NewsPage.objects.live().search("ویلچر")

    assert results.count() == 5
    assert results[1:4].count() == 3
    assert [page.pk for page in results[1:4]] == [page.pk for page in list(results)[1:4]]


def test_searching_within_nothing_finds_nothing(news_index):
    article_with(news_index, title="توزیع سمعک")

    for nothing in (NewsPage.objects.none(), NewsPage.objects.filter(pk__in=[])):
        found = nothing.search("سمعک")
        assert (found.count(), list(found)) == (0, [])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL planner settings")
def test_a_search_leaves_the_planner_settings_of_the_transaction_as_they_were(news_index):
    article_with(news_index, title="توزیع سمعک")
    settings = "SELECT current_setting('enable_seqscan'), current_setting('jit')"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(settings)
        before = cursor.fetchone()

        assert [page.title for page in NewsPage.objects.live().search("سمعک")] == ["توزیع سمعک"]

        cursor.execute(settings)
        assert cursor.fetchone() == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL planner settings")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_search_in_a_transaction_of_its_own_leaves_the_connections_settings_as_they_were(
    news_index,
):
    article_with(news_index, title="توزیع سمعک")
    settings = "SELECT current_setting('enable_seqscan'), current_setting('jit')"
    with connection.cursor() as cursor:
        cursor.execute(settings)
        before = cursor.fetchone()
        assert not connection.in_atomic_block

        assert [page.title for page in NewsPage.objects.live().search("سمعک")] == ["توزیع سمعک"]

        cursor.execute(settings)
        assert cursor.fetchone() == before
