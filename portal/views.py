from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def bad_request(request, exception=None):
    # Not Django's default: that one runs the CSRF middleware again, which reads request.POST
    # again, and a body that made the first read fail made the 400 page a 500.
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def page_not_found(request, exception=None):
    return HttpResponseNotFound(loader.render_to_string("404.html", request=request))


def server_error(request):
    # No context processors here: whatever broke must not break the error page too.
    return HttpResponseServerError(loader.get_template("500.html").render())


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
