"""When Redis or the database is unreachable for a moment, readers get a Persian 503 that asks
them to try again (never a bare 500), and the shared cache's probe reports the server sick."""

import pytest

from django.test import Client

from tests.factories import comments as comment_factories
from tests.factories import news as factories

pytestmark = pytest.mark.django_db

NOTHING_LISTENS = "redis://127.0.0.1:9/0"  # the discard port: connection refused


def stop_reaching_redis(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": NOTHING_LISTENS,
        },
    }


def test_a_comment_sent_while_redis_is_down_is_refused_in_persian_and_not_saved(
    home_page, settings
):
    article = factories.article(factories.news_index(home_page))
    reader = Client(HTTP_HOST="testserver", raise_request_exception=False)
    data = comment_factories.filled_form(reader, article, body="نظری در میانهٔ قطعی")
    stop_reaching_redis(settings)

    response = reader.post(comment_factories.post_url(article), data)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'lang="fa"' in html
    assert "ذخیره نشد" in html
    assert not article.comments.exists()


def test_the_probe_reports_a_server_without_redis_as_sick(settings):
    stop_reaching_redis(settings)

    response = Client(HTTP_HOST="testserver").get("/healthz")

    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]
