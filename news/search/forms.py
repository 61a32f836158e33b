"""What a reader asks the search page: words, filters and an order. Bad input is a message."""

import datetime

from django import forms

from news.models.index import all_sections
from portal.jalali import parse_jalali_date
from portal.search.backends import MAX_QUERY_LENGTH
from portal.text import normalize_persian

SORT_CHOICES = [("relevance", "مرتبط‌ترین"), ("date", "تازه‌ترین")]
DATE_HELP = "مثلاً ۱۴۰۳/۰۱/۳۱"


class JalaliDateField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(required=False, max_length=20, **kwargs)
        self.error_messages["max_length"] = f"تاریخ را به شکل {DATE_HELP} بنویسید."

    def clean(self, value):
        text = super().clean(value).strip()
        if not text:
            return None
        try:
            return parse_jalali_date(text)
        except ValueError:
            raise forms.ValidationError(
                f"«{text}» تاریخ درستی نیست؛ تاریخ را به شکل {DATE_HELP} بنویسید."
            ) from None


def section_choices():
    return [("", "همهٔ سرویس‌ها"), *((section.slug, section.name) for section in all_sections())]


class SectionField(forms.ChoiceField):
    """A news section by its slug, chosen from the list kept until content changes
    (all_sections): the search page reads no section row per search."""

    def __init__(self, **kwargs):
        super().__init__(choices=section_choices, **kwargs)

    def clean(self, value):
        slug = super().clean(value)
        return next((section for section in all_sections() if section.slug == slug), None)


class SearchForm(forms.Form):
    q = forms.CharField(label="عبارت جستجو", required=False, strip=True)
    section = SectionField(
        label="سرویس خبری",
        required=False,
        error_messages={"invalid_choice": "این سرویس خبری پیدا نشد؛ از فهرست انتخاب کنید."},
    )
    tag = forms.CharField(label="برچسب", required=False, max_length=100)
    date_from = JalaliDateField(label="از تاریخ", help_text=DATE_HELP)
    date_to = JalaliDateField(label="تا تاریخ", help_text=DATE_HELP)
    sort = forms.ChoiceField(
        label="ترتیب", choices=SORT_CHOICES, required=False, initial="relevance"
    )

    def clean_q(self):
        # Long pastes are cut, not refused: the first words are what the reader meant.
        return normalize_persian(self.cleaned_data["q"][:MAX_QUERY_LENGTH]).strip()

    def clean_tag(self):
        return normalize_persian(self.cleaned_data["tag"]).strip()

    def clean_sort(self):
        return self.cleaned_data["sort"] or "relevance"

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "«تا تاریخ» نباید پیش از «از تاریخ» باشد.")
        return cleaned

    def full_clean(self):
        super().full_clean()
        # Point each field with an error at its message (the template gives it this id).
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"search-{name}-error"

    @property
    def has_filters(self):
        data = getattr(self, "cleaned_data", {})
        return any(data.get(name) for name in ("section", "tag", "date_from", "date_to"))

    def published_range(self):
        """The filter dates as Gregorian dates, the end one excluded: the end date counts whole."""
        start, end = self.cleaned_data.get("date_from"), self.cleaned_data.get("date_to")
        return start, end + datetime.timedelta(days=1) if end else None
