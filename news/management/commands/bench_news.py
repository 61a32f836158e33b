from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from news.bench.common import require_bench_database
from news.bench.pages import bench_paths, create_articles, measure
from news.models import NewsPage


class Command(BaseCommand):
    help = (
        "Fill a throwaway database with news (bulk) and time the home page, news index, a tag page "
        "and an article in process. Refuses to run unless the database name contains 'bench'; "
        "`make bench` sets that up."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20_000)
        parser.add_argument("--repeat", type=int, default=50, help="timed requests per page")

    def handle(self, *args, **options):
        name = require_bench_database()
        # Timings measure the code, not a DEBUG toolbar or SQL logging.
        settings.DEBUG = False
        self.stdout.write(f"database: {connection.vendor} {name}")
        added = create_articles(options["articles"], self.stdout)
        self.stdout.write(f"articles: {NewsPage.objects.count()} ({added} added now)")
        # A live database keeps planner statistics up to date (autovacuum); bulk loading does not.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        self.stdout.write(f"cache: {cache}; {options['repeat']} timed requests per page\n")
        self.stdout.write(f"{'page':<22}{'status':>7}{'queries':>9}{'median ms':>11}{'p95 ms':>9}")
        for row in measure(bench_paths(), options["repeat"]):
            self.stdout.write(
                f"{row['label']:<22}{row['status']:>7}{row['queries']:>9}"
                f"{row['median']:>11.1f}{row['p95']:>9.1f}"
            )
