"""Purging a shared cache in front of the portal: Wagtail's HTTP backend, with a time limit."""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger("wagtail.frontendcache")

DEFAULT_TIMEOUT_SECONDS = 3


class TimelyHTTPBackend(HTTPBackend):
    """Wagtail's HTTP PURGE, giving up after TIMEOUT seconds.

    Purges run in the task worker (or in the request with the immediate task backend).
    Wagtail's ``purge`` opens its connection with no timeout, so a cache that accepts and never
    answers would hold the worker forever. The limit is set on each purge's own connection, never
    process-wide: other connections of the same process keep theirs.
    """

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", DEFAULT_TIMEOUT_SECONDS))
        super().__init__(params)

    def purge(self, url):
        parsed = urlsplit(url)
        host = parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        request = PurgeRequest(
            url=urlunsplit(
                (self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, parsed.fragment)
            ),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
        )
        try:
            # The address is the configured cache's (LOCATION), never one a reader chose.
            with urlopen(request, timeout=self.timeout):  # noqa: S310
                pass
        except HTTPError as error:
            logger.error(
                "Couldn't purge '%s' from HTTP cache. HTTPError: %d %s",
                url,
                error.code,
                error.reason,
            )
        except URLError as error:
            logger.error("Couldn't purge '%s' from HTTP cache. URLError: %s", url, error.reason)
        except TimeoutError:
            logger.error("Couldn't purge '%s' from HTTP cache: timed out", url)
