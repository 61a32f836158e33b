from django.db import models
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.text import normalize_persian


class NewsSection(index.Indexed, models.Model):
    """A desk of the newsroom (اجتماعی، اشتغال، توانبخشی ...), managed by editors as a snippet."""

    name = models.CharField("نام", max_length=80, unique=True)
    slug = models.SlugField(
        "نامک",
        max_length=80,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text="بخشی از نشانی صفحهٔ این سرویس؛ اگر خالی بماند از نام ساخته می‌شود.",
    )
    sort_order = models.PositiveSmallIntegerField("ترتیب نمایش", default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "سرویس خبری"
        verbose_name_plural = "سرویس‌های خبری"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = normalize_persian(self.name).strip()
        self.slug = slugify(normalize_persian(self.slug or self.name), allow_unicode=True)
        super().save(*args, **kwargs)
