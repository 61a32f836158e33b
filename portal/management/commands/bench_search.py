"""Fill a disposable database with news and time searches: median and p95 in milliseconds.

    make bench-search                       # SQLite, var/bench-search.sqlite3
    make bench-search BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_search

Articles are written in bulk (pages, tags, search index), not one by one through Wagtail's
publishing, so 20,000 take a minute or two. Only a database whose name contains "bench" is used.
"""

import itertools
import json
import random
import statistics
import time

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from taggit.models import Tag
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

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


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Fill a disposable database with news and print median and p95 search times."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20_000)
        parser.add_argument("--rounds", type=int, default=5, help="times each query runs")
        parser.add_argument("--seed", type=int, default=1405)
        parser.add_argument(
            "--keep", action="store_true", help="reuse the articles already in the database"
        )
        parser.add_argument("--fill-only", action="store_true", help="fill, do not measure")

    def handle(self, *args, **options):
        name = str(connection.settings_dict["NAME"])
        if "bench" not in name:
            raise CommandError(
                f"The database «{name}» is not a benchmark database: its name must contain "
                "'bench'. Use `make bench-search`, which sets one up."
            )
        rng = random.Random(options["seed"])  # noqa: S311 - sample text, not secrets
        existing = NewsPage.objects.count()
        if not options["keep"] or existing < options["articles"]:
            started = time.perf_counter()
            self.fill(rng, options["articles"] - (existing if options["keep"] else 0))
            self.stdout.write(
                f"filled {NewsPage.objects.count()} articles and their search index "
                f"in {time.perf_counter() - started:.0f} s"
            )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")  # what autovacuum does on a live database
        if not options["fill_only"]:
            self.measure(options["rounds"])

    def news_index(self):
        index = NewsIndexPage.objects.first()
        if index is None:
            home = Site.objects.get(is_default_site=True).root_page
            index = home.add_child(instance=NewsIndexPage(title="اخبار", slug="news"))
        return index

    def fill(self, rng, count):
        if count <= 0:
            return
        index = self.news_index()
        words = vocabulary(rng)
        sections = [
            NewsSection.objects.get_or_create(name=name)[0]
            for name in ("اجتماعی", "اشتغال", "توانبخشی", "پیشگیری", "استانی")
        ]
        tags = [
            Tag.objects.get_or_create(name=word, slug=f"bench-{n}")[0]
            for n, word in enumerate(WORDS[:60])
        ]
        content_type = ContentType.objects.get_for_model(NewsPage)
        next_code = (
            NewsPage.objects.order_by("-news_code").values_list("news_code", flat=True).first() or 0
        ) + 1
        next_step = index.numchild + 1
        now = timezone.now()
        batch_size = 1000
        for batch_start in range(0, count, batch_size):
            pages = []
            for offset in range(min(batch_size, count - batch_start)):
                number = batch_start + offset
                published = now - timezone.timedelta(minutes=37 * number)
                title = sentence(rng, rng.randint(5, 10), words)
                body = [
                    {"type": "paragraph", "value": f"<p>{text}</p>"}
                    for text in (sentence(rng, rng.randint(40, 80), words) for _ in range(3))
                ]
                pages.append(
                    NewsPage(
                        title=title,
                        draft_title=title,
                        slug=f"bench-{next_code + number}",
                        path=Page._get_path(index.path, index.depth + 1, next_step + number),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}bench-{next_code + number}/",
                        content_type=content_type,
                        locale_id=index.locale_id,
                        live=True,
                        first_published_at=published,
                        last_published_at=published,
                        published_at=published,
                        over_title=sentence(rng, 4, words) if rng.random() < 0.5 else "",
                        lead=sentence(rng, rng.randint(20, 35), words),
                        body=json.dumps(body, ensure_ascii=False),
                        section=rng.choice(sections),
                        news_code=next_code + number,
                    )
                )
            with transaction.atomic():
                self.insert_pages(pages)
                NewsPageTag.objects.bulk_create(
                    NewsPageTag(content_object_id=page.pk, tag=tag)
                    for page in pages
                    for tag in rng.sample(tags, rng.randint(1, 4))
                )
            created = NewsPage.objects.filter(pk__in=[page.pk for page in pages]).prefetch_related(
                "tags"
            )
            get_search_backend().add_bulk(NewsPage, list(created))
            self.stdout.write(f"  {batch_start + len(pages)} / {count}")
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)

    def insert_pages(self, pages):
        """Page rows in bulk, then the NewsPage rows that extend them (Django cannot bulk-create
        a model with a parent table, so the child rows go in with one executemany)."""
        parents = Page.objects.bulk_create(
            [
                Page(
                    **{
                        field.attname: getattr(page, field.attname)
                        for field in Page._meta.concrete_fields
                        if not field.primary_key
                    }
                )
                for page in pages
            ]
        )
        fields = [field for field in NewsPage._meta.local_concrete_fields]
        for page, parent in zip(pages, parents, strict=True):
            page.pk = page.id = page.page_ptr_id = parent.pk
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        marks = ", ".join(["%s"] * len(fields))
        rows = [
            [field.get_db_prep_save(field.pre_save(page, add=True), connection) for field in fields]
            for page in pages
        ]
        table = connection.ops.quote_name(NewsPage._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)  # noqa: S608

    def measure(self, rounds):
        articles = NewsPage.objects.live().public()
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
                self.stdout.write(f"  {query!r:28} {total:6d} results  {search_times[-1]:7.1f} ms")
        vendor = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}.get(
            connection.vendor, connection.vendor
        )
        count = NewsPage.objects.count()
        for label, times in (
            ("search (count + first 10)", search_times),
            ("whole /search/ page", page_times),
            ("whole /search/ page sorted by date", by_date_times),
        ):
            self.stdout.write(
                f"{vendor}, {count} articles, {label}: median {statistics.median(times):.1f} ms, "
                f"p95 {percentile(times, 0.95):.1f} ms ({len(times)} runs)"
            )
