"""News articles: the pages under the news index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from news.blocks import NewsBodyBlock
from news.models.article import ArticleMixin
from news.models.codes import allocate_news_code
from news.models.queries import NewsPageManager
from portal.api_fields import (
    IsoDateTimeField,
    JalaliDateTimeField,
    MainImageField,
    NamedItemField,
    TagNamesField,
)
from portal.jalali_widgets import jalali_settings_panels
from portal.pages import KnownViewRestrictionsMixin, PersianSlugMixin
from portal.text import normalize_persian, persian_digits

# Addresses under /news/ that belong to listings, feeds and old-portal codes, not to articles.
RESERVED_SLUGS = {"tags", "archive", "section", "feed", "rss", "atom", "view"}


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "برچسب خبر"
        verbose_name_plural = "برچسب‌های خبر"


class PinnedRelatedNews(Orderable):
    """Related news an editor chose by hand; shown before the ones found through shared tags."""

    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="pinned_related")
    related = models.ForeignKey(
        "news.NewsPage",
        verbose_name="خبر مرتبط",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("related", "news.NewsPage")]

    class Meta(Orderable.Meta):
        verbose_name = "خبر مرتبط سنجاق‌شده"
        verbose_name_plural = "خبرهای مرتبط سنجاق‌شده"


class NewsCodePanel(FieldPanel):
    """The news code, read-only: in Persian digits once allocated, and a promise until then."""

    def format_value_for_display(self, value):
        return persian_digits(value) if value else "پس از ذخیره تعیین می‌شود"


class NewsPage(KnownViewRestrictionsMixin, ArticleMixin, PersianSlugMixin, Page):
    over_title = models.CharField("روتیتر", max_length=200, blank=True)
    lead = models.TextField("لید", max_length=1000, help_text="خلاصهٔ خبر در یک بند، بدون قالب‌بندی.")
    body = StreamField(NewsBodyBlock(), verbose_name="متن خبر", blank=True)
    # A copy of Page.live on the article's own row, kept by save(): listings filter and sort on
    # one table, so the database reads a partial newest-first index and stops after one page
    # (a filter on wagtailcore_page.live made it sort every live article before an OFFSET).
    listed = models.BooleanField(default=False, editable=False)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="تصویر اصلی",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        "متن جایگزین تصویر اصلی",
        max_length=250,
        blank=True,
        help_text="آنچه تصویر به خواننده نابینا می‌گوید.",
    )
    main_image_decorative = models.BooleanField(
        "تصویر اصلی تزئینی است",
        default=False,
        help_text="فقط وقتی تصویر چیزی به متن اضافه نمی‌کند.",
    )
    published_at = models.DateTimeField(
        "تاریخ انتشار برای خوانندگان",
        null=True,
        blank=True,
        db_index=True,
        help_text="اگر خالی بماند، زمان نخستین انتشار ثبت می‌شود.",
    )
    section = models.ForeignKey(
        "news.NewsSection",
        verbose_name="سرویس",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pages",
    )
    tags = ClusterTaggableManager("برچسب‌ها", through=NewsPageTag, blank=True)
    news_code = models.PositiveIntegerField("کد خبر", unique=True, editable=False)
    comments_open = models.BooleanField("نظرها باز است", default=True)

    objects = NewsPageManager()

    content_panels = [
        NewsCodePanel("news_code", read_only=True),
        FieldPanel("over_title"),
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_alt"),
                FieldPanel("main_image_decorative"),
            ],
            heading="تصویر اصلی",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("section"), FieldPanel("tags"), FieldPanel("published_at")],
            heading="سرویس، برچسب و تاریخ",
        ),
        InlinePanel("pinned_related", label="خبرهای مرتبط سنجاق‌شده", max_num=6),
    ]
    settings_panels = [*jalali_settings_panels(Page.settings_panels), FieldPanel("comments_open")]

    # Search (issue 6): every text a reader may remember, folded by portal.search.backends; the
    # filter fields are what /search/ and the API narrow and sort by.
    search_fields = [
        *Page.search_fields,
        index.SearchField("over_title"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.AutocompleteField("over_title"),
        index.FilterField("published_at"),
        index.FilterField("news_code"),
        index.FilterField("section"),
        index.FilterField("listed"),
    ]
    api_fields = [
        APIField("news_code"),
        APIField("over_title"),
        APIField("lead"),
        APIField("published_at", serializer=IsoDateTimeField()),
        APIField("published_at_jalali", serializer=JalaliDateTimeField(source="published_at")),
        APIField("section", serializer=NamedItemField()),
        APIField("tags", serializer=TagNamesField()),
        APIField("main_image", serializer=MainImageField()),
        APIField("body"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    # A copy is a new article: it gets its own code.
    exclude_fields_in_copy = ["news_code", "published_at"]

    class Meta:
        verbose_name = "خبر"
        verbose_name_plural = "خبرها"
        # Matches newest_first(), so listings read the index in order instead of sorting.
        # page_ptr is in the index too, so a listing's ids come from the index alone.
        indexes = [
            models.Index(
                fields=["-published_at", "-news_code", "page_ptr"],
                name="news_listed_newest_first",
                condition=models.Q(listed=True),
            )
        ]

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.main_image_id
            and not self.main_image_decorative
            and not self.main_image_alt.strip()
        ):
            errors["main_image_alt"] = "متن جایگزین را بنویسید یا تصویر را تزئینی علامت بزنید."
        if self.slug and (self.slug.isdigit() or self.slug in RESERVED_SLUGS):
            errors["slug"] = "این نامک برای نشانی‌های دیگر اخبار رزرو است؛ نامک دیگری بنویسید."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.title = normalize_persian(self.title)
        self.draft_title = normalize_persian(self.draft_title)
        self.over_title = normalize_persian(self.over_title)
        self.lead = normalize_persian(self.lead)
        if self.news_code is None:
            self.news_code = allocate_news_code()
        if self.published_at is None and self.first_published_at:
            self.published_at = self.first_published_at
        self.normalize_tags()
        self.listed = self.live
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "live" in update_fields:
            kwargs["update_fields"] = {*update_fields, "listed"}
        return super().save(*args, **kwargs)

    def normalize_tags(self):
        names = [tag.name for tag in self.tags.all()]
        cleaned = (normalize_persian(name).strip() for name in names)
        normalized = list(dict.fromkeys(name for name in cleaned if name))
        if normalized != names:
            self.tags.set(normalized)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.article_context(request))
        return context

    @property
    def short_url(self):
        return reverse("news_short_link", kwargs={"code": self.news_code})

    @property
    def main_image_alt_text(self):
        """What the main image says to a reader who cannot see it: nothing if decorative."""
        return "" if self.main_image_decorative else self.main_image_alt

    @property
    def listing_label(self):
        return self.section.name if self.section_id else self._meta.verbose_name

    def with_content_json(self, content):
        # A revision never carries a different code: the code belongs to the article, not a draft.
        obj = super().with_content_json(content)
        obj.news_code = self.news_code
        return obj
