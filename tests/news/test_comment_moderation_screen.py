"""A moderator opens one comment and sees everything needed to decide, then decides from there."""

import datetime
import re
import zoneinfo

import pytest

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import Comment
from tests.factories import comments as factories
from tests.factories import news as news_factories

pytestmark = pytest.mark.django_db

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")


@pytest.fixture
def article(news_index):
    return news_factories.article(news_index, title="خبر نظرخواهی")


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("moderator", "mod@example.ir", "pw")
    user.groups.add(Group.objects.get(name="ناظر نظرات"))
    return user


def inspect_url(comment):
    return reverse("wagtailsnippets_news_comment:inspect", args=[comment.pk])


def visible_text(html):
    main = html[html.index("<main") :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_moderator_sees_the_comment_its_article_parent_and_jalali_times(client, moderator, article):
    parent = factories.comment(article, body="نظر نخست", status=Comment.Status.APPROVED)
    reply = factories.comment(
        article, parent=parent, body="پاسخی\nدر دو سطر", name="مریم", status=Comment.Status.PENDING
    )
    Comment.objects.filter(pk=reply.pk).update(
        created_at=datetime.datetime(2026, 12, 1, 14, 30, tzinfo=TEHRAN), priority=True
    )
    client.force_login(moderator)

    html = client.get(inspect_url(reply)).content.decode()
    text = visible_text(html)

    assert "پاسخی<br>در دو سطر" in html
    assert "مریم" in text
    assert f'href="{article.url}"' in html and "خبر نظرخواهی" in text
    assert f'href="{inspect_url(parent)}"' in html
    assert "سه‌شنبه ۱۰ آذر ۱۴۰۵، ساعت ۱۴:۳۰" in text
    reply.refresh_from_db()
    assert reply.tracking_code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) in text
    assert "در انتظار بررسی" in text
    assert "عبارت‌های بحران" in text
    assert "هنوز بررسی نشده است" in text
    for raw in ("None", "False", "True", "UTC"):
        assert not re.search(rf"\b{raw}\b", text), raw


def test_moderator_approves_from_the_moderation_screen(client, moderator, article):
    comment = factories.comment(article, body="نظری برای انتشار", status=Comment.Status.PENDING)
    client.force_login(moderator)
    html = client.get(inspect_url(comment)).content.decode()
    approve = reverse("wagtail_bulk_action", args=["news", "comment", "approve"])
    assert f'action="{approve}?id={comment.pk}"' in html
    assert ">رد</button>" in html and ">هرزنامه</button>" in html

    response = client.post(f"{approve}?id={comment.pk}", {"next": inspect_url(comment)})

    assert response.status_code == 302 and response["Location"] == inspect_url(comment)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_by == moderator
    # The action just taken is no longer offered.
    assert ">انتشار</button>" not in client.get(inspect_url(comment)).content.decode()


def test_someone_who_may_not_moderate_cannot_see_or_act_from_the_screen(
    client, django_user_model, article
):
    comment = factories.comment(article, body="نظر محرمانه", status=Comment.Status.PENDING)
    editor = django_user_model.objects.create_user("editor", "e@example.ir", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert "نظر محرمانه" not in client.get(inspect_url(comment)).content.decode()
    approve = reverse("wagtail_bulk_action", args=["news", "comment", "approve"])
    client.post(f"{approve}?id={comment.pk}", {"next": inspect_url(comment)})
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_the_edit_form_shows_what_the_status_is_about(client, moderator, article):
    parent = factories.comment(article, body="نظر نخست", status=Comment.Status.APPROVED)
    reply = factories.comment(article, parent=parent, body="متن پاسخ خواننده")
    client.force_login(moderator)
    html = client.get(
        reverse("wagtailsnippets_news_comment:edit", args=[reply.pk])
    ).content.decode()
    assert "متن پاسخ خواننده" in html
    assert "خبر نظرخواهی" in html
    assert "نظر نخست" in html
    assert 'name="body"' not in html
    assert 'name="status"' in html


def test_the_moderation_screen_costs_the_same_queries_for_any_comment(client, moderator, article):
    parent = factories.comment(article, body="نظر نخست", status=Comment.Status.APPROVED)
    reply = factories.comment(article, parent=parent, body="پاسخ", status=Comment.Status.PENDING)
    client.force_login(moderator)
    client.get(inspect_url(parent))  # warm the per-session caches

    with CaptureQueriesContext(connection) as plain:
        client.get(inspect_url(parent))
    with CaptureQueriesContext(connection) as with_parent:
        client.get(inspect_url(reply))
    assert len(with_parent) == len(plain)
