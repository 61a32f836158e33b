"""Readers' comments under articles, held for moderation, and the phrases that flag a crisis."""

import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from wagtail.admin.panels import FieldPanel

from news import fragments
from portal.text import fold_for_search, normalize_persian

MAX_DEPTH = 3
TRACKING_CODE_LENGTH = 10


def purge_article_when_committed(article):
    """The article's HTML shows its approved comments: a shared cache in front of the portal
    drops its copy once the change is committed (nothing happens when none is configured)."""
    from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

    transaction.on_commit(lambda: purge_page_from_cache(article))


def new_tracking_code():
    # Digits only: easy to read aloud, to type on a phone keypad and to show in Persian digits.
    return "".join(secrets.choice("0123456789") for _ in range(TRACKING_CODE_LENGTH))


class CommentQuerySet(models.QuerySet):
    def update(self, **kwargs):
        # An update in bulk sends no signal; readers' cached pages show comments all the same.
        rows = super().update(**kwargs)
        fragments.comment_changed(self.model)
        return rows

    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def thread_for(self, article):
        """Approved comments of an article in one query, oldest first, ready to nest."""
        return (
            self.approved()
            .filter(article=article)
            .only("id", "parent_id", "depth", "status", "name", "body", "created_at", "is_official")
            .order_by("created_at", "id")
        )

    def moderation_order(self):
        """Priority (crisis) comments first, then pending ones, newest first."""
        return self.order_by("-priority", "status", "-created_at")


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "در انتظار بررسی"
        APPROVED = "approved", "منتشرشده"
        REJECTED = "rejected", "ردشده"
        SPAM = "spam", "هرزنامه"

    article = models.ForeignKey(
        "news.NewsPage", verbose_name="خبر", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="در پاسخ به",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    depth = models.PositiveSmallIntegerField("سطح", default=1, editable=False)
    name = models.CharField("نام", max_length=80)
    email = models.EmailField("رایانامه", blank=True, help_text="هرگز نمایش داده نمی‌شود.")
    body = models.TextField("متن نظر", max_length=2000)
    status = models.CharField(
        "وضعیت", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    priority = models.BooleanField(
        "اولویت (نشانهٔ بحران)",
        default=False,
        db_index=True,
        help_text="متن نظر با یکی از عبارت‌های بحران جور است.",
    )
    is_official = models.BooleanField("پاسخ رسمی سازمان", default=False)
    created_at = models.DateTimeField("زمان ارسال", default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField("زمان بررسی", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="بررسی‌کننده",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tracking_code = models.CharField(
        "کد پیگیری", max_length=TRACKING_CODE_LENGTH, unique=True, default=new_tracking_code
    )
    ip_hash = models.CharField("درهم‌شدهٔ نشانی IP", max_length=64, blank=True, editable=False)
    user_agent = models.CharField("مرورگر", max_length=200, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = "نظر"
        verbose_name_plural = "نظرها"
        ordering = ["-created_at"]
        permissions = [("moderate_comment", "می‌تواند نظرها را بررسی کند")]
        indexes = [models.Index(fields=["article", "status", "created_at"], name="comment_thread")]

    def __str__(self):
        excerpt = self.body[:60] + ("…" if len(self.body) > 60 else "")
        return f"{self.name}: {excerpt}"

    def save(self, *args, **kwargs):
        self.name = normalize_persian(self.name)
        self.body = normalize_persian(self.body)
        if self._state.adding:
            self.depth = self.parent.depth + 1 if self.parent_id else 1
        super().save(*args, **kwargs)
        shown = self.Status.APPROVED
        if shown in (self.status, getattr(self, "_status_when_loaded", None)):
            purge_article_when_committed(self.article)
        self._status_when_loaded = self.status

    @classmethod
    def from_db(cls, db, field_names, values):
        comment = super().from_db(db, field_names, values)
        comment._status_when_loaded = comment.__dict__.get("status")  # absent when deferred
        return comment

    @property
    def can_be_replied_to(self):
        return self.status == self.Status.APPROVED and self.depth < MAX_DEPTH

    def moderate(self, status, user):
        self.status = status
        self.moderated_at = timezone.now()
        self.moderated_by = user
        self.save(update_fields=["status", "moderated_at", "moderated_by"])


class CrisisPhrase(models.Model):
    """A phrase that marks a comment as a possible crisis (self-harm, abuse, violence...)."""

    phrase = models.CharField("عبارت", max_length=100, unique=True)
    folded = models.CharField(max_length=100, editable=False, db_index=True)

    panels = [FieldPanel("phrase")]

    class Meta:
        verbose_name = "عبارت بحران"
        verbose_name_plural = "عبارت‌های بحران"
        ordering = ["phrase"]

    def __str__(self):
        return self.phrase

    def save(self, *args, **kwargs):
        self.phrase = normalize_persian(self.phrase).strip()
        self.folded = fold_for_search(self.phrase)
        super().save(*args, **kwargs)

    @classmethod
    def matches(cls, text):
        """Whether any phrase occurs in the text, however either was spelled (one query)."""
        folded = fold_for_search(text)
        return any(
            phrase and phrase in folded for phrase in cls.objects.values_list("folded", flat=True)
        )
