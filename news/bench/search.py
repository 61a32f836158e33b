"""Search benchmark: news of realistic word frequencies in bulk, then timed searches.

Articles are written in bulk (pages, tags, search index), not one by one through Wagtail's
publishing, so 20,000 take a minute or two.
"""

import itertools
import statistics
import time
import uuid

from django.core.management.base import CommandError
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from taggit.models import Tag
from wagtail.models import Site
from wagtail.search.backends import get_search_backend

from news.bench.common import insert_articles, next_news_code, percentile
from news.models import NewsIndexPage, NewsPage, NewsPageTag, NewsSection
from portal.text import ZWNJ

WORD_LINES = (
    "بهزیستی خوزستان اهواز دزفول آبادان خرمشهر شوشتر بهبهان ماهشهر ایذه مسجدسلیمان اندیمشک ",
    "کودکان نوجوانان سالمندان معلولان مددجویان خانواده زنان سرپرست خانوار توانبخشی اشتغال ",
    "مسکن مستمری درمان آموزش مشاوره پیشگیری اعتیاد طلاق کودک آزاری ازدواج کمک هزینه بیمه ",
    "ویلچر سمعک عصا نابینا ناشنوا اوتیسم سندرم داون مهدکودک شیرخوارگاه خیرین نیکوکاری ",
    "جشنواره همایش نشست دیدار افتتاح بازدید طرح برنامه سامانه پرونده درخواست ثبت نام ",
    "استان شهرستان مدیرکل معاون رئیس اداره مرکز سازمان کشور دولت مجلس بودجه اعتبار میلیارد ",
    "ریال تومان سال ماه هفته امروز فردا گذشته آینده نخستین بزرگ کوچک تازه مهم ویژه ملی ",
    "گزارش خبر اطلاعیه فراخوان آزمون پذیرش مهلت شرایط مدارک نشانی تلفن پیامک اورژانس ",
    "اجتماعی صدای مشاور رایگان فوری حمایت پوشش خدمات مراقبت بهداشت سلامت روان پزشکی ",
    "گفت افزود کرد شد است بود دارد کردند شدند می‌شود می‌کند می‌رود نمی‌شود خواهد ",
    "کتاب‌ها برنامه‌ها خانه‌ها بزرگ‌ترین بیشترین همکاری مشارکت آموزشی درمانی حمایتی",
)
WORDS = [word for line in WORD_LINES for word in line.split()]
# Spellings readers and old articles use: Arabic letters, detached parts, other digits.
VARIANTS = {"ی": "ي", "ک": "ك"}
# Made-up words fill out a vocabulary of news size, so that word frequencies follow Zipf's law
# as in real text: the organisation's name is in nearly every article, «سمعک» in a few percent.
SYLLABLES = ("با", "دا", "را", "سا", "کا", "ما", "نا", "تو", "رو", "زی", "شی", "فی", "گل", "مه")
SYNTHETIC_WORDS = 6000
COMMON_WORDS = 12  # the first real words are the most frequent ones
QUERIES = [
    "بهزیستی",
    "توانبخشی",
    "مستمری",
    "اشتغال مددجویان",
    "کودکان اوتیسم",
    "سمعک",
    "مهدکودک اهواز",
    "زنان سرپرست خانوار",
    "كودكان",
    "مي‌رود",
    "می رود",
    "کتابها",
    "بزرگ ترین",
    "۱۴۰۳",
    "1480",
    "سندرم داون دزفول",
    "فراخوان پذیرش",
    "ویلچر",
    "خیرین نیکوکاری",
    "زرافه",
    '"',
    "AND OR",
]


def vocabulary(rng):
    """Words by frequency rank: a few real ones first, the rest spread among made-up ones."""
    made_up = set()
    while len(made_up) < SYNTHETIC_WORDS:
        made_up.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    ranked = list(WORDS[:COMMON_WORDS])
    rare = list(WORDS[COMMON_WORDS:])
    made_up = sorted(made_up)
    rng.shuffle(made_up)
    step = len(made_up) // (len(rare) + 1)
    for index, word in enumerate(made_up):
        ranked.append(word)
        if rare and index % step == step // 2:
            ranked.append(rare.pop(0))
    ranked.extend(rare)
    weights = [1 / (rank + 1) for rank in range(len(ranked))]
    return ranked, list(itertools.accumulate(weights))


def sentence(rng, length, words):
    ranked, cumulative = words
    words = rng.choices(ranked, cum_weights=cumulative, k=length)
    if rng.random() < 0.1:
        words.insert(rng.randrange(length), rng.choice(["۱۴۰۳", "1480", "۱۲۳", "٢٠٠"]))
    text = " ".join(words)
    if rng.random() < 0.3:
        text = text.translate(str.maketrans(VARIANTS))
    if rng.random() < 0.2:
        text = text.replace(ZWNJ, " ")
    return text


def news_index():
    index = NewsIndexPage.objects.first()
    if index is None:
        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(instance=NewsIndexPage(title="اخبار", slug="news"))
    return index


def fill(rng, count, stdout):
    if count <= 0:
        return
    index = news_index()
    words = vocabulary(rng)
    sections = [
        NewsSection.objects.get_or_create(name=name)[0]
        for name in ("اجتماعی", "اشتغال", "توانبخشی", "پیشگیری", "استانی")
    ]
    tags = [
        Tag.objects.get_or_create(name=word, slug=f"bench-{n}")[0]
        for n, word in enumerate(WORDS[:60])
    ]
    next_code = next_news_code()
    now = timezone.now()
    batch_size = 1000
    for batch_start in range(0, count, batch_size):
        pages = []
        for offset in range(min(batch_size, count - batch_start)):
            number = batch_start + offset
            published = now - timezone.timedelta(minutes=37 * number)
            body = [
                {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
                for text in (sentence(rng, rng.randint(40, 80), words) for _ in range(3))
            ]
            pages.append(
                NewsPage(
                    title=sentence(rng, rng.randint(5, 10), words),
                    slug=f"bench-{next_code + number}",
                    first_published_at=published,
                    last_published_at=published,
                    published_at=published,
                    over_title=sentence(rng, 4, words) if rng.random() < 0.5 else "",
                    lead=sentence(rng, rng.randint(20, 35), words),
                    body=body,
                    section=rng.choice(sections),
                    news_code=next_code + number,
                )
            )
        with transaction.atomic():
            insert_articles(index, pages)
            NewsPageTag.objects.bulk_create(
                NewsPageTag(content_object_id=page.pk, tag=tag)
                for page in pages
                for tag in rng.sample(tags, rng.randint(1, 4))
            )
        created = NewsPage.objects.filter(pk__in=[page.pk for page in pages]).prefetch_related(
            "tags"
        )
        get_search_backend().add_bulk(NewsPage, list(created))
        stdout.write(f"  {batch_start + len(pages)} / {count}")


def measure(rounds, stdout):
    articles = NewsPage.objects.published()
    search_times, page_times, by_date_times = [], [], []
    client = Client(HTTP_HOST="localhost")
    for query in QUERIES * rounds:
        started = time.perf_counter()
        results = articles.search(query)
        total = results.count()
        list(results[:10])
        search_times.append((time.perf_counter() - started) * 1000)
        for times, sort in ((page_times, "relevance"), (by_date_times, "date")):
            started = time.perf_counter()
            response = client.get("/search/", {"q": query, "sort": sort}, HTTP_HOST="localhost")
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise CommandError(f"/search/?q={query} answered {response.status_code}")
        if rounds == 1 or len(search_times) <= len(QUERIES):
            stdout.write(f"  {query!r:28} {total:6d} results  {search_times[-1]:7.1f} ms")
    vendor = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}.get(
        connection.vendor, connection.vendor
    )
    count = NewsPage.objects.count()
    for label, times in (
        ("search (count + first 10)", search_times),
        ("whole /search/ page", page_times),
        ("whole /search/ page sorted by date", by_date_times),
    ):
        stdout.write(
            f"{vendor}, {count} articles, {label}: median {statistics.median(times):.1f} ms, "
            f"p95 {percentile(times, 0.95):.1f} ms ({len(times)} runs)"
        )
