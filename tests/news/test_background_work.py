"""With the database task backend, publishing and commenting only leave work for the worker:
the purge, the search index entry and the moderators' e-mail happen when `db_worker` runs."""

from urllib.parse import unquote

import pytest
from django_tasks_db.models import DBTaskResult

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command

from news.models import NewsPage
from tests.factories import comments as comment_factories
from tests.factories import news as factories

# The worker checks its connection as in production (outside any transaction), so these tests
# commit for real and the migrations' content is restored afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def task_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return DBTaskResult.objects


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def waiting_tasks(task_queue):
    return sorted(task_queue.filter(status="READY").values_list("task_path", flat=True))


def found_by_search(title):
    return [page.title for page in NewsPage.objects.live().search(title)]


def test_publishing_leaves_the_purge_and_index_update_to_the_worker(
    news_index, shared_cache, task_queue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article = factories.article(news_index, title="گشایش مرکز نگهداری سالمندان در شوش")

    assert shared_cache == []  # the editor's request sent nothing to the cache
    waiting = waiting_tasks(task_queue)
    assert "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task" in waiting
    assert "modelsearch.tasks.insert_or_update_object_task" in waiting
    assert found_by_search("سالمندان شوش") == []

    run_worker()

    assert {unquote(article.url), "/", "/news/", "/sitemap.xml"} <= set(shared_cache)
    assert waiting_tasks(task_queue) == []
    assert not task_queue.exclude(status="SUCCESSFUL").exists()
    assert found_by_search("سالمندان شوش") == [article.title]


def test_a_new_comment_is_mailed_to_moderators_by_the_worker(
    client, news_index, task_queue, django_user_model, django_capture_on_commit_callbacks
):
    article = factories.article(news_index, title="افتتاح مرکز مشاوره در اهواز")
    moderator = django_user_model.objects.create_user("naser", "naser@example.ir", "x")
    moderator.groups.add(Group.objects.get(name="ناظر نظرات"))
    data = comment_factories.filled_form(client, article, body="پرسشی دربارهٔ یارانه")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(comment_factories.post_url(article), data)

    assert response.status_code in (200, 302)
    assert mail.outbox == []
    assert "news.comments.notifications.email_moderators_about" in waiting_tasks(task_queue)

    run_worker()

    assert [message.to for message in mail.outbox] == [["naser@example.ir"]]
    assert "پرسشی دربارهٔ یارانه" in mail.outbox[0].body
