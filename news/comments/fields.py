"""django-simple-captcha's field, made readable (the question is text) and single-use for real."""

from captcha.fields import CaptchaField, CaptchaTextInput
from captcha.models import CaptchaStore

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import MultiValueField
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from news.comments import abuse
from news.comments.captcha import is_key, normalize_answer, question_text, speech_available

WRONG_ANSWER = "پاسخ پرسش درست نبود. به پرسش تازه پاسخ دهید؛ بقیهٔ نوشته‌های شما سر جایش است."
EXPIRED = "زمان این پرسش گذشته بود. به پرسش تازه پاسخ دهید؛ بقیهٔ نوشته‌های شما سر جایش است."
MISSING_ANSWER = "پاسخ پرسش را با عدد بنویسید."


class ArithmeticCaptchaWidget(CaptchaTextInput):
    """The question as the label's text, the image as an optional picture of it, audio, refresh."""

    template_name = "news/comments/captcha_widget.html"

    def render(self, name, value, attrs=None, renderer=None):
        # A new question on every render: a wrong or spent answer is never shown again.
        self.fetch_captcha_store(name, value, attrs, self.generator)
        store = CaptchaStore.objects.get(hashkey=self._key)
        final_attrs = self.build_attrs(self.attrs, attrs)
        field_id = final_attrs.get("id", f"id_{name}")
        answer_attrs = {key: value for key, value in final_attrs.items() if key.startswith("aria-")}
        # The error (when there is one) first, then the hint on how to write the answer.
        described = [answer_attrs.get("aria-describedby", ""), f"{field_id}-hint"]
        answer_attrs["aria-describedby"] = " ".join(part for part in described if part)
        return render_to_string(
            self.template_name,
            {
                "name": name,
                "id": field_id,
                "key": self._key,
                "question": question_text(store.challenge),
                "image_url": reverse("captcha-image", kwargs={"key": self._key}),
                "audio_url": (
                    reverse("captcha-audio", kwargs={"key": self._key})
                    if speech_available()
                    else ""
                ),
                "refresh_url": reverse("captcha-refresh"),
                "started": abuse.started_token(self._key),
                "answer_attrs": answer_attrs,
            },
        )


class ArithmeticCaptchaField(CaptchaField):
    """Accepts ۱۵, ١٥ or 15 with spaces or invisible marks; one question, one comment.

    The question is deleted when it is checked and the check fails unless this request deleted
    the row itself: when two posts race with one solved question, only one deletes it. Run the
    form's validation and the save in one transaction so the question and the comment go together.
    """

    widget = ArithmeticCaptchaWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", ArithmeticCaptchaWidget())
        kwargs.setdefault(
            "error_messages", {"required": MISSING_ANSWER, "incomplete": MISSING_ANSWER}
        )
        super().__init__(**kwargs)

    def was_shown_too_long_ago(self, key):
        """Whether the form's signed start time says this question has expired by now.

        Expired questions are swept from the database by any later check, so a missing row is
        told apart from a wrong or reused key by the start token issued with the question.
        """
        started = abuse.read_started_token(getattr(self, "started_token", None))
        if started is None or started[1] != key:
            return False
        return timezone.now().timestamp() - started[0] >= settings.CAPTCHA_TIMEOUT * 60

    def clean(self, value):
        MultiValueField.clean(self, value)
        key, answer = value[0], normalize_answer(value[1])
        if not is_key(key):
            raise ValidationError(WRONG_ANSWER, code="invalid")
        store = CaptchaStore.objects.filter(hashkey=key).first()
        deleted, _ = CaptchaStore.objects.filter(hashkey=key).delete()
        if store is None or deleted == 0:
            if self.was_shown_too_long_ago(key):
                raise ValidationError(EXPIRED, code="expired")
            raise ValidationError(WRONG_ANSWER, code="invalid")
        if store.expiration <= timezone.now():
            raise ValidationError(EXPIRED, code="expired")
        if store.response != answer:
            raise ValidationError(WRONG_ANSWER, code="invalid")
        CaptchaStore.remove_expired()
        return key
