"""What every response promises the browser, admin login lockout, and the reset-mail limit."""

import base64
import hashlib
import json
import os
import subprocess
import sys

import pytest
from axes.models import AccessAttempt

from django.core import mail
from django.core.management import call_command
from django.urls import path

from tests.factories import news as news_factories
from tests.portal.test_settings_and_commands import PROJECT_ROOT


@pytest.fixture
def article(home_page):
    return news_factories.article(news_factories.news_index(home_page))


def policy(response):
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize(
    "address", ["/", "/news/", "article", "/search/?q=بهزیستی", "/services/", "/no-such-page/"]
)
def test_public_pages_forbid_inline_script_framing_and_foreign_forms(client, article, address):
    response = client.get(article.url if address == "article" else address)

    directives = policy(response)
    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_carry_no_inline_script_that_the_policy_would_block(client, article):
    html = client.get(article.url).content.decode()
    for chunk in html.split("<script")[1:]:
        opening = chunk.split(">", 1)[0]
        # Only files and JSON-LD data blocks (which browsers do not run) are allowed.
        assert "src=" in opening or 'type="application/ld+json"' in opening, opening
    assert " onclick=" not in html and " onload=" not in html and " style=" not in html


def test_admin_has_its_own_policy_that_still_forbids_framing_by_others(admin_client):
    directives = policy(admin_client.get("/admin/"))
    assert directives["frame-ancestors"] == ["'self'"]  # Wagtail's preview frames our pages
    assert directives["form-action"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]


# --- Admin login lockout (django-axes) ---------------------------------------------------


@pytest.fixture
def editor(django_user_model, db):
    return django_user_model.objects.create_user(
        "reporter", "reporter@behzisti.example", "correct-horse-battery"
    )


def log_in(client, username, password, address="5.160.10.20"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_five_wrong_passwords_lock_the_name_from_that_address_with_a_persian_page(
    client, editor, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "reporter", "wrong").status_code == 200  # the form again

    locked = log_in(client, "reporter", "wrong")

    assert locked.status_code == 429
    html = locked.content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert "ورود موقتاً بسته شد" in html
    assert "۵ تلاش ناموفق" in html and "۱۵ دقیقهٔ دیگر" in html
    # Even the right password is refused now, from that address.
    assert log_in(client, "reporter", "correct-horse-battery").status_code == 429


def test_lockout_is_for_one_name_from_one_address_only(client, editor, settings, django_user_model):
    django_user_model.objects.create_user("moderator", password="another-good-password")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "reporter", "wrong")

    assert (
        log_in(client, "reporter", "correct-horse-battery", address="5.160.99.1").status_code == 302
    )
    assert log_in(client, "moderator", "another-good-password").status_code == 302


def test_unlock_by_command(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "reporter", "wrong")
    assert log_in(client, "reporter", "correct-horse-battery").status_code == 429

    call_command("axes_reset_username", "reporter", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert log_in(client, "reporter", "correct-horse-battery").status_code == 302


def test_unlock_by_time(client, editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "reporter", "wrong")
    assert log_in(client, "reporter", "correct-horse-battery").status_code == 429

    # The cool-off is counted from the last failure; move it back past the cool-off time.
    last = AccessAttempt.objects.get(username="reporter")
    last.attempt_time -= settings.AXES_COOLOFF_TIME
    last.save()

    assert log_in(client, "reporter", "correct-horse-battery").status_code == 302


def test_failed_logins_are_recorded_without_the_password(client, editor):
    log_in(client, "reporter", "my-secret-guess")

    attempt = AccessAttempt.objects.get(username="reporter")
    assert attempt.ip_address == "5.160.10.20"
    assert attempt.failures_since_start == 1
    assert "my-secret-guess" not in attempt.post_data


# --- Password-reset requests -------------------------------------------------------------


def ask_for_reset(client, email, address="5.160.10.20"):
    return client.post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)


def test_reset_mails_to_one_address_are_limited_with_a_persian_message(client, editor, settings):
    _, per_email, _ = settings.PASSWORD_RESET_RATE_LIMIT
    for number in range(per_email):
        assert (
            ask_for_reset(client, "reporter@behzisti.example", f"5.160.0.{number}").status_code
            == 302
        )

    refused = ask_for_reset(client, "reporter@behzisti.example", "5.160.0.200")

    assert refused.status_code == 429
    assert "درخواست‌های بازیابی گذرواژه" in refused.content.decode()
    assert len(mail.outbox) == per_email


def test_reset_requests_from_one_address_are_limited(client, editor, settings):
    per_address, _, _ = settings.PASSWORD_RESET_RATE_LIMIT
    for number in range(per_address):
        assert ask_for_reset(client, f"someone{number}@example.com").status_code == 302
    assert ask_for_reset(client, "reporter@behzisti.example").status_code == 429
    assert mail.outbox == []


# --- Settings read from the environment ---------------------------------------------------


def settings_from(**environment):
    """Django settings as a process started with this environment would read them (and the
    search index a news page would go to)."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "from modelsearch.backends import get_search_backend; "
        "from news.models import NewsPage; "
        "backend = get_search_backend('default'); "
        "params = settings.WAGTAILSEARCH_BACKENDS['default']; "
        "index = getattr(backend.get_index_for_model(NewsPage), 'name', None); "
        "csp = settings.CONTENT_SECURITY_POLICY['DIRECTIVES']; "
        "print(json.dumps({'params': params, 'index': index, 'csp': csp}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", **environment}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_elasticsearch_settings_name_the_index_as_configured():
    found = settings_from(
        SEARCH_BACKEND="portal.search.backends.elasticsearch.Elasticsearch9SearchBackend",
        SEARCH_URL="http://127.0.0.1:9200",
        SEARCH_INDEX="behzisti",
    )

    assert found["params"]["URLS"] == ["http://127.0.0.1:9200"]
    assert "INDEX" not in found["params"]  # would reach the client as an unknown argument
    assert found["index"] == "behzisti_wagtailcore_page"


def broken_view(request):
    raise RuntimeError("a bug that reaches the reader as the 500 page")


# This module doubles as a URLconf with one broken address, for the error page test.
urlpatterns = [path("broken/", broken_view)]
handler500 = "portal.views.server_error"


def test_the_error_page_keeps_its_own_style_under_the_policy(client, settings):
    """The self-contained 500 page's inline style is allowed by its hash, nothing else inline."""
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False

    response = client.get("/broken/")

    assert response.status_code == 500
    html = response.content.decode()
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    sources = policy(response)["style-src"]
    assert f"'sha256-{digest}'" in sources
    assert "'unsafe-inline'" not in sources


def test_images_from_the_shared_media_bucket_are_allowed_by_the_policy():
    found = settings_from(
        MEDIA_STORAGE="s3",
        MEDIA_S3_BUCKET="portal-media",
        MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    )
    assert "http://127.0.0.1:9000" in found["csp"]["img-src"]
    assert "http://127.0.0.1:9000" in found["csp"]["media-src"]
    assert "http://127.0.0.1:9000" not in found["csp"]["script-src"]


def test_the_bad_request_page_keeps_its_own_style_under_the_policy(db):
    from django.test import Client

    response = Client().get("/")  # no Host header: refused before any view

    assert response.status_code == 400
    style = response.content.decode().split("<style>", 1)[1].split("</style>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy(response)["style-src"]
