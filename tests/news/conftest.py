import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

import pytest

from tests.factories import news as factories


@pytest.fixture
def news_index(home_page):
    return factories.news_index(home_page)


@pytest.fixture
def article(news_index):
    """An article in a section with a tag: the cache tests read it, change it and read again."""
    return factories.article(
        news_index,
        title="افتتاح مرکز توانبخشی در دزفول",
        tags=["دزفول"],
        section=factories.section("توانبخشی", "rehab"),
    )


class PurgeListener(BaseHTTPRequestHandler):
    """A shared cache's purge address, as Varnish or nginx would offer it, on loopback."""

    def do_PURGE(self):
        self.server.purged.append(unquote(self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def shared_cache(settings):
    """The paths a real HTTP listener was asked to purge, with the portal pointed at it."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeListener)
    server.purged = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "portal.frontend_cache.TimelyHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield server.purged
    server.shutdown()
    server.server_close()
