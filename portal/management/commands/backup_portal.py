from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.backups import BackupError, back_up


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format) and every media file into a new folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="a folder that does not exist yet (default var/backups/portal-<time>)",
        )

    def handle(self, *args, **options):
        output = options["output"] or settings.VAR_DIR / "backups" / timezone.now().strftime(
            "portal-%Y%m%d-%H%M%S"
        )
        try:
            count = back_up(output)
        except (BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"backup in {output}: database and {count} media files")
