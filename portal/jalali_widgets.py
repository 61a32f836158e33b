"""Jalali date and date-time fields for the Wagtail admin: typed in any digits, Tehran time.

The text input is the whole field: an editor can type ``۱۴۰۵/۰۹/۱۰ ۱۴:۳۰`` or ``1405-9-10`` and
the server parses it (persiantools), with or without JavaScript. static/js/admin/jalali-picker.js
adds a calendar dialog beside it, driven by keyboard and announced to screen readers.
portal/wagtail_hooks.py makes these the admin's fields for every DateField and DateTimeField.
"""

import datetime

from django_filters.fields import DateRangeField, RangeField
from django_filters.filters import DateFromToRangeFilter
from django_filters.widgets import SuffixedMultiWidget

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import from_current_timezone
from django.templatetags.static import static
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.models.panels import PanelPlaceholder

from portal.jalali import (
    JalaliInputError,
    format_jalali,
    format_jalali_input,
    parse_jalali_moment,
)


class JalaliDateInput(forms.TextInput):
    template_name = "portal/widgets/jalali_input.html"
    with_time = False
    example = "۱۴۰۵/۰۹/۱۰"

    def __init__(self, attrs=None):
        # Latin letters never appear in what is typed here; autocomplete would offer other dates.
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return format_jalali_input(value)
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        hint_id = f"{widget['attrs'].get('id') or name}-jalali-hint"
        described_by = widget["attrs"].get("aria-describedby", "")
        widget["attrs"]["aria-describedby"] = f"{described_by} {hint_id}".strip()
        widget.update(
            hint_id=hint_id,
            with_time=self.with_time,
            example=self.example,
            jalaali_src=static("vendor/jalaali-js/index.js"),
        )
        return context

    @property
    def media(self):
        return forms.Media(
            js=["js/admin/jalali-picker.js"], css={"all": ["css/admin/jalali-picker.css"]}
        )


class JalaliDateTimeInput(JalaliDateInput):
    with_time = True
    example = "۱۴۰۵/۰۹/۱۰ ۱۴:۳۰"


class JalaliDateField(forms.DateField):
    widget = JalaliDateInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        try:
            return parse_jalali_moment(value, with_time=False)
        except JalaliInputError as error:
            raise ValidationError(str(error), code="invalid") from None


class JalaliDateTimeField(forms.DateTimeField):
    """Stores the same aware datetime Wagtail's field would: the typed moment in Tehran time."""

    widget = JalaliDateTimeInput

    def prepare_value(self, value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return from_current_timezone(value) if timezone.is_naive(value) else value
        if isinstance(value, datetime.date):
            return from_current_timezone(datetime.datetime.combine(value, datetime.time()))
        try:
            return from_current_timezone(parse_jalali_moment(value))
        except JalaliInputError as error:
            raise ValidationError(str(error), code="invalid") from None


class JalaliDateRangeWidget(SuffixedMultiWidget):
    template_name = "portal/widgets/jalali_range.html"
    suffixes = ["from", "to"]

    def __init__(self, attrs=None):
        super().__init__((JalaliDateInput(), JalaliDateInput()), attrs)

    def decompress(self, value):
        return [value.start, value.stop] if value else [None, None]


class JalaliDateRangeField(DateRangeField):
    widget = JalaliDateRangeWidget

    def __init__(self, *args, **kwargs):
        # DateRangeField fixes its two halves to Django's DateField; ours read Jalali.
        RangeField.__init__(self, (JalaliDateField(), JalaliDateField()), *args, **kwargs)


class JalaliDateFromToRangeFilter(DateFromToRangeFilter):
    """«از … تا …» in Jalali days for admin listings; the end day is included whole."""

    field_class = JalaliDateRangeField


PUBLISHING_PANEL = "wagtail.admin.panels.PublishingPanel"
# What Wagtail's own panel puts on these inputs: closing the schedule dialog resets them.
SCHEDULE_DIALOG_ATTRS = {
    "data-controller": "w-action",
    "data-action": "w-dialog:hidden->w-action#reset",
    "data-w-dialog-target": "notify",
}


class JalaliPublishingPanel(PublishingPanel):
    """Wagtail's go-live / expiry panel with the Jalali fields (Wagtail's own names a Gregorian
    widget explicitly, so the form-field override alone does not reach it)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "children",
            [
                FieldPanel(name, widget=JalaliDateTimeInput(attrs=SCHEDULE_DIALOG_ATTRS))
                for name in ("go_live_at", "expire_at")
            ],
        )
        super().__init__(**kwargs)


def jalali_settings_panels(panels):
    """A page type's settings panels with Wagtail's publishing panel made Jalali."""
    return [
        JalaliPublishingPanel()
        if isinstance(panel, PanelPlaceholder) and panel.path == PUBLISHING_PANEL
        else panel
        for panel in panels
    ]


class JalaliReadOnlyPanel(FieldPanel):
    """A date or time shown, not edited: ``چهارشنبه ۱۰ آذر ۱۴۰۵، ساعت ۱۴:۳۰`` in Tehran time."""

    def __init__(self, field_name, *args, empty_text="—", **kwargs):
        kwargs["read_only"] = True
        self.empty_text = empty_text
        super().__init__(field_name, *args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "empty_text": self.empty_text}

    def format_value_for_display(self, value):
        return format_jalali(value, "datetime") if value else self.empty_text
