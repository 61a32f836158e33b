"""Whole pages for anonymous readers, kept in the shared cache under the pages generation.

A reader without a session gets the same HTML as every other such reader (the pages carry no
CSRF token, captcha or user), so once one of them has had a Wagtail page (home, listings,
articles, feeds) the next ones are answered before routing, sessions or templates run: one cache
read, no database query. What may be served from here is exactly what the shared-cache policy
(portal/cache_policy.py) already calls shareable, a 200 it marked ``public``; the comment and
captcha pages (``never_cache``), previews and the admin never are, and a request carrying a
session is never answered from here, so a logged-in editor always sees the page rendered for
them.

The key holds the pages generation (news/fragments.py), which any content change and any
comment change replaces, so an edit shows on the next request. Only the «پربازدیدترین» list
(view counts, which change on every read and start no generation) may lag, by at most
``PAGE_CACHE_SECONDS``.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.urls import Resolver404, resolve
from django.utils.cache import cc_delim_re

from news import fragments

SERVED_VIEW_NAMES = {"wagtail_serve", "search"}
# Only addresses drawn from a bounded set are kept: the page itself, or one page of a listing. A
# search or any other query string is answered by the page, so nobody can fill the cache with
# copies of one page under endless made-up addresses.
KEPT_QUERY = re.compile(r"(page=[0-9]{1,4})?")
# Cookies that mean the page may be rendered for this reader alone.
PERSONAL_COOKIES = {"messages"}


def may_answer_from_cache(request):
    if request.method != "GET" or not settings.PAGE_CACHE_SECONDS:
        return False
    personal = PERSONAL_COOKIES | {settings.SESSION_COOKIE_NAME}
    if personal.intersection(request.COOKIES):
        return False
    if not KEPT_QUERY.fullmatch(request.META.get("QUERY_STRING", "")):
        return False
    # Other addresses (the admin, the health probe, the API, static files) never touch this cache.
    try:
        return resolve(request.path_info).url_name in SERVED_VIEW_NAMES
    except Resolver404:
        return False


def is_public(response):
    header = response.get("Cache-Control", "")
    directives = {directive.strip().lower() for directive in cc_delim_re.split(header)}
    return "public" in directives and "private" not in directives


def may_keep(request, response):
    view_name = getattr(request.resolver_match, "url_name", None)
    return (
        view_name in SERVED_VIEW_NAMES
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and is_public(response)
    )


def page_key(request):
    # Hashed: a Persian address, percent-encoded, easily outgrows the key length caches accept.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"news:page:{fragments.pages_generation()}:{digest}"


class PageCacheMiddleware:
    """Sits outside the shared-cache policy and the session middleware: it sees the policy's
    verdict when storing, and a hit skips sessions, routing and rendering altogether."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_answer_from_cache(request):
            return self.get_response(request)
        key = page_key(request)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if may_keep(request, response):
            cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response
