import sys

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from django.core.cache import cache
from django.db import Error as DatabaseLayerError
from django.db import connection
from django.http import HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

# Django's database errors (lost connection, server restarting) and Redis being unreachable.
OUTAGE_ERRORS = (DatabaseLayerError, RedisConnectionError, RedisTimeoutError)


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    # No context processors here: whatever broke must not break the error page too.
    if isinstance(sys.exc_info()[1], OUTAGE_ERRORS):
        return service_unavailable()
    return HttpResponseServerError(loader.get_template("500.html").render())


def service_unavailable():
    """The database or Redis is unreachable for a moment (restart, failover): say so in Persian,
    ask to try again, and let no cache keep the answer. Nothing half-done was saved: the
    request's writes were in a transaction the outage rolled back."""
    response = HttpResponse(
        loader.get_template("503.html").render(), status=503, content_type="text/html"
    )
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
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
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
