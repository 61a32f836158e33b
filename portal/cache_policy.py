"""What each response tells browsers and a shared cache (Varnish) in front of the portal.

A page is shared only when nothing in it belongs to one reader: a GET or HEAD with no session
cookie, no session read that found a user, no CSRF token used, no cookie set, and no
``Cache-Control`` chosen by the view itself (the comment and captcha views say ``never_cache``).
Everything else is ``private, no-store``: the admin and its previews, forms, anything a
logged-in editor sees.

Pages Wagtail serves (articles, listings, the home page, feeds) and the sitemap are purged from
the shared cache when they change (news/cache.py), so the cache may keep them long
(``s-maxage``); other public addresses (search, the API, e-service lists) are not purged and are
kept for minutes. Browsers keep every page for a minute only: they are never purged.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

PURGED_VIEW_NAMES = {"wagtail_serve", "sitemap"}
SHAREABLE_STATUSES = {200, 203, 300, 301, 308, 404, 410}
PRIVATE = {"private": True, "no_store": True}


def is_shareable(request, response):
    if request.method not in ("GET", "HEAD") or response.status_code not in SHAREABLE_STATUSES:
        return False
    if request.path.startswith("/admin/") or response.cookies:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or request.META.get("CSRF_COOKIE_USED"):
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.modified)


def shared_policy(request, response):
    view_name = getattr(request.resolver_match, "url_name", None)
    purged = response.status_code == 200 and view_name in PURGED_VIEW_NAMES
    return {
        "public": True,
        "max_age": settings.CACHE_POLICY_BROWSER_MAX_AGE,
        "s_maxage": (
            settings.CACHE_POLICY_PURGED_SHARED_MAX_AGE
            if purged
            else settings.CACHE_POLICY_SHARED_MAX_AGE
        ),
        "stale_while_revalidate": settings.CACHE_POLICY_STALE_WHILE_REVALIDATE,
        "stale_if_error": settings.CACHE_POLICY_STALE_IF_ERROR,
    }


def drop_from_vary(response, header_names):
    """Remove headers from Vary that would split one shared page into one copy per reader."""
    if not response.has_header("Vary"):
        return
    dropped = {name.lower() for name in header_names}
    kept = [
        name.strip()
        for name in response["Vary"].split(",")
        if name.strip() and name.strip().lower() not in dropped
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


class SharedCachePolicyMiddleware:
    """Sits outside the session, locale and CSRF middleware so it sees what they added."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if len(settings.LANGUAGES) == 1:
            # One language: LocaleMiddleware's Vary: Accept-Language only multiplies cache copies.
            drop_from_vary(response, ["Accept-Language"])
        if response.has_header("Cache-Control"):
            return response
        if is_shareable(request, response):
            # The userbar reads the session (Vary: Cookie) even when there is none to read.
            drop_from_vary(response, ["Cookie"])
            patch_cache_control(response, **shared_policy(request, response))
        else:
            patch_cache_control(response, **PRIVATE)
        return response
