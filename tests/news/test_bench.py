import io

import pytest

from django.core.management import CommandError, call_command

from news.bench.pages import MODES, bench_paths, create_articles, measure
from news.models import NewsPage
from tests.factories import news as factories

pytestmark = pytest.mark.django_db


def test_bench_refuses_a_database_not_named_for_benchmarks(news_index):
    with pytest.raises(CommandError, match="bench"):
        call_command("bench_news", "--articles", "5")


def test_bulk_articles_are_real_articles_readers_can_open(client, news_index):
    factories.article(news_index, title="خبر پیش از سنجش")
    added = create_articles(40, io.StringIO(), image_count=2)
    assert added == 39
    assert NewsPage.objects.published().count() == 40
    news_index.refresh_from_db()
    assert news_index.get_children().count() == 40
    newest = NewsPage.objects.published().newest_first().first()
    assert client.get(newest.url).status_code == 200
    assert (
        factories.article(news_index).news_code
        == NewsPage.objects.order_by("-news_code")[1].news_code + 1
    )
    paths = bench_paths()
    for mode, how in MODES.items():
        results = measure(paths, repeat=2, **how)
        assert [row["status"] for row in results] == [200] * len(results), mode
        # Nothing hides: only the second anonymous reader is answered from the page cache, and
        # a search (a query string) is always rendered.
        if mode == "page cached":
            assert all((row["queries"] == 0) == (row["label"] != "search") for row in results)
        elif mode == "page cache off":
            # Rendered, from the address and fragment caches: within the query targets.
            for (_label, _path, (_ms, most_queries)), row in zip(paths, results, strict=True):
                assert most_queries is None or row["queries"] <= most_queries, row
        else:
            assert all(row["queries"] > 0 for row in results), mode
