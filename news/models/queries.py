"""Query rules for news, in one place: what is published, and what a listing needs to render."""

import datetime

from persiantools.jdatetime import JalaliDate

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Prefetch, Q, Sum
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import PageManager, PageQuerySet, PageViewRestriction

from news import fragments
from portal.text import latin_digits

MOST_READ_DAYS = 7
# News codes are numbers of at most this many digits (the old portal's went up to seven).
MAX_CODE_DIGITS = 10


def restricted_paths():
    """Tree paths of the pages with a view restriction, kept until content changes (a
    restriction is a wagtailcore row, news/fragments.py). Wagtail's `public()` reads every
    restriction on each call, so each listing asked for them again."""
    key = f"news:restricted-paths:{fragments.generation()}"
    paths = cache.get(key)
    if paths is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        cache.set(key, paths, fragments.FRAGMENT_TIMEOUT)
    return paths


class NewsPageQuerySet(PageQuerySet):
    def published(self):
        # `listed` is the article row's copy of `live` (pages.py): the filter stays on one table.
        return self.filter(listed=True).outside_restricted_pages()

    def outside_restricted_pages(self):
        """Wagtail's `public()`: nothing under a page with a view restriction."""
        restricted = Q()
        for path in restricted_paths():
            restricted |= Q(path__startswith=path)
        return self.exclude(restricted) if restricted else self

    def jalali_months(self):
        """The (year, month) pairs of the Jalali months that have at least one article, newest
        first. One query over distinct publishing days (Tehran time): Jalali months do not line up
        with the Gregorian months a database can group by."""
        days = self.published().datetimes("published_at", "day", order="DESC")
        months = []
        for day in days:
            jalali = JalaliDate(day.date())
            if (jalali.year, jalali.month) not in months:
                months.append((jalali.year, jalali.month))
        return months

    def newest_first(self):
        return self.order_by("-published_at", "-news_code")

    def for_listing(self):
        """Everything a listing card shows, in a fixed number of queries whatever the count.

        All renditions of the images are prefetched: with a prefetch, Wagtail looks for a
        rendition only among the prefetched ones, so naming specs here that differ in spelling
        from the template's would make it regenerate files on every request.
        """
        images = get_image_model().objects.prefetch_renditions()
        return (
            self.published()
            .newest_first()
            .defer_streamfields()  # cards never show the body; it is most of a row's size
            .select_related("section")
            .prefetch_related(Prefetch("main_image", queryset=images))
        )

    def tagged(self, tag_ids, searchable=False):
        """Articles with any of these tags. EXISTS rather than a join: the database can then walk
        the newest-first index and stop after one page, even for a tag on every article.

        A queryset that will be searched says `searchable=True`: search backends turn only plain
        field lookups into their own filters, so they get the same rule as `pk IN (...)`.
        """
        tagged_items = self.model.tags.through.objects.filter(tag_id__in=tag_ids)
        if searchable:
            return self.filter(pk__in=tagged_items.values("content_object_id"))
        return self.filter(Exists(tagged_items.filter(content_object=OuterRef("pk"))))

    def published_between(self, start=None, end=None):
        """Articles published from one Gregorian date up to (not including) another, Tehran time;
        either end may be open."""
        tz = timezone.get_current_timezone()
        articles = self
        if start:
            since = datetime.datetime.combine(start, datetime.time(), tzinfo=tz)
            articles = articles.filter(published_at__gte=since)
        if end:
            articles = articles.filter(
                published_at__lt=datetime.datetime.combine(end, datetime.time(), tzinfo=tz)
            )
        return articles

    def with_code(self, code):
        """The published article with this news code, typed in any digits; None if there is none
        or the code is not a number."""
        code = latin_digits(str(code))
        if not code.isdigit() or len(code) > MAX_CODE_DIGITS:
            return None
        return self.published().filter(news_code=int(code)).first()

    def most_read(self, days=MOST_READ_DAYS):
        since = timezone.localdate() - datetime.timedelta(days=days)
        return (
            self.published()
            .filter(daily_views__day__gte=since)
            .annotate(recent_views=Sum("daily_views__count"))
            .order_by("-recent_views", "-published_at")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)
