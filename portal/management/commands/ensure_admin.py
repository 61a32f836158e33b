import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEFAULT_USERNAME = "admin"
# Development only: `make run` prints it; production accounts are made with createsuperuser.
DEFAULT_PASSWORD = "khuzestan-demo-1405"  # noqa: S105


class Command(BaseCommand):
    help = "Make sure a local admin account exists (PORTAL_ADMIN_USER, PORTAL_ADMIN_PASSWORD)."

    def handle(self, *args, **options):
        username = os.environ.get("PORTAL_ADMIN_USER", DEFAULT_USERNAME)
        password = os.environ.get("PORTAL_ADMIN_PASSWORD", DEFAULT_PASSWORD)
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        if created or os.environ.get("PORTAL_ADMIN_PASSWORD"):
            user.set_password(password)
            user.is_staff = user.is_superuser = True
            user.save()
        state = "ساخته شد" if created else "از پیش وجود داشت"
        self.stdout.write(
            f"حساب مدیر {state}: /admin/  user={username}  "
            f"password={password if created else '(unchanged)'}"
        )
