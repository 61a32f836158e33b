"""An article read aloud: one recording per published article, made by news/audio.py."""

from django.db import models

from portal.text import persian_digits


def spoken_length(seconds):
    """«۲ دقیقه و ۱۵ ثانیه», «۳ دقیقه» or «۴۵ ثانیه»: how long a recording plays."""
    minutes, seconds = divmod(max(1, round(seconds)), 60)
    parts = []
    if minutes:
        parts.append(f"{persian_digits(minutes)} دقیقه")
    if seconds:
        parts.append(f"{persian_digits(seconds)} ثانیه")
    return " و ".join(parts)


class ArticleAudio(models.Model):
    """The article's title, lead and body as an MP3 in the default storage.

    `text_hash` is the hash of the text that was read: a new revision with the same text keeps
    the recording, one with different text replaces it.
    """

    article = models.OneToOneField(
        "news.NewsPage", on_delete=models.CASCADE, related_name="audio", verbose_name="خبر"
    )
    file = models.FileField("فایل صوتی", upload_to="news/audio/", max_length=200)
    duration_seconds = models.FloatField("مدت (ثانیه)")
    text_hash = models.CharField("چکیدهٔ متن خوانده‌شده", max_length=64)
    created = models.DateTimeField("زمان ساخت", auto_now_add=True)

    class Meta:
        verbose_name = "صوت خبر"
        verbose_name_plural = "صوت‌های خبر"

    def __str__(self):
        return f"{self.article_id}: {self.length_label}"

    @property
    def length_label(self):
        return spoken_length(self.duration_seconds)

    @property
    def iso_duration(self):
        """The length as <time datetime> wants it: PT2M15S."""
        minutes, seconds = divmod(max(1, round(self.duration_seconds)), 60)
        return f"PT{minutes}M{seconds}S"
