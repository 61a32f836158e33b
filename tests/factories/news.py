"""Builders for news tests: real pages in the real tree, published like an editor would."""

import datetime
import io
import itertools

from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.images.models import Image

from news.models import NewsIndexPage, NewsPage, NewsSection, PinnedRelatedNews

_sequence = itertools.count(1)


def news_index(home_page):
    index = NewsIndexPage.objects.first()
    if index is None:
        index = NewsIndexPage(title="اخبار", slug="news")
        home_page.add_child(instance=index)
        index.save_revision().publish()
    return index


def section(name="اشتغال", slug=None):
    found = NewsSection.objects.filter(name=name).first()
    return found or NewsSection.objects.create(name=name, slug=slug or "")


def image(title="تصویر", width=64, height=48):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (30, 90, 140)).save(buffer, "JPEG")
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"news-{next(_sequence)}.jpg")
    )


def article(index, publish=True, tags=(), published_at=None, pinned=(), **fields):
    number = next(_sequence)
    fields.setdefault("title", f"خبر آزمایشی شمارهٔ {number}")
    fields.setdefault("slug", f"خبر-{number}")
    fields.setdefault("lead", "لید خبر آزمایشی دربارهٔ خدمات بهزیستی خوزستان.")
    page = NewsPage(published_at=published_at, **fields)
    page.tags.set(list(tags))
    for related in pinned:
        page.pinned_related.add(PinnedRelatedNews(related=related))
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def datetime_in_tehran(*parts):
    return timezone.make_aware(datetime.datetime(*parts), timezone.get_fixed_timezone(210))
