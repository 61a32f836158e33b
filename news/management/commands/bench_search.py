"""Fill a disposable database with news and time searches: median and p95 in milliseconds.

    make bench-search                       # SQLite, var/bench-search.sqlite3
    make bench-search BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_search

Only a database whose name contains "bench" is used (news/bench/common.py).
"""

import random
import time

from django.core.management.base import BaseCommand
from django.db import connection

from news.bench import search
from news.bench.common import require_bench_database
from news.models import NewsPage


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
        require_bench_database()
        rng = random.Random(options["seed"])  # noqa: S311 - sample text, not secrets
        existing = NewsPage.objects.count()
        if not options["keep"] or existing < options["articles"]:
            started = time.perf_counter()
            search.fill(
                rng, options["articles"] - (existing if options["keep"] else 0), self.stdout
            )
            self.stdout.write(
                f"filled {NewsPage.objects.count()} articles and their search index "
                f"in {time.perf_counter() - started:.0f} s"
            )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")  # what autovacuum does on a live database
        if not options["fill_only"]:
            search.measure(options["rounds"], self.stdout)
