"""Query rules for news, in one place: what is published, and what a listing needs to render."""

import datetime

from django.db.models import Exists, OuterRef, Prefetch, Sum
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import PageManager, PageQuerySet

FEED_RENDITION = "width-800|format-jpeg"
MOST_READ_DAYS = 7


class NewsPageQuerySet(PageQuerySet):
    def published(self):
        return self.live().public()

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

    def tagged(self, tag_ids):
        """Articles with any of these tags. EXISTS rather than a join: the database can then walk
        the newest-first index and stop after one page, even for a tag on every article."""
        from news.models.pages import NewsPageTag

        shares_a_tag = NewsPageTag.objects.filter(content_object=OuterRef("pk"), tag_id__in=tag_ids)
        return self.filter(Exists(shares_a_tag))

    def in_month(self, start, end):
        """Articles published from one Gregorian date up to (not including) another, Tehran time."""
        tz = timezone.get_current_timezone()
        return self.filter(
            published_at__gte=datetime.datetime.combine(start, datetime.time(), tzinfo=tz),
            published_at__lt=datetime.datetime.combine(end, datetime.time(), tzinfo=tz),
        )

    def most_read(self, days=MOST_READ_DAYS):
        since = timezone.localdate() - datetime.timedelta(days=days)
        return (
            self.published()
            .filter(daily_views__day__gte=since)
            .annotate(recent_views=Sum("daily_views__count"))
            .order_by("-recent_views", "-published_at")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)
