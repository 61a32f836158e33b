"""The portal's public address, for every absolute URL readers and other sites see.

One source: the Wagtail Site (hostname and port, Settings > Sites in the admin). Wagtail's own
`page.get_full_url()`, the sitemap and the front-end cache purges already read it, so share links,
canonical links, JSON-LD and feeds read it too instead of the request's Host header; a page
cached by Varnish then holds the same addresses whoever asked first. The deployment's
WAGTAILADMIN_BASE_URL (required in production) is copied into the default Site by
`manage.py set_site_address` (run by `make demo`, `make serve` and the stack), so the Site never
keeps the `localhost:80` Wagtail's first migration gives it.
"""

from urllib.parse import urljoin, urlsplit

from wagtail.models import Site


def site_root_url(request=None):
    """`https://host[:port]` of the site serving this request (Wagtail caches it on the request)."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.get(is_default_site=True)
    return site.root_url


def absolute_url(request, path_or_url):
    """A path on the portal (or an already absolute media URL) as a full address."""
    return urljoin(site_root_url(request) + "/", path_or_url)


def set_default_site_address(base_url):
    """Point the default Site at `base_url` (scheme, host and optional port); True if it changed."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) address: {base_url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) == (parts.hostname, port):
        return False
    site.hostname, site.port = parts.hostname, port
    site.save()
    return True
