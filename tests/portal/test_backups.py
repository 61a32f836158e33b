"""`make backup` / `make restore`: a backup restored into a new database and an empty media folder
has every article, comment and image of the original."""

import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
import psycopg
import pytest

from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from news.models import Comment, NewsPage
from tests.factories import comments as comment_factories
from tests.factories import news as factories

PROJECT = Path(__file__).resolve().parent.parent.parent

pytestmark = [
    pytest.mark.postgres,
    # pg_dump reads what is committed: these tests commit, and the migrations' content is
    # restored afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def database_url(name):
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("backups are pg_dump's custom format: run with DATABASE_URL=postgres://...")


@pytest.fixture
def new_database():
    parts = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = f"{connection.settings_dict['NAME']}_restored"
    server = {
        "host": parts["HOST"] or "127.0.0.1",
        "port": parts["PORT"] or 5432,
        "user": parts["USER"],
        "password": parts["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name, server
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restored_into_a_new_database_has_every_article_comment_and_image(
    home_page, new_database, tmp_path
):
    index = factories.news_index(home_page)
    articles = [
        factories.article(
            index, title=title, main_image=factories.image(title), main_image_alt=title
        )
        for title in ("افتتاح مرکز توانبخشی دزفول", "پرداخت مستمری مددجویان")
    ]
    comment_factories.comment(articles[0], body="از خدمات مرکز راضی بودم.")
    comment_factories.comment(
        articles[1], body="مستمری کی واریز می‌شود؟", status=Comment.Status.PENDING
    )
    rendition = articles[0].main_image.get_rendition("fill-120x90")
    titles = set(NewsPage.objects.values_list("title", flat=True))
    bodies = set(Comment.objects.values_list("body", flat=True))
    media_files = {image.main_image.file.name for image in articles} | {rendition.file.name}

    call_command("backup_portal", output=str(tmp_path / "backup"))

    name, server = new_database
    # The test settings keep media in <PORTAL_VAR_DIR>/test-media: a fresh, empty folder.
    restored_media = tmp_path / "restored-var" / "test-media"
    result = subprocess.run(
        [sys.executable, "manage.py", "restore_portal", str(tmp_path / "backup")],
        cwd=PROJECT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": database_url(name),
            "PORTAL_VAR_DIR": str(tmp_path / "restored-var"),
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr

    with psycopg.connect(dbname=name, **server) as restored:
        restored_titles = {
            title
            for (title,) in restored.execute(
                "SELECT title FROM wagtailcore_page JOIN news_newspage ON page_ptr_id = id"
            )
        }
        restored_bodies = {body for (body,) in restored.execute("SELECT body FROM news_comment")}
        restored_images = {
            file for (file,) in restored.execute("SELECT file FROM wagtailimages_image")
        }
    assert titles == restored_titles
    assert bodies == restored_bodies
    assert {image.main_image.file.name for image in articles} <= restored_images
    for name_in_storage in media_files:
        restored_file = restored_media / name_in_storage
        original = Path(django_settings.MEDIA_ROOT) / name_in_storage
        assert restored_file.read_bytes() == original.read_bytes(), name_in_storage


def test_restoring_into_a_database_that_is_not_empty_is_refused(tmp_path):
    call_command("backup_portal", output=str(tmp_path / "backup"))

    result = subprocess.run(
        [sys.executable, "manage.py", "restore_portal", str(tmp_path / "backup")],
        cwd=PROJECT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": database_url(connection.settings_dict["NAME"]),
        },
        capture_output=True,
        text=True,
    )

    assert result.returncode != 0
    assert "is not empty" in result.stderr
