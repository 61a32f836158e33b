"""Moderators approve, reject and mark spam in the Wagtail admin; nobody else can, by any route.

Wagtail answers a refused admin request with a redirect to the dashboard (302) and a message.
"""

import json
import re
from urllib.parse import unquote, urlsplit

import pytest

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from news.models import Comment
from portal.jalali import format_jalali
from portal.text import latin_digits, persian_digits
from tests.factories import comments as factories
from tests.factories import news as news_factories

LIST_URL = "wagtailsnippets_news_comment:list"


@pytest.fixture
def article(news_index):
    return news_factories.article(news_index, title="خبر نظرخواهی")


@pytest.fixture
def moderator(django_user_model, db):
    user = django_user_model.objects.create_user("moderator", "mod@example.ir", "pw")
    user.groups.add(Group.objects.get(name="ناظر نظرات"))
    return user


@pytest.fixture
def editor(django_user_model, db):
    """Can enter the admin, may not moderate comments."""
    user = django_user_model.objects.create_user("editor", "editor@example.ir", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def bulk_url(action, *comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return reverse("wagtail_bulk_action", args=["news", "comment", action]) + f"?{ids}"


def sidebar_labels(html):
    script = r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>'
    props = re.search(script, html, re.S)
    return json.dumps(json.loads(props.group(1)), ensure_ascii=False)


def test_moderators_group_may_moderate_and_enter_the_admin(moderator):
    assert moderator.has_perm("news.moderate_comment")
    assert moderator.has_perm("wagtailadmin.access_admin")
    assert moderator.has_perm("news.change_crisisphrase")


def test_menu_shows_comments_with_the_pending_count(client, moderator, article):
    factories.comment(article, status=Comment.Status.PENDING)
    factories.comment(article, status=Comment.Status.PENDING)
    factories.comment(article, status=Comment.Status.APPROVED)
    client.force_login(moderator)

    labels = sidebar_labels(client.get("/admin/").content.decode())

    assert f"نظرها ({persian_digits(2)} در انتظار)" in labels


def test_menu_has_no_comments_item_for_someone_who_may_not_moderate(client, editor):
    client.force_login(editor)
    assert "نظرها" not in sidebar_labels(client.get("/admin/").content.decode())


def test_moderator_lists_comments_crisis_first_and_filters_them(client, moderator, article):
    factories.comment(article, body="نظر معمولی", status=Comment.Status.PENDING)
    factories.comment(article, body="نظر فوری", status=Comment.Status.PENDING, priority=True)
    factories.comment(article, body="نظر منتشرشده", status=Comment.Status.APPROVED)
    client.force_login(moderator)
    url = reverse(LIST_URL)

    html = client.get(url).content.decode()
    assert html.index("نظر فوری") < html.index("نظر معمولی")

    pending = client.get(url, {"status": "pending"}).content.decode()
    assert "نظر منتشرشده" not in pending and "نظر معمولی" in pending

    urgent = client.get(url, {"priority": "true"}).content.decode()
    assert "نظر فوری" in urgent and "نظر معمولی" not in urgent

    found = client.get(url, {"q": "معمولی"}).content.decode()
    assert "نظر معمولی" in found and "نظر فوری" not in found

    by_article = client.get(url, {"article": article.pk}).content.decode()
    assert "نظر معمولی" in by_article


def test_list_offers_approve_reject_and_spam_for_each_comment(client, moderator, article):
    comment = factories.comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    html = client.get(reverse(LIST_URL)).content.decode()

    for action in ("approve", "reject", "spam"):
        assert f"/admin/bulk/news/comment/{action}/?id={comment.pk}" in html


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("approve", Comment.Status.APPROVED),
        ("reject", Comment.Status.REJECTED),
        ("spam", Comment.Status.SPAM),
    ],
)
def test_moderator_acts_on_several_comments_at_once(client, moderator, article, action, status):
    comments = [factories.comment(article, status=Comment.Status.PENDING) for _ in range(3)]
    client.force_login(moderator)

    confirm = client.get(bulk_url(action, *comments))
    assert confirm.status_code == 200
    response = client.post(bulk_url(action, *comments))

    assert response.status_code == 302
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == status
        assert comment.moderated_by == moderator
        assert comment.moderated_at is not None


def test_approved_comment_appears_on_the_article(client, moderator, article):
    comment = factories.comment(article, body="نظری که منتشر می‌شود", status="pending")
    client.force_login(moderator)
    client.post(bulk_url("approve", comment))
    client.logout()

    assert "نظری که منتشر می‌شود" in client.get(article.url).content.decode()


def test_approving_or_withdrawing_a_comment_purges_the_article_from_the_shared_cache(
    client, moderator, article, shared_cache, django_capture_on_commit_callbacks
):
    comment = factories.comment(article, body="نظری که منتشر می‌شود", status="pending")
    article_path = unquote(urlsplit(article.get_full_url()).path)
    client.force_login(moderator)

    for action, purges in (("approve", [article_path]), ("reject", [article_path] * 2)):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(bulk_url(action, comment))
        assert shared_cache == purges, action


def test_a_comment_waiting_for_moderation_purges_nothing(
    client, moderator, article, shared_cache, django_capture_on_commit_callbacks
):
    comment = factories.comment(article, status="pending")
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(bulk_url("spam", comment))

    assert shared_cache == []


@pytest.mark.parametrize("action", ["approve", "reject", "spam"])
def test_admin_user_without_the_permission_is_refused_even_posting_directly(
    client, editor, article, action
):
    comment = factories.comment(article, status=Comment.Status.PENDING)
    client.force_login(editor)

    confirm = client.get(bulk_url(action, comment))
    assert confirm.status_code in (302, 403)
    assert confirm.get("Location", "/admin/") == "/admin/"
    assert client.post(bulk_url(action, comment)).status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_admin_user_without_the_permission_cannot_see_or_edit_comments(client, editor, article):
    comment = factories.comment(article, status=Comment.Status.PENDING)
    client.force_login(editor)

    assert client.get(reverse(LIST_URL)).status_code in (302, 403)
    edit_url = reverse("wagtailsnippets_news_comment:edit", args=[comment.pk])
    response = client.post(edit_url, {"status": "approved"})
    assert response.status_code in (302, 403)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING
    reply_url = reverse("wagtailsnippets_news_comment:reply", args=[comment.pk])
    assert client.post(reply_url, {"body": "پاسخ"}).status_code in (302, 403)
    assert Comment.objects.count() == 1


def test_moderator_changes_status_in_the_edit_form_and_is_recorded(client, moderator, article):
    comment = factories.comment(article, status=Comment.Status.PENDING)
    client.force_login(moderator)

    edit_url = reverse("wagtailsnippets_news_comment:edit", args=[comment.pk])
    response = client.post(edit_url, {"status": "rejected", "priority": ""})

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    assert comment.moderated_by == moderator


def test_moderator_replies_as_the_organisation(client, moderator, article):
    question = factories.comment(article, body="مدارک لازم برای ثبت‌نام چیست؟")
    client.force_login(moderator)
    reply_url = reverse("wagtailsnippets_news_comment:reply", args=[question.pk])

    assert client.get(reply_url).status_code == 200
    response = client.post(reply_url, {"body": "کارت ملی و شناسنامه."})

    assert response.status_code == 302
    reply = Comment.objects.get(parent=question)
    assert reply.is_official and reply.status == Comment.Status.APPROVED
    assert reply.name == "بهزیستی خوزستان"  # the organisation's short name from its settings
    assert reply.moderated_by == moderator
    client.logout()
    html = client.get(article.url).content.decode()
    assert "کارت ملی و شناسنامه." in html
    assert '<span class="comment__badge">پاسخ رسمی</span>' in html


def test_moderators_edit_the_crisis_phrases(client, moderator):
    client.force_login(moderator)
    url = reverse("wagtailsnippets_news_crisisphrase:add")
    response = client.post(url, {"phrase": "ضرب و جرح"})
    assert response.status_code == 302
    listing = client.get(reverse("wagtailsnippets_news_crisisphrase:list"))
    assert "ضرب و جرح" in listing.content.decode()


def test_moderator_opens_a_comments_details_and_its_edit_form(client, moderator, article):
    comment = factories.comment(article, status=Comment.Status.PENDING, email="hidden@example.ir")
    client.force_login(moderator)

    inspect = client.get(reverse("wagtailsnippets_news_comment:inspect", args=[comment.pk]))
    assert inspect.status_code == 200
    assert "hidden@example.ir" in inspect.content.decode()
    edit = client.get(reverse("wagtailsnippets_news_comment:edit", args=[comment.pk]))
    assert edit.status_code == 200
    assert 'name="status"' in edit.content.decode()
    assert 'name="body"' not in edit.content.decode()


@pytest.mark.parametrize("digits", [persian_digits, latin_digits])
def test_moderator_filters_comments_by_a_jalali_date(client, moderator, article, digits):
    old = factories.comment(article, body="نظر قدیمی")
    Comment.objects.filter(pk=old.pk).update(created_at=news_factories.days_ago(30))
    factories.comment(article, body="نظر امروز")
    client.force_login(moderator)

    since = digits(format_jalali(news_factories.days_ago(2), "short"))
    html = client.get(reverse(LIST_URL), {"created_at_from": since}).content.decode()

    assert "نظر امروز" in html and "نظر قدیمی" not in html


def test_a_gregorian_date_in_the_comment_filter_gets_a_persian_message(client, moderator):
    client.force_login(moderator)
    response = client.get(reverse(LIST_URL), {"created_at_from": "2026-11-29"})
    assert response.status_code == 200
    assert "سال را به تقویم خورشیدی بنویسید" in response.content.decode()


def test_moderation_list_costs_the_same_queries_for_one_or_twenty_comments(
    client, moderator, news_index, django_assert_num_queries
):
    articles = [news_factories.article(news_index) for _ in range(3)]
    factories.comment(articles[0], status=Comment.Status.PENDING)
    client.force_login(moderator)
    client.get(reverse(LIST_URL))  # warm the per-session caches
    with CaptureQueriesContext(connection) as one:
        client.get(reverse(LIST_URL))

    for number in range(19):
        factories.comment(articles[number % 3], status=Comment.Status.PENDING)
    with django_assert_num_queries(len(one.captured_queries)):
        html = client.get(reverse(LIST_URL)).content.decode()
    assert html.count('data-bulk-action-checkbox class="bulk-action-checkbox"') == 20
