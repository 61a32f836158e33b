"""Browser layer: Playwright drives Debian's Chromium against a live portal on 127.0.0.1.

For tests in tests/browser/test_<app>.py:

- ``browser_page``: a fresh Playwright page in its own browser context (no cookies shared with
  other tests), desktop size; ``browser_page.set_viewport_size({"width": 375, "height": 800})``
  for a phone.
- ``live_url``: ``live_url("/news/")`` is the full address of that path on the live server. The
  database is the real test database: create pages in the test, then open them. It is flushed
  after each test and the migrations' content (site, home page) comes back for the next one.
- ``tests.browser.accessibility.assert_accessible(page, context="...")``: the axe-core gate
  (WCAG 2.1 A and AA). Before the first test the session proves that pale Persian text fails it.
- ``tests.browser.html_check.assert_valid_html(html)``: duplicate ids, unclosed or stray tags.
  Give it the HTML the server sent (``browser_page.goto(url).text()`` or the Django test
  client's ``response.content.decode()``): ``page.content()`` is the browser's repaired DOM,
  where unclosed and stray tags have already disappeared.

Mark browser tests ``@pytest.mark.browser``. Without a browser they are skipped and the run says
so once at the end. ``PLAYWRIGHT_CHROMIUM_PATH`` points at another Chromium binary. Browser tests
run after every other test of the session (see pytest_collection_modifyitems below).
"""

import os
from pathlib import Path

import pytest
from pytest_django.live_server_helper import LiveServer

from tests.browser.accessibility import prove_persian_contrast_is_checked

CHROMIUM_PATH = Path(os.environ.get("PLAYWRIGHT_CHROMIUM_PATH") or "/usr/bin/chromium")
HOW_TO_ENABLE = (
    "browser tests skipped: install Debian's chromium (apt-get install chromium) "
    "or set PLAYWRIGHT_CHROMIUM_PATH"
)
# Short, because -ra repeats it per test; the how-to is said once at the end of the run.
NO_BROWSER = "no Chromium found (how to enable: see the end of the run)"
# Flags that keep Chromium quiet and local on these machines: no sandbox (containers run as root),
# no GPU, and no calls home (component updates, sync, QUIC probes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}


def browser_available():
    return CHROMIUM_PATH.is_file() and os.access(CHROMIUM_PATH, os.X_OK)


def _uses_browser(item):
    return item.get_closest_marker("browser") is not None or "browser_page" in getattr(
        item, "fixturenames", ()
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    browser_items = [item for item in items if _uses_browser(item)]
    if not browser_available():
        for item in browser_items:
            item.add_marker(pytest.mark.skip(reason=NO_BROWSER))
        config._browser_tests_skipped = len(browser_items)
        return
    # Browser tests run last: Playwright keeps an event loop running in this thread from the first
    # browser test to the end of the session, and no other test should share the thread with it.
    others = [item for item in items if not _uses_browser(item)]
    items[:] = others + browser_items


def pytest_terminal_summary(terminalreporter, config):
    skipped = getattr(config, "_browser_tests_skipped", 0)
    if skipped:
        terminalreporter.write_line(f"{skipped} {HOW_TO_ENABLE}", yellow=True, bold=True)


@pytest.fixture(scope="session")
def chromium():
    """One Chromium for the whole session; tests get their own context from ``browser_page``."""
    if not browser_available():
        pytest.skip(NO_BROWSER)
    from playwright.sync_api import sync_playwright

    from django.db import connections

    django_connections = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    # Playwright's sync API keeps an asyncio loop marked as running in this thread from now on.
    # Two things in Django change when a loop runs:
    # 1. ORM calls raise SynchronousOnlyOperation. Tests call the ORM only between browser steps,
    #    never concurrently with them, so that check is off for as long as Playwright runs.
    # 2. `connections` (an asgiref Local) switches from thread-local to context-local storage
    #    and would hand out new connection objects, without the test database state
    #    pytest-django keeps on the old ones (serialized rollback would silently do nothing).
    #    The same connection objects are put back in place.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    for alias, connection in django_connections.items():
        connections[alias] = connection
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), headless=True, args=CHROMIUM_ARGS
        )
        prove_persian_contrast_is_checked(browser)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def reader_context(browser, viewport=DESKTOP):
    """A fresh browser context as a reader in Khuzestan has it (Persian, Tehran time), of the given
    window size, that contacts nothing but the live server on 127.0.0.1. Close it when done."""
    context = browser.new_context(viewport=viewport, locale="fa-IR", timezone_id="Asia/Tehran")
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "about:"))
            else route.abort()
        ),
    )
    return context


@pytest.fixture
def browser_page(chromium):
    context = reader_context(chromium)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def live_server():
    """pytest-django's live server, bound to 127.0.0.1 (its default is "localhost")."""
    server = LiveServer("127.0.0.1:0")
    yield server
    server.stop()


@pytest.fixture
def live_url(live_server, django_db_serialized_rollback):
    """``live_url("/path/")`` on the live server; the migrations' content is restored per test."""

    def url(path="/"):
        return f"{live_server.url}{path}"

    return url
