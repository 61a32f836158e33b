from django.core.management.base import BaseCommand

from news.renditions import backfill


class Command(BaseCommand):
    help = (
        "Make every image size the public pages show that does not exist yet (after an upgrade "
        "or for images uploaded before sizes were made on upload). Safe to run again."
    )

    def handle(self, *args, **options):
        backfill(self.stdout)
