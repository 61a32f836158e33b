import ssl
from concurrent.futures import ThreadPoolExecutor

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from eservices.link_check import check_address
from eservices.models import EService
from portal.text import persian_digits


class Command(BaseCommand):
    help = (
        "Check every e-service address (HEAD, then GET; redirects followed), store the result "
        "for editors and list the broken ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=float, default=10, help="seconds per request")
        parser.add_argument("--workers", type=int, default=4, help="addresses checked at once")
        parser.add_argument(
            "--cafile",
            help="trust only the certificate authorities in this PEM file (an internal CA; "
            "the command's tests use it for their own server on 127.0.0.1)",
        )
        parser.add_argument(
            "--fail-on-broken", action="store_true", help="exit with an error if any link is broken"
        )

    def handle(self, *args, timeout, workers, cafile, fail_on_broken, **options):
        ssl_context = ssl.create_default_context(cafile=cafile)
        services = list(EService.objects.order_by("sort_order", "pk"))

        def check(service):
            return check_address(service.address, timeout=timeout, ssl_context=ssl_context)

        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            results = list(pool.map(check, services))

        checked_at = timezone.now()
        broken = []
        for service, result in zip(services, results, strict=True):
            # update(), not save(): a link check is not an edit (no signals, no cache refresh).
            EService.objects.filter(pk=service.pk).update(
                last_link_check_ok=result.ok,
                last_link_check_result=result.summary,
                last_link_checked_at=checked_at,
            )
            if not result.ok:
                broken.append((service, result))

        for service, result in broken:
            self.stdout.write(f"✗ {service.title} — {service.address} — {result.summary}")
        message = (
            f"{persian_digits(len(services))} پیوند بررسی شد؛ "
            f"{persian_digits(len(broken))} پیوند خراب است."
        )
        if broken:
            self.stdout.write(self.style.WARNING(message))
            if fail_on_broken:
                raise CommandError(message)
        else:
            self.stdout.write(self.style.SUCCESS(message))
