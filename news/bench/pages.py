"""Benchmark data and timing for news pages: bulk articles, then in-process request timings."""

import datetime
import io
import random
import statistics
import time
import uuid
from urllib.parse import quote

from persiantools.jdatetime import JalaliDate
from PIL import Image as PILImage

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from django.utils.text import slugify

from taggit.models import Tag
from wagtail.images import get_image_model

from news import fragments
from news.bench.common import insert_articles, next_news_code, percentile
from news.listing import PAGE_SIZE, JalaliMonth
from news.models import NewsDailyViews, NewsIndexPage, NewsPage, NewsPageTag, NewsSection
from news.search.forms import SearchForm
from news.search.views import news_queryset, other_results
from portal.search.highlight import match_pattern

BATCH = 500
# Real newsrooms tag like Zipf's law: a handful of tags on thousands of articles, most on a few.
TAG_COUNT = 1500
TAG_WEIGHTS = [1 / rank for rank in range(1, TAG_COUNT + 1)]
SECTION_WEIGHTS = [40, 25, 15, 10, 6, 4]
SECTIONS = ["اجتماعی", "اشتغال", "توانبخشی", "شهرستان‌ها", "پیشگیری", "کودکان و نوجوانان"]
PLACES = ["اهواز", "دزفول", "آبادان", "خرمشهر", "شوشتر", "بهبهان", "ماهشهر", "ایذه", "اندیمشک"]
SUBJECTS = [
    "افتتاح مرکز توانبخشی روزانه",
    "پرداخت تسهیلات اشتغال به مددجویان",
    "غربالگری شنوایی نوزادان",
    "آموزش مهارت‌های زندگی به نوجوانان",
    "دیدار با سالمندان",
    "برگزاری کارگاه پیشگیری از اعتیاد",
    "تحویل مسکن به خانواده‌های دارای دو معلول",
    "جشن ازدواج زوج‌های مددجو",
]
SENTENCES = [
    "مدیرکل بهزیستی خوزستان در این مراسم از افزایش پوشش خدمات توانبخشی در استان خبر داد.",
    "خانواده‌های تحت پوشش می‌توانند برای ثبت‌نام به ادارهٔ بهزیستی شهرستان خود مراجعه کنند.",
    "این طرح با همکاری خیران و سازمان‌های مردم‌نهاد استان اجرا می‌شود.",
    "شمارهٔ ۱۲۳ اورژانس اجتماعی و ۱۴۸۰ صدای مشاور به‌صورت شبانه‌روزی پاسخگو هستند.",
    "به گفتهٔ مسئولان، اعتبار این برنامه نسبت به سال گذشته دو برابر شده است.",
]


def make_images(count):
    images = []
    for number in range(count):
        buffer = io.BytesIO()
        colour = (20 + number * 9 % 200, 80, 140)
        PILImage.new("RGB", (1600, 900), colour).save(buffer, "JPEG", quality=80)
        images.append(
            get_image_model().objects.create(
                title=f"تصویر آزمایشی {number + 1}",
                file=ImageFile(buffer, name=f"bench-{number + 1}.jpg"),
            )
        )
    return images


def body_for(rng):
    paragraphs = []
    for _ in range(4):
        text = " ".join(rng.choice(SENTENCES) for _ in range(5))
        paragraphs.append({"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())})
    return paragraphs


@transaction.atomic
def create_articles(total, stdout, seed=1405, image_count=20):
    """Add articles until there are `total`; returns how many were added."""
    rng = random.Random(seed)  # noqa: S311 - repeatable sample data, not secrets
    index = NewsIndexPage.objects.get()
    missing = total - NewsPage.objects.count()
    if missing <= 0:
        return 0
    sections = [NewsSection.objects.get_or_create(name=name)[0] for name in SECTIONS]
    tags = []
    for number in range(TAG_COUNT):
        name = f"{rng.choice(PLACES)} {number + 1}" if number else "خوزستان"
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(
            name=name, slug=slugify(name, allow_unicode=True)
        )
        tags.append(tag)
    images = make_images(image_count)
    next_code = next_news_code()
    now = timezone.now()
    for start in range(0, missing, BATCH):
        articles = []
        for offset in range(min(BATCH, missing - start)):
            number = start + offset
            code = next_code + number
            published = now - datetime.timedelta(minutes=37 * (missing - number))
            articles.append(
                NewsPage(
                    title=f"{rng.choice(SUBJECTS)} در {rng.choice(PLACES)} ({code})",
                    slug=f"خبر-سنجش-{code}",
                    first_published_at=published,
                    last_published_at=published,
                    over_title=rng.choice(["", "", "گزارش", "با حمایت خیران"]),
                    lead=" ".join(rng.choice(SENTENCES) for _ in range(2)),
                    body=body_for(rng),
                    main_image=rng.choice(images),
                    main_image_decorative=True,
                    published_at=published,
                    section=rng.choices(sections, SECTION_WEIGHTS)[0],
                    news_code=code,
                )
            )
        insert_articles(index, articles)
        NewsPageTag.objects.bulk_create(
            NewsPageTag(content_object_id=article.pk, tag=tag)
            for article in articles
            for tag in set(rng.choices(tags, TAG_WEIGHTS, k=3))
        )
        NewsDailyViews.objects.bulk_create(
            NewsDailyViews(page_id=article.pk, day=timezone.localdate(), count=rng.randint(1, 500))
            for article in articles[-50:]
        )
        stdout.write(f"  {start + len(articles)} / {missing}")
    return missing


# How a page is served: to the second anonymous reader (whole page from the cache), with the
# page cache off (every other cache warm), and to the first reader after an edit (nothing cached).
MODES = {
    "page cached": {"page_cache": True, "after_edit": False},
    "page cache off": {"page_cache": False, "after_edit": False},
    "after an edit": {"page_cache": True, "after_edit": True},
}


def measure(paths, repeat, page_cache=True, after_edit=False):
    """Queries and render time (ms) per path, timed in process through Django's test client."""
    client = Client(HTTP_HOST="localhost")
    results = []
    with override_settings(PAGE_CACHE_SECONDS=settings.PAGE_CACHE_SECONDS if page_cache else 0):
        for label, path, *_ in paths:
            for _ in range(3):  # warm caches (templates, renditions, site root paths)
                client.get(path)
            timings = []
            for _ in range(repeat):
                if after_edit:
                    fragments.start_new_generation()
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(path)
                    timings.append((time.perf_counter() - started) * 1000)
            results.append(
                {
                    "label": label,
                    "path": path,
                    "status": response.status_code,
                    "queries": len(queries.captured_queries),
                    "median": statistics.median(timings),
                    "p95": percentile(timings, 0.95),
                }
            )
    return results


SEARCH_WORDS = "بهزیستی"
# The search itself (issue 6's target): p95 in ms.
SEARCH_ITSELF_P95 = 100


def measure_search_itself(repeat, words=SEARCH_WORDS):
    """The search page's own search, as its view runs it (the news results' first page and their
    count, and the other apps' groups), timed without the page around it."""
    request = RequestFactory().get("/search/", {"q": words})
    timings = []
    for attempt in range(repeat + 3):
        started = time.perf_counter()
        form = SearchForm(request.GET)
        form.is_valid()
        query = form.cleaned_data["q"]
        articles = news_queryset(form).search(query, order_by_relevance=True)
        page = Paginator(articles, 10).get_page(1)
        list(page)
        page.paginator.count  # noqa: B018 - the count the page shows
        other_results(query, match_pattern(query))
        if attempt >= 3:  # the first ones warm the connection and the planner
            timings.append((time.perf_counter() - started) * 1000)
    return {"median": statistics.median(timings), "p95": percentile(timings, 0.95)}


# What each page should cost at any archive size (issue 15): in-process median ms, warm queries.
ARTICLE_TARGET = (5, 6)
LISTING_TARGET = (4, 5)
SEARCH_TARGET = (8, None)


def bench_paths():
    """(label, path, target) for every page type readers reach, chosen the same way at any size."""
    index = NewsIndexPage.objects.get()
    article = NewsPage.objects.published().newest_first().first()
    tag_counts = NewsPageTag.objects.values("tag").annotate(uses=Count("id")).order_by("-uses")
    common_tag = Tag.objects.get(pk=tag_counts.first()["tag"])
    rare_tag = Tag.objects.get(pk=tag_counts.last()["tag"])
    section = NewsSection.objects.annotate(uses=Count("pages")).order_by("-uses").first()
    published = JalaliDate(timezone.localtime(article.published_at).date())
    month = JalaliMonth(published.year, published.month)
    month = month.previous()  # a full month, not the current partial one
    deep_page = max(1, NewsPage.objects.published().count() // PAGE_SIZE // 2)
    return [
        ("article", article.url, ARTICLE_TARGET),
        ("home", "/", LISTING_TARGET),
        ("news index", index.url, LISTING_TARGET),
        (f"news index p.{deep_page}", f"{index.url}?page={deep_page}", LISTING_TARGET),
        ("section", index.section_url(section), LISTING_TARGET),
        ("tag (common)", index.tag_url(common_tag), LISTING_TARGET),
        ("tag (rare)", index.tag_url(rare_tag), LISTING_TARGET),
        ("archive month", index.archive_url(month), LISTING_TARGET),
        ("search", "/search/?q=" + quote(SEARCH_WORDS), SEARCH_TARGET),
    ]
