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


def started_token(captcha_key, at=None):
    """The signed moment a form with this question was shown.

    The form is refused when it comes back too soon. The token names its question, so a start
    time saved from an older form cannot be sent with a new question to skip the wait.
    """
    started = at if at is not None else time.time()
    return signing.dumps({"at": started, "key": captcha_key}, salt=STARTED_SALT)


def read_started_token(token):
    """(moment, captcha key) from a genuine token no older than a day, else None."""
    try:
        payload = signing.loads(token or "", salt=STARTED_SALT, max_age=STARTED_MAX_AGE_SECONDS)
        return float(payload["at"]), str(payload["key"])
    except (signing.BadSignature, TypeError, ValueError, KeyError):
        return None


def seconds_since_started(token, captcha_key):
    """Seconds since the form with this question was shown; None when forged, too old or the
    token was issued with another question."""
    started = read_started_token(token)
    if started is None or started[1] != captcha_key:
        return None
    return time.time() - started[0]
