from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from news.importer import MalformedFile, import_news


class Command(BaseCommand):
    help = (
        "Import articles from the old portal's JSON export: a list of objects with news_code, "
        "title, over_title, lead, body (HTML or plain paragraphs), published_at (ISO 8601), "
        "tags and section. Idempotent: a known news_code is updated, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to the JSON file")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"پرونده خوانده نشد: {path}: {error}") from error
        try:
            report = import_news(text)
        except MalformedFile as error:
            raise CommandError(f"هیچ خبری وارد نشد. {error}") from error
        for position, code, reason in report.rejected:
            shown_code = code if code is not None else "-"
            self.stderr.write(f"رکورد {position} (کد خبر {shown_code}) رد شد: {reason}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(report.created)} خبر تازه، {len(report.updated)} خبر به‌روز شد، "
                f"{len(report.rejected)} رکورد رد شد."
            )
        )
