import threading

import pytest

from django.db import connection, connections

from news.models import NewsCodeCounter, allocate_news_code

pytestmark = [
    pytest.mark.postgres,
    # Serialized rollback: the next live-server test expects the migrations' content restored,
    # and a plain flush would recreate content types behind its back.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="real parallel allocation needs PostgreSQL (SQLite runs one writer at a time); "
        "run with DATABASE_URL=postgres://...",
    ),
]


def test_parallel_editors_never_get_the_same_news_code():
    codes, errors = [], []
    start = threading.Barrier(8)

    def allocate():
        try:
            start.wait()
            for _ in range(5):
                codes.append(allocate_news_code())
        except Exception as error:  # any failure is reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=allocate) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(codes) == list(range(1, 41))
    assert NewsCodeCounter.objects.get().last_code == 40
