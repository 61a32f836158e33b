"""Benchmark data and timing for news pages: bulk articles, then in-process request timings."""

import datetime
import io
import random
import statistics
import time
import uuid

from PIL import Image as PILImage

from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify

from taggit.models import Tag
from wagtail.images import get_image_model

from news.bench.common import insert_articles, next_news_code, percentile
from news.models import NewsDailyViews, NewsIndexPage, NewsPage, NewsPageTag, NewsSection

BATCH = 500
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
    for number in range(300):
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
                    section=rng.choice(sections),
                    news_code=code,
                )
            )
        insert_articles(index, articles)
        NewsPageTag.objects.bulk_create(
            NewsPageTag(content_object_id=article.pk, tag=tag)
            for article in articles
            for tag in {tags[0], *rng.sample(tags, 3)}
        )
        NewsDailyViews.objects.bulk_create(
            NewsDailyViews(page_id=article.pk, day=timezone.localdate(), count=rng.randint(1, 500))
            for article in articles[-50:]
        )
        stdout.write(f"  {start + len(articles)} / {missing}")
    return missing


def measure(paths, repeat):
    """Queries and render time (ms) per path, timed in process through Django's test client."""
    client = Client(HTTP_HOST="localhost")
    results = []
    for label, path in paths:
        for _ in range(3):  # warm caches (templates, renditions, site root paths)
            client.get(path)
        timings = []
        for _ in range(repeat):
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


def bench_paths():
    index = NewsIndexPage.objects.get()
    article = NewsPage.objects.published().newest_first().first()
    tag = Tag.objects.get(name="خوزستان")
    return [
        ("home", "/"),
        ("news index", index.url),
        ("news index page 50", f"{index.url}?page=50"),
        ("tag page", index.tag_url(tag)),
        ("article", article.url),
    ]
