from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import env_bool, required_url, secret_key

DEBUG = False
SECRET_KEY = secret_key(DEBUG)

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=True)

# Moderators' e-mails and the admin's links point here; never a default that could be wrong.
WAGTAILADMIN_BASE_URL = required_url(
    "WAGTAILADMIN_BASE_URL", "moderator e-mails and admin notifications link to it."
)
# Upgrade any stray http:// subresource on the public site and in the admin.
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True
ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True

# Several app-server processes must share one cache: comment and login limits count in it, and
# the article fragments and e-services blocks are renewed through it when an editor saves.
# A per-process memory cache would let each worker count alone and show its own stale copy.
if not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL is not set. With production settings the portal needs a shared cache for its "
        "app servers, e.g. REDIS_URL=redis://127.0.0.1:6379/0"
    )
