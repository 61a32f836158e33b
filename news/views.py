"""Addresses outside the page tree: old-portal codes, short links and the view counter."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from news.models import NewsDailyViews, NewsPage
from portal.security import client_address

# One visitor reading the same article again within this window counts once.
VIEW_DEDUP_SECONDS = 6 * 60 * 60


def find_article(code):
    article = NewsPage.objects.with_code(code)
    if article is None:
        raise Http404("خبری با این کد پیدا نشد")
    return article


@require_safe
def redirect_to_article(request, code):
    return HttpResponsePermanentRedirect(find_article(code).get_url(request))


def visitor_key(request, article):
    """A one-way fingerprint kept only in the cache, only for the dedup window: no personal data."""
    # The comments' notion of the client address, so one proxy setting serves both.
    address = client_address(request)
    agent = request.META.get("HTTP_USER_AGENT", "")[:300]
    day = timezone.localdate().isoformat()
    material = f"{address}|{agent}|{day}|{article.pk}"
    digest = hmac.new(settings.SECRET_KEY.encode(), material.encode(), hashlib.sha256)
    return "news-view:" + digest.hexdigest()


# The article HTML carries no token so it can be shared from a cache; counting a view changes
# nothing a visitor could abuse beyond one count per window, so CSRF protection is not needed.
@csrf_exempt
@require_POST
@never_cache
def count_view(request, code):
    article = find_article(str(code))
    if cache.add(visitor_key(request, article), 1, VIEW_DEDUP_SECONDS):
        NewsDailyViews.add_view(article.pk, timezone.localdate())
    return HttpResponse(status=204)
