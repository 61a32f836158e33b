from django.core.management.base import BaseCommand, CommandError

from portal.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup_portal folder into the configured (empty) database and media storage."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="a folder written by backup_portal")

    def handle(self, *args, **options):
        try:
            count = restore(options["backup"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored the database and {count} media files")
