"""Moderators hear about every new comment by email, crisis ones marked as urgent.

The mail is sent by the task worker (TASKS in the settings), not in the reader's request: a slow
mail server must not hold up posting a comment.
"""

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from news.models import Comment


def moderator_emails():
    permission = Permission.objects.filter(
        content_type__app_label="news", codename="moderate_comment"
    ).first()
    who = Q(is_superuser=True)
    if permission is not None:
        who |= Q(groups__permissions=permission) | Q(user_permissions=permission)
    users = get_user_model().objects.filter(who, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def notify_moderators(comment):
    email_moderators_about.enqueue(comment.pk)


@task()
def email_moderators_about(comment_pk):
    comment = Comment.objects.select_related("article").filter(pk=comment_pk).first()
    recipients = moderator_emails()
    if comment is None or not recipients:
        return
    subject = f"نظر تازه دربارهٔ «{comment.article.title}»"
    if comment.priority:
        subject = f"فوری (نشانهٔ بحران): {subject}"
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_news_comment:edit", args=[comment.pk]
    )
    body = render_to_string(
        "news/comments/moderator_email.txt", {"comment": comment, "admin_url": admin_url}
    )
    send_mail(subject, body, None, recipients, fail_silently=True)
