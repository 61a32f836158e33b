import re
import shutil
import subprocess

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.encoding import iri_to_uri

from news.bench.common import require_bench_database
from news.bench.pages import (
    MODES,
    SEARCH_ITSELF_P95,
    SEARCH_WORDS,
    bench_paths,
    create_articles,
    measure,
    measure_search_itself,
)
from news.models import NewsPage


def target_text(target):
    milliseconds, queries = target
    return f"≤{milliseconds} ms" + (f", ≤{queries} q" if queries else " + search")


def met(row, target, search_itself=None):
    milliseconds, queries = target
    if queries is None:  # the search page: its own time is what is left besides the search
        return search_itself is not None and row["median"] - search_itself["median"] <= milliseconds
    return row["median"] <= milliseconds and row["queries"] <= queries


class Command(BaseCommand):
    help = (
        "Grow a throwaway database of news (bulk) to each size in turn and time every page type "
        "in process at each size, beside the targets; --wrk URL also loads a running server "
        "(`make serve`) with wrk. Refuses to run unless the database name contains 'bench'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            default="2000,20000",
            help="archive sizes to measure at, ascending (a database already larger skips a size)",
        )
        parser.add_argument("--repeat", type=int, default=100, help="timed requests per page")
        parser.add_argument(
            "--wrk",
            metavar="URL",
            help="also run wrk against this server, e.g. http://127.0.0.1:8000",
        )
        parser.add_argument("--wrk-seconds", type=int, default=10)
        parser.add_argument("--wrk-connections", type=int, default=16)

    def handle(self, *args, **options):
        name = require_bench_database()
        # Timings measure the code, not a DEBUG toolbar or SQL logging.
        settings.DEBUG = False
        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        self.stdout.write(f"database: {connection.vendor} {name}; cache: {cache}")
        try:
            sizes = sorted(int(size) for size in str(options["articles"]).split(","))
        except ValueError as error:
            raise CommandError(
                "--articles: اندازه‌ها را با ویرگول جدا کنید، مثلاً 2000,20000"
            ) from error
        for size in sizes:
            if NewsPage.objects.count() > size:
                self.stdout.write(f"\n{size} articles: skipped, the database already has more")
                continue
            added = create_articles(size, self.stdout)
            # A live database keeps planner statistics current (autovacuum); bulk loading does not.
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            self.report(size, added, options)

    def report(self, size, added, options):
        count = NewsPage.objects.count()
        self.stdout.write(
            f"\n{count} articles ({added} added now); {options['repeat']} timed requests per page"
        )
        paths = bench_paths()
        search_itself = measure_search_itself(options["repeat"])
        self.stdout.write(
            f"the search itself «{SEARCH_WORDS}» (results, count, other groups): "
            f"median {search_itself['median']:.1f} ms, p95 {search_itself['p95']:.1f} ms "
            f"(target p95 < {SEARCH_ITSELF_P95} ms: "
            f"{'yes' if search_itself['p95'] < SEARCH_ITSELF_P95 else 'NO'})"
        )
        for mode, how in MODES.items():
            self.stdout.write(
                f"{mode:<20}{'status':>7}{'queries':>8}{'median ms':>10}{'p95 ms':>8}"
                f"  {'target':<18}met"
            )
            rows = measure(paths, options["repeat"], **how)
            for (_label, _path, target), row in zip(paths, rows, strict=True):
                self.stdout.write(
                    f"  {row['label']:<18}{row['status']:>7}{row['queries']:>8}"
                    f"{row['median']:>10.1f}{row['p95']:>8.1f}  {target_text(target):<18}"
                    f"{'yes' if met(row, target, search_itself) else 'NO'}"
                )
                if target[1] is None:
                    self.stdout.write(
                        f"  {'  without search':<18}{'':>7}{'':>8}"
                        f"{row['median'] - search_itself['median']:>10.1f}{'':>8}  "
                        f"{target_text(target)}"
                    )
        if options["wrk"]:
            self.run_wrk(options, paths)

    def run_wrk(self, options, paths):
        wrk = shutil.which("wrk")
        if not wrk:
            raise CommandError("wrk نصب نیست (apt-get install wrk).")
        seconds, connections = options["wrk_seconds"], options["wrk_connections"]
        self.stdout.write(f"wrk against {options['wrk']}: {connections} connections, {seconds} s")
        self.stdout.write(f"{'page':<20}{'req/s':>9}{'latency':>12}")
        for label, path, _target in paths:
            result = subprocess.run(  # noqa: S603 - fixed program, arguments from our own options
                [
                    wrk,
                    "-t2",
                    f"-c{connections}",
                    f"-d{seconds}s",
                    options["wrk"].rstrip("/") + iri_to_uri(path),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
            latency = re.search(r"Latency\s+(\S+)", result.stdout)
            self.stdout.write(
                f"{label:<20}{rate.group(1) if rate else '?':>9}"
                f"{latency.group(1) if latency else '?':>12}"
            )
