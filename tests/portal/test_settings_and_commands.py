import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.management import call_command

from wagtail.models import Page

from news.models import Comment, NewsPage
from portal.models import StandardPage

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **environment):
    from_the_machine = {"DJANGO_SECRET_KEY", "WAGTAILADMIN_BASE_URL", "REDIS_URL"}
    env = {key: value for key, value in os.environ.items() if key not in from_the_machine}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_debug_off_without_secret_key_refuses_to_start_with_a_clear_message():
    result = run_manage("check", DEBUG="0", DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_settings_refuse_to_start_without_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="portal.settings.production")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-for-this-test-only-0123456789abcdef",
        ALLOWED_HOSTS="portal.example",
        WAGTAILADMIN_BASE_URL="https://portal.example",
        REDIS_URL="redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_the_admin_base_url():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-for-this-test-only-0123456789abcdef",
    )
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL is not set" in result.stderr


def test_production_settings_refuse_to_start_without_a_shared_cache():
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-for-this-test-only-0123456789abcdef",
        WAGTAILADMIN_BASE_URL="https://portal.example",
    )
    assert result.returncode != 0
    assert "REDIS_URL is not set" in result.stderr


@pytest.mark.django_db
def test_demo_content_loads_twice_without_duplicates():
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    pages_after_first_run = Page.objects.count()
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert Page.objects.count() == pages_after_first_run
    assert StandardPage.objects.filter(slug="about").count() == 1
    assert Comment.objects.count() == 4  # a question, its official answer, a thanks, one waiting


@pytest.mark.django_db
def test_demo_article_shows_a_readers_question_answered_by_the_organisation(client):
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    article = NewsPage.objects.get(comments__isnull=False, comments__is_official=True)

    html = client.get(article.url).content.decode()

    assert "کارون زندگی می‌کنم" in html and "ادارهٔ بهزیستی شهرستان خود" in html
    assert "پاسخ رسمی" in html
    assert "ثبت‌نام مرحلهٔ بعد" not in html  # still waiting for a moderator


@pytest.mark.django_db
def test_admin_account_is_created_once(django_user_model):
    call_command("ensure_admin", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("ensure_admin", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert django_user_model.objects.filter(username="admin", is_superuser=True).count() == 1
