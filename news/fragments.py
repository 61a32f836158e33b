"""Rendered article fragments, cached under a *generation* token that any content change replaces.

An article's page shows far more than its own row: its tags, section, related news, approved
comments, the organisation's name and logo, images, help lines and e-services. Rather than track
which of those each cached fragment used, any save or delete of a model readers can see starts a
new generation; fragments of older generations are never read again and simply expire. Edits are
rare next to reads, so the cache stays warm. View counts are the exception: they change on every
read and no fragment shows them; nor do comments, which the page always reads live.

Whole pages (news/page_cache.py) have a generation of their own, which every content change
replaces too, and so does any change to a comment: a page shows its approved comments, a fragment
does not.
"""

import contextvars
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.contrib.settings.models import BaseSiteSetting

GENERATION_KEY = "news:fragments:generation"
PAGES_GENERATION_KEY = "news:pages:generation"
FRAGMENT_TIMEOUT = 60 * 60 * 24
# Apps whose rows appear on public pages; any save or delete there may change a fragment.
WATCHED_APPS = {"news", "portal", "eservices", "taggit", "wagtailcore", "wagtailimages"}
# Rows that change without changing what a fragment shows (and change often). Comments are
# rendered outside the fragments, so a moderator's approval never empties the cache.
IGNORED_MODELS = {"news.newsdailyviews", "news.comment", "wagtailimages.rendition"}
# Wagtail fills these in on an image the first time a page needs them: bookkeeping, not content.
IGNORED_FIELDS = {"file_size", "file_hash"}


# The tokens a request has read, so it reads each once and sees one generation throughout (set
# by GenerationPerRequestMiddleware; outside a request every call reads the cache).
_request_tokens = contextvars.ContextVar("news_generation_tokens", default=None)


def current_token(key):
    known = _request_tokens.get()
    if known is not None and key in known:
        return known[key]
    # Both tokens in one round trip: a page reads the pages generation and then the other.
    tokens = cache.get_many([GENERATION_KEY, PAGES_GENERATION_KEY])
    token = tokens.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, None)
        token = cache.get(key)
    # A dummy cache stores nothing, and then nothing is ever read back either.
    token = token or "uncached"
    if known is not None:
        known.update(tokens)
        known[key] = token
    return token


def generation():
    return current_token(GENERATION_KEY)


def pages_generation():
    return current_token(PAGES_GENERATION_KEY)


def remember_tokens(tokens):
    known = _request_tokens.get()
    if known is not None:
        known.update(tokens)


def start_new_generation():
    tokens = {GENERATION_KEY: uuid.uuid4().hex, PAGES_GENERATION_KEY: uuid.uuid4().hex}
    cache.set_many(tokens, None)
    remember_tokens(tokens)


def start_new_pages_generation():
    token = uuid.uuid4().hex
    cache.set(PAGES_GENERATION_KEY, token, None)
    remember_tokens({PAGES_GENERATION_KEY: token})


class GenerationPerRequestMiddleware:
    """Each request reads the generation tokens from the cache once, however many fragments,
    counts and lists it looks up under them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reset = _request_tokens.set({})
        try:
            return self.get_response(request)
        finally:
            _request_tokens.reset(reset)


def comment_changed(sender, **kwargs):
    start_new_pages_generation()
    transaction.on_commit(start_new_pages_generation)


def content_changed(sender, **kwargs):
    if sender._meta.app_label not in WATCHED_APPS or sender._meta.label_lower in IGNORED_MODELS:
        return
    if kwargs.get("created") and issubclass(sender, BaseSiteSetting):
        # Wagtail creates a site's settings row, with its defaults, on the first page view that
        # reads it: the page already showed those defaults.
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= IGNORED_FIELDS:
        return
    start_new_generation()
    # Again after commit: a page rendered between the first bump and the commit may have
    # cached the old rows under the new generation.
    transaction.on_commit(start_new_generation)


def connect():
    post_save.connect(content_changed, dispatch_uid="news-fragments-save")
    post_delete.connect(content_changed, dispatch_uid="news-fragments-delete")
    m2m_changed.connect(content_changed, dispatch_uid="news-fragments-m2m")
    post_save.connect(comment_changed, sender="news.Comment", dispatch_uid="news-pages-save")
    post_delete.connect(comment_changed, sender="news.Comment", dispatch_uid="news-pages-delete")
