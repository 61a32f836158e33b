from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.jalali_widgets import jalali_settings_panels
from portal.pages import KnownViewRestrictionsMixin, PersianSlugMixin


class HomePage(KnownViewRestrictionsMixin, Page):
    """The front page: latest news, popular e-services and help lines (filled by their apps)."""

    intro = models.TextField(
        "معرفی کوتاه",
        blank=True,
        max_length=500,
        help_text="یک یا دو جمله زیر عنوان صفحهٔ نخست.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = jalali_settings_panels(Page.settings_panels)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.StandardPage", "news.NewsIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "صفحهٔ نخست"
        verbose_name_plural = "صفحه‌های نخست"


class StandardPage(KnownViewRestrictionsMixin, PersianSlugMixin, Page):
    """A plain page for «درباره ما», «تماس با ما» and similar."""

    lead = models.TextField("لید", blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name="متن", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    settings_panels = jalali_settings_panels(Page.settings_panels)
    search_fields = [*Page.search_fields, index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "صفحهٔ ساده"
        verbose_name_plural = "صفحه‌های ساده"


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """One-off facts about the organisation, shown in the header, footer and structured data."""

    name = models.CharField("نام سازمان", max_length=150, default="ادارهٔ کل بهزیستی استان خوزستان")
    short_name = models.CharField("نام کوتاه", max_length=60, default="بهزیستی خوزستان")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="نشان",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField("نشانی", blank=True, max_length=400)
    postal_code = models.CharField("کد پستی", blank=True, max_length=10)
    phone = models.CharField(
        "تلفن", blank=True, max_length=20, help_text="فقط رقم، با کد شهر؛ مثلاً 06133331234"
    )
    email = models.EmailField("رایانامه", blank=True)
    about = models.TextField("دربارهٔ سازمان در پانویس", blank=True, max_length=600)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("logo")], heading="نام و نشان"
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postal_code"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("about"),
            ],
            heading="نشانی و تماس",
        ),
    ]

    class Meta:
        verbose_name = "مشخصات سازمان"
