"""The production shape for real: `deploy/stack.py` starts Varnish, two gunicorn app servers on
PostgreSQL + Redis and the task worker; readers and editors go through Varnish.

Runs on PostgreSQL + Redis only (DATABASE_URL=postgres://..., REDIS_URL), in its own database
(<name>_stack). Without varnishd it is skipped, except in CI (CI=1) where that is an error.
"""

import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
import psycopg
import pytest

from deploy import stack
from deploy.background_stack import BackgroundStack

PROJECT = Path(__file__).resolve().parent.parent.parent
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
VARNISHD = shutil.which("varnishd") or (
    "/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None
)


def skip_or_fail_without_services():
    if not DATABASE_URL.startswith("postgres") or not REDIS_URL:
        pytest.skip(
            "the stack runs on PostgreSQL + Redis: set DATABASE_URL=postgres://… and REDIS_URL"
        )
    if VARNISHD is None:
        message = "varnishd is not installed (apt-get install varnish)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI runs the stack tests for real")
        pytest.skip(message)


def fresh_database():
    """<name>_stack, emptied, on the same server as the tests' DATABASE_URL."""
    settings = dj_database_url.parse(DATABASE_URL)
    name = f"{settings['NAME']}_stack"
    server = dict(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
    )
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return DATABASE_URL.rsplit("/", 1)[0] + "/" + name


def free_port_run(length):
    """A port with `length` free ports after it (Varnish, then the app servers)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            first = probe.getsockname()[1]
        if first + length >= 65535:
            continue
        try:
            for port in range(first, first + length + 1):
                with socket.socket() as taken:
                    taken.bind(("127.0.0.1", port))
        except OSError:
            continue
        return first
    raise RuntimeError("no run of free ports")


class RunningStack:
    def __init__(self, tmp_path):
        self.port = free_port_run(2)
        self.environment = dict(os.environ)
        self.environment.update(
            {
                "PORT": str(self.port),
                "DATABASE_URL": fresh_database(),
                "CACHE_KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal") + "-stack-test",
                "PORTAL_VAR_DIR": str(tmp_path),
                "PURGE_ALLOWED": "127.0.0.1",
            }
        )
        self.environment.pop("DJANGO_SETTINGS_MODULE", None)
        self.background = BackgroundStack(self.environment)
        self.process = self.background.process

    def wait_until_ready(self):
        try:
            self.background.wait_until_ready()
        except RuntimeError as error:
            pytest.fail(str(error))

    def request(self, method, path, headers=None, source_address=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=source_address
        )
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read().decode()
        finally:
            connection.close()

    def manage_shell(self, code, **environment):
        config = stack.configuration(self.environment)
        portal_environment = stack.portal_environment(config, self.environment)
        portal_environment.update(environment)
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=PROJECT,
            env=portal_environment,
            check=True,
            capture_output=True,
        )

    def stop(self):
        self.background.stop()


@pytest.fixture(scope="module")
def running_stack(tmp_path_factory):
    skip_or_fail_without_services()
    running = RunningStack(tmp_path_factory.mktemp("stack"))
    running.wait_until_ready()
    yield running
    running.stop()


def newest_article_path(running_stack):
    status, _, body = running_stack.request("GET", "/api/v2/news/?limit=1")
    assert status == 200
    return urlsplit(json.loads(body)["items"][0]["meta"]["html_url"]).path


def test_a_cached_article_is_served_by_varnish_without_asking_the_app_servers(running_stack):
    path = newest_article_path(running_stack)
    running_stack.request("GET", path)

    status, headers, _ = running_stack.request(
        "GET", path, headers={"Cookie": "csrftoken=abc", "Accept-Language": "en-US"}
    )

    assert status == 200
    assert headers["X-Cache"] == "HIT"
    assert "Set-Cookie" not in headers
    assert "s-maxage=86400" in headers["Cache-Control"]


def test_the_comment_form_always_comes_from_an_app_server(running_stack):
    path = newest_article_path(running_stack)
    code = re.search(r"/news/([0-9]+)/comments/", running_stack.request("GET", path)[2])[1]
    for _ in range(2):
        status, headers, _ = running_stack.request("GET", f"/news/{code}/comments/")
        assert status == 200
        assert headers["X-Cache"] == "MISS"
        assert "no-store" in headers["Cache-Control"]


def test_publishing_shows_through_varnish_without_waiting_for_the_cache_to_expire(running_stack):
    """Both pages are cached for a day: seeing the new title at once means they were purged.
    How fast is measured by `make loadtest` (a figure, not an assertion on time)."""
    path = newest_article_path(running_stack)
    for _ in range(2):
        _, listing_headers, _ = running_stack.request("GET", "/news/")
        running_stack.request("GET", path)
    assert listing_headers["X-Cache"] == "HIT"
    new_title = f"عنوان تازهٔ خبر {time.time_ns()}"

    running_stack.manage_shell(
        "import os\n"
        "from news.models import NewsPage\n"
        f"page = NewsPage.objects.get(slug={unquote(path.rstrip('/').rsplit('/', 1)[1])!r})\n"
        "page.title = os.environ['NEW_TITLE']\n"
        "page.save_revision().publish()\n",
        NEW_TITLE=new_title,
    )
    published = time.monotonic()

    seen = {}
    while time.monotonic() - published < 30 and len(seen) < 2:
        for url in ("/news/", path):
            if url not in seen and new_title in running_stack.request("GET", url)[2]:
                seen[url] = time.monotonic() - published
        time.sleep(0.05)
    assert set(seen) == {"/news/", path}, "the change never showed through Varnish"


def test_a_purge_from_an_address_not_allowed_is_refused(running_stack):
    for _ in range(2):
        running_stack.request("GET", "/news/")
        running_stack.request("GET", "/news/?page=1")

    status, _, _ = running_stack.request("PURGE", "/news/", source_address=("127.0.0.2", 0))

    assert status == 403
    assert running_stack.request("GET", "/news/")[1]["X-Cache"] == "HIT"
    assert running_stack.request("GET", "/news/?page=1")[1]["X-Cache"] == "HIT"
    assert running_stack.request("PURGE", "/news/")[0] == 200  # the worker's address
    assert running_stack.request("GET", "/news/")[1]["X-Cache"] == "MISS"
    assert running_stack.request("GET", "/news/?page=1")[1]["X-Cache"] == "MISS"


def test_ctrl_c_stops_everything_the_stack_started(running_stack):
    running_stack.stop()

    assert running_stack.process.returncode == 0
    for port in (running_stack.port, running_stack.port + 1, running_stack.port + 2):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still answers"
