import base64
import hashlib
import sys

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache import cache
from django.db import Error as DatabaseLayerError
from django.db import connection
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from portal.site_address import absolute_url

# 404: Django's own handler renders templates/404.html.

# Django's database errors (lost connection, server restarting) and Redis being unreachable.
OUTAGE_ERRORS = (DatabaseLayerError, RedisConnectionError, RedisTimeoutError)


def inline_style_hash(html):
    """The CSP source for the one <style> block of a self-contained page."""
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    return "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"


def standalone_page(template_name, status, context=None):
    """An error page (templates/errors/standalone.html): no context processors, so whatever
    broke cannot break the page too, and its own style, which the CSP allows by its hash."""
    html = loader.render_to_string(template_name, context)
    response = HttpResponse(html, status=status)
    response._csp_update = {"style-src": [inline_style_hash(html)]}
    return response


def bad_request(request, exception=None, message=None):
    # Not Django's default: that one runs the CSRF middleware again, which reads request.POST
    # again, and a body that made the first read fail made the 400 page a 500.
    return standalone_page("400.html", 400, {"message": message})


def server_error(request):
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        return service_unavailable()
    return standalone_page("500.html", 500)


def service_unavailable():
    """The database or Redis is unreachable for a moment (restart, failover): say so in Persian,
    ask to try again, and let no cache keep the answer. Nothing half-done was saved: the
    request's writes were in a transaction the outage rolled back."""
    response = standalone_page("503.html", 503)
    response["Retry-After"] = "30"
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /captcha/",
        f"Sitemap: {absolute_url(request, '/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@never_cache
def health(request):
    """For the shared cache's probe: 503 while the database or the cache is unreachable, so the
    shared cache keeps serving what it has (grace) instead of asking a server that can only fail."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        cache.get("healthz")
    except OUTAGE_ERRORS as error:
        return HttpResponse(f"unavailable: {error}\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
