"""What the public blocks and pages show, read once from the database and then from the cache.

Each snapshot is a list of small dataclasses (not model instances) stored under a key that
carries the format version and a *generation* token. Saving or deleting any e-service, help
line, centre or icon image replaces the token (see signals.py), so every process and every page
moves to fresh data at once; entries of old generations are never read again and simply expire.

Within one request each snapshot is also remembered on the request, so the hotline bar, the
footer and the sidebar share one cache read.
"""

import uuid
from dataclasses import dataclass, field

from django.core.cache import cache

from wagtail.images import get_image_model

from eservices.models import ICON_RENDITION_SPEC, EService, Hotline, ServiceCentre
from portal.text import fold_for_search

GENERATION_KEY = "eservices:generation"
# Raise when the entries below change shape, so a deploy never reads entries of the old shape.
SNAPSHOT_FORMAT = 1
SNAPSHOT_TIMEOUT = 60 * 60 * 24
REQUEST_MEMO_ATTRIBUTE = "_eservices_snapshots"


@dataclass(frozen=True)
class HotlineEntry:
    number: str
    title: str
    description: str
    hours: str


@dataclass(frozen=True)
class ServiceEntry:
    title: str
    description: str
    address: str
    category: str
    icon_name: str
    icon_url: str
    search_text: str


@dataclass(frozen=True)
class CentreEntry:
    name: str
    county: str
    city: str
    address: str
    phones: list = field(default_factory=list)
    hours: str = ""
    latitude: str = ""
    longitude: str = ""

    @property
    def county_key(self):
        return fold_for_search(self.county)


def _hotlines():
    return [
        HotlineEntry(line.number, line.title, line.description, line.hours)
        for line in Hotline.objects.active()
    ]


def _icon_url(service):
    if service.icon_image_id is None:
        return ""
    if service.icon_rendition_file:
        rendition_file = get_image_model().get_rendition_model()._meta.get_field("file")
        return rendition_file.storage.url(service.icon_rendition_file)
    # Normally made when the service is saved (signals.py); made here only if it went missing.
    return service.icon_image.get_rendition(ICON_RENDITION_SPEC).url


def _services(queryset):
    services = queryset.active().with_icon_rendition().select_related("icon_image")
    return [
        ServiceEntry(
            title=service.title,
            description=service.description,
            address=service.address,
            category=service.category,
            icon_name=service.builtin_icon,
            icon_url=_icon_url(service),
            search_text=fold_for_search(
                f"{service.title} {service.description} {service.category}"
            ),
        )
        for service in services
    ]


def _centres():
    return [
        CentreEntry(
            name=centre.name,
            county=centre.county,
            city=centre.city,
            address=centre.address,
            phones=centre.phone_list,
            hours=centre.hours,
            latitude="" if centre.latitude is None else str(centre.latitude),
            longitude="" if centre.longitude is None else str(centre.longitude),
        )
        for centre in ServiceCentre.objects.active()
    ]


BUILDERS = {
    "hotlines": _hotlines,
    "popular_services": lambda: _services(EService.objects.popular()),
    "all_services": lambda: _services(EService.objects.all()),
    "centres": _centres,
}


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # add() so that two processes starting together agree on one token.
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def start_new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def snapshot_key(name):
    return f"eservices:{name}:v{SNAPSHOT_FORMAT}:{current_generation()}"


def snapshot(name, request=None):
    memo = getattr(request, REQUEST_MEMO_ATTRIBUTE, None) if request is not None else None
    if memo is not None and name in memo:
        return memo[name]

    key = snapshot_key(name)
    entries = cache.get(key)
    if entries is None:
        entries = BUILDERS[name]()
        cache.set(key, entries, SNAPSHOT_TIMEOUT)

    if request is not None:
        if memo is None:
            memo = {}
            setattr(request, REQUEST_MEMO_ATTRIBUTE, memo)
        memo[name] = entries
    return entries
