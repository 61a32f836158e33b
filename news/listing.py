"""Paging and Jalali-month helpers for news listings."""

import hashlib

from persiantools.jdatetime import JalaliDate

from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property

from news import fragments
from portal.jalali import gregorian_month_range, month_name
from portal.text import latin_digits, persian_digits

PAGE_SIZE = 12
FIRST_ARCHIVE_YEAR = 1300


class IdsFirstPaginator(Paginator):
    """Finds a page's ids in a subquery of the article table alone, then loads those rows.

    An OFFSET deep into a listing then skips index entries (the ids are in the newest-first
    index) instead of joining and reading every skipped article's page row.

    The count is kept until any content changes (news/fragments.py): publishing, unpublishing,
    moving an article to another section or retagging it all start a new generation.
    """

    @cached_property
    def count(self):
        sql, params = self.object_list.query.sql_with_params()
        query = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
        key = f"news:listing-count:{fragments.generation()}:{query}"
        count = cache.get(key)
        if count is None:
            count = super().count
            cache.set(key, count, fragments.FRAGMENT_TIMEOUT)
        return count

    def page(self, number):
        # Django's own bounds (Paginator.page), with the rows loaded by id.
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.object_list.values("pk")[bottom:top]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)


def paginate(request, queryset, per_page=PAGE_SIZE):
    """A page of results; `?page=abc` gives the first page and a page past the end the last."""
    return IdsFirstPaginator(queryset, per_page).get_page(request.GET.get("page"))


def page_links(page_obj):
    """Page numbers around the current one, with gaps (None) where pages are skipped."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


class JalaliMonth:
    def __init__(self, year, month):
        self.year, self.month = year, month

    @classmethod
    def from_url(cls, year, month):
        """The month named in an archive address (Latin or Persian digits), or a 404."""
        try:
            year, month = int(latin_digits(year)), int(latin_digits(month))
        except ValueError as error:
            raise Http404("ماه نامعتبر") from error
        this_year = JalaliDate.today().year
        if not (FIRST_ARCHIVE_YEAR <= year <= this_year + 1 and 1 <= month <= 12):
            raise Http404("ماه نامعتبر")
        return cls(year, month)

    @classmethod
    def current(cls):
        today = JalaliDate(timezone.localdate())
        return cls(today.year, today.month)

    def gregorian_range(self):
        return gregorian_month_range(self.year, self.month)

    def previous(self):
        return (
            JalaliMonth(self.year - 1, 12)
            if self.month == 1
            else JalaliMonth(self.year, self.month - 1)
        )

    def next(self):
        return (
            JalaliMonth(self.year + 1, 1)
            if self.month == 12
            else JalaliMonth(self.year, self.month + 1)
        )

    @property
    def label(self):
        return persian_digits(f"{month_name(self.month)} {self.year}")

    @property
    def url_year(self):
        return str(self.year)

    @property
    def url_month(self):
        return f"{self.month:02d}"

    @property
    def url_args(self):
        return [self.url_year, self.url_month]

    def __eq__(self, other):
        return isinstance(other, JalaliMonth) and (self.year, self.month) == (
            other.year,
            other.month,
        )

    def __hash__(self):
        return hash((self.year, self.month))
