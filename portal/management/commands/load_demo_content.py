from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule

DEMO_CONTENT_MODULE = "demo_content"


def demo_content_modules():
    """Each installed app's demo_content module, in INSTALLED_APPS order (portal, whose home page
    the others build on, comes first); the command knows no app by name."""
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, DEMO_CONTENT_MODULE):
            yield import_module(f"{app_config.name}.{DEMO_CONTENT_MODULE}")


class Command(BaseCommand):
    help = "Write realistic Persian demo content. Idempotent: running it again adds no duplicates."

    def handle(self, *args, **options):
        for module in demo_content_modules():
            with transaction.atomic():
                module.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("محتوای نمونه آماده است."))
