from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.site_address import set_default_site_address, site_root_url


class Command(BaseCommand):
    help = (
        "Give the default Wagtail Site the portal's public address (WAGTAILADMIN_BASE_URL unless "
        "an address is given), the one share links, canonical links, JSON-LD and feeds use."
    )

    def add_arguments(self, parser):
        parser.add_argument("address", nargs="?", help="e.g. https://khuzestan.behzisti.ir")

    def handle(self, *args, address=None, **options):
        address = address or settings.WAGTAILADMIN_BASE_URL
        try:
            changed = set_default_site_address(address)
        except ValueError as error:
            raise CommandError(f"نشانی نامعتبر است: {error}") from error
        state = "به‌روز شد" if changed else "از پیش درست بود"
        self.stdout.write(f"نشانی پرتال {state}: {site_root_url()}")
