"""The comment form readers fill in: plain text, a reply target, a honeypot and the question."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError

from news.comments import abuse
from news.comments.fields import ArithmeticCaptchaField
from news.models import Comment, CrisisPhrase
from news.models.comments import MAX_DEPTH
from portal.security import client_address
from portal.text import latin_digits, normalize_persian, persian_number

# Bidi embeddings, overrides and isolates: invisible, and able to make a comment read backwards.
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What a browser puts in place of bytes that were not UTF-8.
REPLACEMENT_CHARACTER = "\ufffd"
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^<>]*>")
PARENT_ID = re.compile(r"[0-9]{1,18}")

HONEYPOT_NAME = "website"
REFUSED = "ارسال پذیرفته نشد. اگر نظر را خودتان نوشته‌اید، صفحه را دوباره باز کنید و بفرستید."
TOO_FAST = "فرم خیلی زود فرستاده شد. چند لحظه صبر کنید و دوباره بفرستید."
STALE_FORM = "فرم کهنه شده است. دوباره بفرستید."
PARENT_MISSING = "نظری که می‌خواهید به آن پاسخ دهید پیدا نشد یا هنوز منتشر نشده است."
PARENT_TOO_DEEP = "به این پاسخ نمی‌توان پاسخ داد: پاسخ‌ها حداکثر سه سطح تودرتو می‌شوند."


def resolve_parent(article, raw):
    """The approved comment of this article being answered: (comment or None, error or None)."""
    raw = latin_digits(raw or "").strip()
    if not raw:
        return None, None
    if not PARENT_ID.fullmatch(raw):
        return None, PARENT_MISSING
    parent = Comment.objects.approved().filter(article=article, pk=int(raw)).first()
    if parent is None:
        return None, PARENT_MISSING
    if parent.depth >= MAX_DEPTH:
        return None, PARENT_TOO_DEEP
    return parent, None


def has_visible_text(value):
    """False for text made only of spaces, invisible format marks (ZWNJ, ZWJ...) and controls."""
    return any(unicodedata.category(char)[0] not in "CZ" for char in value)


def plain_text_errors(value):
    if REPLACEMENT_CHARACTER in value:
        return "متن نویسه‌های نامعتبر دارد (کدگذاری نادرست). آن را دوباره بنویسید."
    if DIRECTION_CONTROLS.search(value):
        return "نویسه‌های پنهانِ تغییر جهت متن پذیرفته نیست. متن را دوباره تایپ کنید."
    if HTML_TAG.search(value):
        return "کد HTML یا اسکریپت پذیرفته نیست. متن ساده بنویسید."
    return None


# The lengths the model stores, so the form and the database never disagree.
NAME_LENGTH = Comment._meta.get_field("name").max_length
EMAIL_LENGTH = Comment._meta.get_field("email").max_length
BODY_LENGTH = Comment._meta.get_field("body").max_length


class CommentForm(forms.Form):
    name = forms.CharField(
        label="نام",
        max_length=NAME_LENGTH,
        error_messages={
            "required": "نام خود را بنویسید.",
            "max_length": f"نام حداکثر {persian_number(NAME_LENGTH)} نویسه است.",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    email = forms.EmailField(
        label="رایانامه (اختیاری، نمایش داده نمی‌شود)",
        required=False,
        max_length=EMAIL_LENGTH,
        error_messages={"invalid": "نشانی رایانامه درست نیست؛ مثلاً name@example.com."},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    body = forms.CharField(
        label="متن نظر",
        max_length=BODY_LENGTH,
        error_messages={
            "required": "متن نظر را بنویسید.",
            "max_length": f"متن نظر حداکثر {persian_number(BODY_LENGTH)} نویسه است.",
        },
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )
    parent = forms.CharField(required=False, widget=forms.HiddenInput)
    captcha = ArithmeticCaptchaField(label="پرسش امنیتی")

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        # The question's field tells an expired question from a wrong answer by the start time.
        self.fields["captcha"].started_token = self.data.get("started")
        self.article = article
        self.parent_comment = None
        self.crisis = False

    def clean_name(self):
        return self._clean_plain_text("name")

    def clean_body(self):
        return self._clean_plain_text("body")

    def _clean_plain_text(self, field_name):
        value = self.cleaned_data[field_name]
        problem = plain_text_errors(value)
        if problem:
            raise ValidationError(problem, code="unsafe")
        value = normalize_persian(value).strip()
        if not has_visible_text(value):
            raise ValidationError(self.fields[field_name].error_messages["required"])
        return value

    def clean_parent(self):
        parent, problem = resolve_parent(self.article, self.cleaned_data["parent"])
        if problem:
            raise ValidationError(problem, code="parent")
        self.parent_comment = parent
        return parent.pk if parent else None

    def clean(self):
        cleaned = super().clean()
        if self.data.get(HONEYPOT_NAME):
            raise ValidationError(REFUSED, code="honeypot")
        elapsed = abuse.seconds_since_started(self.data.get("started"), self.data.get("captcha_0"))
        if elapsed is None:
            raise ValidationError(STALE_FORM, code="stale")
        if elapsed < abuse.minimum_fill_seconds():
            raise ValidationError(TOO_FAST, code="too_fast")
        return cleaned

    def mark_errors_for_assistive_technology(self):
        """Tie each field to its error message, so a screen reader reads them together."""
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            described = [f"{name}-error"]
            if widget.attrs.get("aria-describedby"):
                described.insert(0, widget.attrs["aria-describedby"])
            widget.attrs["aria-describedby"] = " ".join(described)
            widget.attrs["aria-invalid"] = "true"

    def save(self, request):
        ip_hash = abuse.address_hash(client_address(request))
        body, name = self.cleaned_data["body"], self.cleaned_data["name"]
        return Comment.objects.create(
            article=self.article,
            parent=self.parent_comment,
            name=name,
            email=self.cleaned_data["email"],
            body=body,
            priority=CrisisPhrase.matches(f"{name}\n{body}"),
            ip_hash=ip_hash,
            user_agent=abuse.user_agent(request),
        )
