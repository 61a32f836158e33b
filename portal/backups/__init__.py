"""Backups of the portal: the PostgreSQL database (pg_dump custom format) and every media file
(images, documents, renditions) read through the configured storage, so a bucket is backed up
like a local folder. `manage.py backup_portal` / `restore_portal` (`make backup` / `make restore`).
"""

import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar"


class BackupError(Exception):
    pass


def libpq_arguments():
    """pg_dump/pg_restore options and environment for the portal's database."""
    if connection.vendor != "postgresql":
        raise BackupError("backups need PostgreSQL (DATABASE_URL=postgres://...)")
    settings = connection.settings_dict
    arguments = ["--host", settings["HOST"] or "127.0.0.1", "--port", str(settings["PORT"] or 5432)]
    if settings["USER"]:
        arguments += ["--username", settings["USER"]]
    environment = dict(os.environ)
    if settings["PASSWORD"]:
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, environment, settings["NAME"]


def program(name):
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def stored_files(folder=""):
    folders, files = default_storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for sub_folder in folders:
        yield from stored_files(f"{folder}/{sub_folder}" if folder else sub_folder)


def back_up(destination):
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=False)
    arguments, environment, name = libpq_arguments()
    subprocess.run(  # noqa: S603 - fixed program, arguments from the settings
        [
            program("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--file",
            str(destination / DATABASE_FILE),
            *arguments,
            name,
        ],
        env=environment,
        check=True,
    )
    count = 0
    with tarfile.open(destination / MEDIA_FILE, "w") as archive:
        for path in stored_files():
            with default_storage.open(path, "rb") as stored:
                info = tarfile.TarInfo(path)
                info.size = default_storage.size(path)
                archive.addfile(info, stored)
            count += 1
    return count


def restore(source):
    """Into the configured database (which must be empty) and storage."""
    source = Path(source)
    if not (source / DATABASE_FILE).is_file() or not (source / MEDIA_FILE).is_file():
        raise BackupError(f"{source} holds no {DATABASE_FILE} and {MEDIA_FILE}")
    arguments, environment, name = libpq_arguments()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        if cursor.fetchone()[0]:
            raise BackupError(f"database {name} is not empty: restore into a new database")
    connection.close()
    subprocess.run(  # noqa: S603
        [
            program("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            "--dbname",
            name,
            *arguments,
            str(source / DATABASE_FILE),
        ],
        env=environment,
        check=True,
    )
    count = 0
    with tarfile.open(source / MEDIA_FILE) as archive, tempfile.TemporaryDirectory() as work:
        for member in archive:
            if not member.isfile() or member.name.startswith("/") or ".." in member.name:
                continue
            extracted = Path(work) / "file"
            with archive.extractfile(member) as packed, open(extracted, "wb") as unpacked:
                unpacked.write(packed.read())
            if default_storage.exists(member.name):
                default_storage.delete(member.name)
            with open(extracted, "rb") as unpacked:
                default_storage.save(member.name, File(unpacked))
            count += 1
    return count
