from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app writes its own demo content; order matters (news needs the home page, etc.).
DEMO_CONTENT_MODULES = ["portal.demo_content", "eservices.demo_content", "news.demo_content"]


class Command(BaseCommand):
    help = "Write realistic Persian demo content. Idempotent: running it again adds no duplicates."

    def handle(self, *args, **options):
        for module_name in DEMO_CONTENT_MODULES:
            with transaction.atomic():
                import_module(module_name).load(self.stdout)
        self.stdout.write(self.style.SUCCESS("محتوای نمونه آماده است."))
