"""Moderators hear about every new comment by email, crisis ones marked as urgent.

The mail is sent by the task worker (TASKS in the settings), not in the reader's request: a slow
mail server must not hold up posting a comment.
"""

from django_tasks import task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

from news.models import Comment

# Named, because a second authentication backend (login throttling) makes with_perm ask which.
PERMISSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


def moderator_emails():
    users = get_user_model().objects.with_perm(
        "news.moderate_comment", is_active=True, include_superusers=True, backend=PERMISSION_BACKEND
    )
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


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
