"""Where an address leads, kept under the content generation: a rendered page finds its site, its
page and the page's view restrictions in one cache read, whatever the tree's size.

Wagtail finds a page by reading the site, then walking the tree from its root one slug at a
time (a query for each child and one more for its specific row), then reading the ancestors'
view restrictions: seven queries before a template runs, on every page an editor, a reader with
a session or the first reader after an edit asks for. What they found is the same until content
changes, and every change that could move an address (a page saved, moved, published,
unpublished or deleted, a site or a view restriction edited) starts a new generation
(news/fragments.py). So this keeps, per address, the site, the page that answered (without its
StreamFields) and the restrictions that apply to it, and a later request reads them back with no
query. The page still routes the rest of the address itself (a listing's section or tag), still
checks that it is live, and Wagtail still applies the restrictions. Only addresses that answered
200 are kept: made-up ones never fill the cache.
"""

import copy
import hashlib

from django.core.cache import cache
from django.http import Http404
from django.urls import Resolver404, resolve

from wagtail.fields import StreamField
from wagtail.models import Site

from news import fragments

SERVED_VIEW_NAME = "wagtail_serve"
# In the key: a release that changes what an entry holds never reads an older release's entries.
ENTRY_FORMAT = 1


def route_key(request):
    address = f"{request.get_host()}:{request.get_port()}:{request.path_info}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"news:address:v{ENTRY_FORMAT}:{fragments.generation()}:{digest}"


def serves_pages(request):
    if request.method not in ("GET", "HEAD"):
        return False
    try:
        return resolve(request.path_info).url_name == SERVED_VIEW_NAME
    except Resolver404:
        return False


def path_components(request):
    return [component for component in request.path_info.split("/") if component]


def remaining_components(request, site, page, root_paths):
    """The part of the address the page routes itself (a listing's `tags/<slug>/`)."""
    root_path = next((root.root_path for root in root_paths if root.site_id == site.pk), None)
    if root_path is None or not page.url_path.startswith(root_path):
        return None
    consumed = len([part for part in page.url_path[len(root_path) :].split("/") if part])
    return path_components(request)[consumed:]


def storable(page):
    """A copy of the page to keep: without its StreamFields (most of an article's size, and shown
    only inside cached fragments; read from the database if a template does ask) or the parent
    that routing attached."""
    kept = copy.copy(page)
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            kept.__dict__.pop(field.attname, None)
    kept.__dict__.pop("_cached_parent_obj", None)
    restrictions = getattr(page, "last_view_restrictions", None)
    if restrictions is None:
        restrictions = page.get_view_restrictions()
    kept.known_view_restrictions = list(restrictions)
    kept.last_view_restrictions = None
    return kept


def remember(request, response):
    route = getattr(request, "_wagtail_route_for_request", None)
    site = getattr(request, "_wagtail_site", None)
    if response.status_code != 200 or route is None or site is None:
        return
    root_paths = Site.get_site_root_paths()
    remaining = remaining_components(request, site, route[0], root_paths)
    if remaining is None:
        return
    entry = {
        "site": site,
        "site_root_paths": root_paths,
        "page": storable(route[0]),
        "remaining": remaining,
    }
    cache.set(route_key(request), entry, fragments.FRAGMENT_TIMEOUT)


def recall(request, entry):
    """Set up the request as Wagtail's own routing and site lookup would have."""
    request._wagtail_site = entry["site"]
    request._wagtail_cached_site_root_paths = entry["site_root_paths"]
    try:
        request._wagtail_route_for_request = entry["page"].route(request, entry["remaining"])
    except Http404:
        request._wagtail_route_for_request = None


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not serves_pages(request):
            return self.get_response(request)
        entry = cache.get(route_key(request))
        if entry is not None:
            recall(request, entry)
            return self.get_response(request)
        response = self.get_response(request)
        remember(request, response)
        return response
