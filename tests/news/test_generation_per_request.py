"""A request reads the generation tokens once (news/fragments.py): every part it renders is keyed
on the same generation, and an edit it makes itself is seen by the rest of it."""

import pytest

from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from news import fragments

pytestmark = pytest.mark.django_db


def serve(view):
    return fragments.GenerationPerRequestMiddleware(view)(RequestFactory().get("/"))


def test_one_request_keeps_one_generation_while_another_worker_starts_a_new_one():
    seen = []

    def page(request):
        seen.append(fragments.generation())
        cache.set(fragments.GENERATION_KEY, "another-workers-edit", None)
        seen.append(fragments.generation())
        return HttpResponse()

    serve(page)
    assert seen[0] == seen[1] != "another-workers-edit"

    seen.clear()
    serve(lambda request: seen.append(fragments.generation()) or HttpResponse())
    assert seen == ["another-workers-edit"]


def test_an_edit_made_during_a_request_is_seen_by_the_rest_of_it():
    seen = {}

    def page(request):
        seen["before"] = (fragments.generation(), fragments.pages_generation())
        fragments.start_new_generation()
        seen["after"] = (fragments.generation(), fragments.pages_generation())
        return HttpResponse()

    serve(page)
    assert seen["before"][0] != seen["after"][0] and seen["before"][1] != seen["after"][1]
    stored = (cache.get(fragments.GENERATION_KEY), cache.get(fragments.PAGES_GENERATION_KEY))
    assert seen["after"] == stored


def test_outside_a_request_every_call_reads_the_cache():
    first = fragments.generation()
    cache.set(fragments.GENERATION_KEY, "changed-elsewhere", None)
    assert first != fragments.generation() == "changed-elsewhere"
