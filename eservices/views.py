"""The e-services page and the service-centres page; both read cached snapshots (snapshots.py)."""

from dataclasses import dataclass, field

from django.shortcuts import render
from django.views.decorators.http import require_GET

from eservices.snapshots import snapshot
from portal.text import fold_for_search, persian_sort_key

QUERY_MAX_LENGTH = 100


@dataclass
class Group:
    name: str
    items: list = field(default_factory=list)
    visible_count: int = 0


def matches(search_text, terms):
    return all(term in search_text for term in terms)


@require_GET
def services(request):
    query = request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
    terms = fold_for_search(query).split()

    categories = {}
    for service in snapshot("all_services", request):
        group = categories.setdefault(fold_for_search(service.category), Group(service.category))
        visible = matches(service.search_text, terms)
        group.items.append((service, visible))
        group.visible_count += visible

    groups = list(categories.values())
    return render(
        request,
        "eservices/services_page.html",
        {
            "query": query,
            "groups": groups,
            "total": sum(len(group.items) for group in groups),
            "found": sum(group.visible_count for group in groups),
        },
    )


@require_GET
def centres(request):
    all_centres = snapshot("centres", request)
    by_county = {}
    for centre in all_centres:
        by_county.setdefault(centre.county_key, Group(centre.county)).items.append(centre)
    counties = sorted(by_county.values(), key=lambda group: persian_sort_key(group.name))

    asked = request.GET.get("county", "").strip()[:QUERY_MAX_LENGTH]
    chosen = by_county.get(fold_for_search(asked)) if asked else None
    return render(
        request,
        "eservices/centres_page.html",
        {
            "counties": counties,
            "shown": [chosen] if chosen else counties,
            "chosen": chosen,
            "unknown_county": asked if asked and chosen is None else "",
            "total": len(all_centres),
        },
    )
