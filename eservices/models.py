"""E-services, help lines and service centres: snippets that editors keep up to date."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Orderable
from wagtail.search import index

from eservices.fields import HttpsAddressField, PhoneNumberField, PhoneNumberListField
from eservices.icons import DEFAULT_ICON, ICON_CHOICES
from eservices.validators import split_phone_list
from portal.jalali_widgets import JalaliReadOnlyPanel
from portal.text import ZWNJ, normalize_persian

# Icons are shown at 48 CSS pixels; twice that keeps them sharp on dense screens.
ICON_RENDITION_SPEC = "max-96x96"


def tidy_text(text):
    """How a short editor text is stored: normalised Persian, one line, single spaces."""
    # A ZWNJ only means something between two letters; at either end it is an invisible slip.
    return " ".join(normalize_persian(text or "").split()).strip(ZWNJ + " ")


class EditorOrderedModel(Orderable):
    """A snippet in the editors' order, with an active switch and tidied short texts."""

    active = models.BooleanField(
        "فعال", default=True, help_text="فقط موارد فعال در سایت نمایش داده می‌شوند."
    )

    # Short texts stored as tidy_text(); a required one that tidies to nothing is refused.
    tidy_fields = ()

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        for name in self.tidy_fields:
            typed = getattr(self, name)
            setattr(self, name, tidy_text(typed))
            field = self._meta.get_field(name)
            # An empty field already has Django's own "required" message; this catches text
            # made only of spaces or invisible characters.
            if typed and not getattr(self, name) and not field.blank:
                errors[name] = f"«{field.verbose_name}» نمی‌تواند خالی باشد."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        for name in self.tidy_fields:
            setattr(self, name, tidy_text(getattr(self, name)))
        if self.sort_order is None:
            highest = type(self)._default_manager.aggregate(models.Max("sort_order"))
            self.sort_order = (highest["sort_order__max"] or 0) + 1
        super().save(*args, **kwargs)


class ActiveQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class EServiceQuerySet(ActiveQuerySet):
    def popular(self):
        return self.filter(popular=True)

    def with_icon_rendition(self):
        """The uploaded icon's rendition file in the same query: no query per icon."""
        renditions = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(
                image_id=OuterRef("icon_image_id"),
                filter_spec=ICON_RENDITION_SPEC,
                focal_point_key="",
            )
        )
        return self.annotate(icon_rendition_file=Subquery(renditions.values("file")[:1]))


class EService(index.Indexed, EditorOrderedModel):
    title = models.CharField("عنوان", max_length=120)
    description = models.CharField("توضیح کوتاه", max_length=250, blank=True)
    address = HttpsAddressField(
        "نشانی سامانه",
        help_text="نشانی کامل و امن سامانه، که با https:// شروع می‌شود؛ بدون فاصله.",
    )
    category = models.CharField(
        "دسته",
        max_length=80,
        help_text="خدمات هم‌دسته در صفحهٔ خدمات الکترونیک کنار هم می‌آیند؛ مثلاً «توانبخشی».",
    )
    builtin_icon = models.CharField(
        "نماد آماده", max_length=30, choices=ICON_CHOICES, default=DEFAULT_ICON
    )
    icon_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name="نماد بارگذاری‌شده",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="اگر تصویری انتخاب شود، به جای نماد آماده نمایش داده می‌شود.",
    )
    popular = models.BooleanField(
        "پرکاربرد",
        default=False,
        help_text="خدمات پرکاربرد در صفحهٔ نخست و کنار خبرها نمایش داده می‌شوند.",
    )
    last_link_check_ok = models.BooleanField("پیوند سالم است", null=True, editable=False)
    last_link_check_result = models.CharField(
        "نتیجهٔ آخرین بررسی پیوند", max_length=200, blank=True, editable=False
    )
    last_link_checked_at = models.DateTimeField(
        "زمان آخرین بررسی پیوند", null=True, blank=True, editable=False
    )

    tidy_fields = ("title", "description", "category")
    objects = EServiceQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("address"),
        FieldPanel("category"),
        FieldRowPanel([FieldPanel("builtin_icon"), FieldPanel("icon_image")], heading="نماد"),
        FieldRowPanel([FieldPanel("popular"), FieldPanel("active")], heading="نمایش"),
        MultiFieldPanel(
            [
                FieldPanel("last_link_check_result", read_only=True),
                JalaliReadOnlyPanel("last_link_checked_at", empty_text="هنوز بررسی نشده است"),
            ],
            heading="بررسی پیوند (با فرمان check_eservice_links)",
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("description"),
        index.SearchField("category"),
        index.AutocompleteField("title"),
        index.FilterField("active"),  # search and the API show active services only
    ]

    class Meta(EditorOrderedModel.Meta):
        verbose_name = "خدمت الکترونیک"
        verbose_name_plural = "خدمات الکترونیک"

    def __str__(self):
        return self.title

    @property
    def link_check_status(self):
        if self.last_link_checked_at is None:
            return "بررسی نشده"
        return "سالم" if self.last_link_check_ok else "خراب"


class Hotline(EditorOrderedModel):
    number = PhoneNumberField(
        "شماره", help_text="فقط رقم؛ مثلاً 123، 1480 یا با کد شهر 06133331234."
    )
    title = models.CharField("عنوان", max_length=80, help_text="مثلاً «اورژانس اجتماعی».")
    description = models.CharField("توضیح", max_length=250, blank=True)
    hours = models.CharField("ساعت پاسخگویی", max_length=80, default="شبانه‌روزی")

    tidy_fields = ("title", "description", "hours")
    objects = ActiveQuerySet.as_manager()

    panels = [
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("hours"),
        FieldPanel("active"),
    ]

    class Meta(EditorOrderedModel.Meta):
        verbose_name = "خط تماس"
        verbose_name_plural = "خطوط تماس"

    def __str__(self):
        return f"{self.number} {self.title}"


class ServiceCentre(EditorOrderedModel):
    name = models.CharField("نام مرکز", max_length=150)
    county = models.CharField(
        "شهرستان",
        max_length=60,
        help_text="نام شهرستان، همان‌گونه که در صافی صفحهٔ مراکز خدمات نمایش داده می‌شود.",
    )
    city = models.CharField("شهر", max_length=60)
    address = models.CharField("نشانی", max_length=300)
    phone_numbers = PhoneNumberListField(
        "شماره‌های تلفن", help_text="فقط رقم، با کد شهر؛ چند شماره را با ویرگول جدا کنید."
    )
    hours = models.CharField("ساعت کاری", max_length=120, blank=True)
    latitude = models.DecimalField(
        "عرض جغرافیایی",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(-90, "عرض جغرافیایی باید بین ‎-90 و 90 باشد."),
            MaxValueValidator(90, "عرض جغرافیایی باید بین ‎-90 و 90 باشد."),
        ],
    )
    longitude = models.DecimalField(
        "طول جغرافیایی",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(-180, "طول جغرافیایی باید بین ‎-180 و 180 باشد."),
            MaxValueValidator(180, "طول جغرافیایی باید بین ‎-180 و 180 باشد."),
        ],
    )

    tidy_fields = ("name", "county", "city", "address", "hours")
    objects = ActiveQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("county"), FieldPanel("city")]),
        FieldPanel("address"),
        FieldPanel("phone_numbers"),
        FieldPanel("hours"),
        FieldRowPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")], heading="موقعیت روی نقشه (اختیاری)"
        ),
        FieldPanel("active"),
    ]

    class Meta(EditorOrderedModel.Meta):
        verbose_name = "مرکز خدمات"
        verbose_name_plural = "مراکز خدمات"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                "برای نمایش روی نقشه هر دو مختصات (عرض و طول جغرافیایی) را بنویسید "
                "یا هر دو را خالی بگذارید."
            )

    @property
    def phone_list(self):
        return split_phone_list(self.phone_numbers)
