"""E-services on the site's search page: registered as a "register_search_results" hook."""

from wagtail.search.backends import get_search_backend

from eservices.models import EService
from portal.search.highlight import highlight

MAX_RESULTS = 6


def search_results(query, pattern):
    """The active e-services matching the query, highlighted, as one result group."""
    services = get_search_backend().search(query, EService.objects.active())[:MAX_RESULTS]
    return {
        "heading": "خدمات الکترونیک",
        "template": "eservices/includes/search_results.html",
        "items": [
            {
                "service": service,
                "title": highlight(service.title, pattern),
                "description": highlight(service.description, pattern),
            }
            for service in services
        ],
    }
