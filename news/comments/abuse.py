"""Keeping floods and robots out without keeping readers' addresses.

The address is only ever stored as a salted hash. The rate limit lives in Django's cache, which
is Redis in production, so every worker process counts the same posts.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core import signing

from portal.security import count_within
from portal.text import normalize_persian

USER_AGENT_LENGTH = 200
STARTED_SALT = "news.comments.started"
# A form older than this is reloaded rather than trusted (its start time could be replayed).
STARTED_MAX_AGE_SECONDS = 24 * 60 * 60


def rate_limit():
    """(posts, seconds) allowed from one address; settings.COMMENTS_RATE_LIMIT overrides it."""
    return getattr(settings, "COMMENTS_RATE_LIMIT", (5, 10 * 60))


def minimum_fill_seconds():
    return getattr(settings, "COMMENTS_MIN_FILL_SECONDS", 3)


def address_hash(address):
    salt = getattr(settings, "COMMENTS_IP_SALT", "") or settings.SECRET_KEY
    return hmac.new(salt.encode(), address.encode(), hashlib.sha256).hexdigest()


def user_agent(request):
    return normalize_persian(request.headers.get("user-agent", ""))[:USER_AGENT_LENGTH]


def status_rate_limit():
    """(lookups, seconds) of tracking codes from one address: a person checks a few codes, a
    robot guessing codes checks thousands. settings.COMMENTS_STATUS_RATE_LIMIT overrides it."""
    return getattr(settings, "COMMENTS_STATUS_RATE_LIMIT", (30, 10 * 60))


def allow_post(ip_hash):
    """Count one post from this address; False once the address is over its limit."""
    return count_within(f"comments:posts:{ip_hash}", *rate_limit())


def allow_status_lookup(ip_hash):
    """Count one tracking-code lookup from this address; False once it is over its limit."""
    return count_within(f"comments:status:{ip_hash}", *status_rate_limit())


def started_token(at=None):
    """The signed moment the form was shown; the form is refused when it comes back too soon."""
    return signing.dumps(at if at is not None else time.time(), salt=STARTED_SALT)


def seconds_since_started(token):
    """Seconds since the form was shown, or None when the token is forged or too old."""
    try:
        started = signing.loads(token or "", salt=STARTED_SALT, max_age=STARTED_MAX_AGE_SECONDS)
        return time.time() - float(started)
    except (signing.BadSignature, TypeError, ValueError):
        return None
