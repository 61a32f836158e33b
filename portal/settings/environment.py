"""Reading configuration from the environment, shared by every settings module."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in TRUE_WORDS


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def secret_key(debug, development_key=None):
    """Return the secret key; without DEBUG a missing key stops the process with a clear message."""
    key = os.environ.get("DJANGO_SECRET_KEY", "").strip()
    if key:
        return key
    if debug and development_key:
        return development_key
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. With DEBUG off the portal refuses to start without a secret "
        "key from the environment, e.g. DJANGO_SECRET_KEY=$(python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))')"
    )


def required_url(name, purpose):
    """An absolute http(s) address from the environment; without one the process stops."""
    value = os.environ.get(name, "").strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc:
        return value
    raise ImproperlyConfigured(
        f"{name} is not set to an absolute address (e.g. https://behzisti-khz.ir). With DEBUG off "
        f"the portal needs it from the environment: {purpose}"
    )
