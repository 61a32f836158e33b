"""Purging a shared cache in front of the portal: Wagtail's HTTP backend, with a time limit."""

import logging
import socket

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("wagtail.frontendcache")

DEFAULT_TIMEOUT_SECONDS = 3


class TimelyHTTPBackend(HTTPBackend):
    """Wagtail's HTTP PURGE, giving up after TIMEOUT seconds.

    Purges run inside the request of the editor who publishes or the moderator who approves.
    Wagtail's ``purge`` opens the connection with no timeout, so a cache that accepts and never
    answers would hold that request forever; the socket default is the one setting it reads.
    A purge that times out waiting for the answer is logged like Wagtail's other failed purges
    (Wagtail catches only the errors of connecting and of the answer's status).
    """

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", DEFAULT_TIMEOUT_SECONDS))
        super().__init__(params)

    def purge(self, url):
        previous = socket.getdefaulttimeout()
        socket.setdefaulttimeout(self.timeout)
        try:
            super().purge(url)
        except TimeoutError:
            logger.error("Couldn't purge '%s' from HTTP cache: timed out", url)
        finally:
            socket.setdefaulttimeout(previous)
