import base64
import hashlib

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# 404: Django's own handler renders templates/404.html.


def bad_request(request, exception=None):
    # Not Django's default: that one runs the CSRF middleware again, which reads request.POST
    # again, and a body that made the first read fail made the 400 page a 500.
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def inline_style_hash(html):
    """The CSP source for the one <style> block of a self-contained page."""
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    return "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"


def server_error(request):
    # Django's own handler would serve the same template, but the page carries its own style
    # (static files may be what broke), which the CSP allows by its hash alone. No context
    # processors: whatever broke must not break the error page too.
    html = loader.get_template("500.html").render()
    response = HttpResponseServerError(html)
    response._csp_update = {"style-src": [inline_style_hash(html)]}
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
