"""Security shared by every app: who the client is, counting attempts, and the page policies.

The client's address is read the same way for comment limits, tracking-code lookups, admin
login lockout (django-axes) and password-reset requests, so one proxy setting serves them all.
"""

from axes.helpers import get_cool_off
from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

ADMIN_PREFIX = "/admin/"
TOO_MANY_RESETS = (
    "درخواست‌های بازیابی گذرواژه از این نشانی زیاد بوده است. یک ساعت دیگر دوباره تلاش کنید "
    "یا از مدیر سامانه بخواهید گذرواژه را بازنشانی کند."
)


def client_address(request):
    """The reader's address: REMOTE_ADDR, or the header a reverse proxy overwrites.

    Behind a proxy, CLIENT_ADDRESS_HEADER names that header (e.g. HTTP_X_REAL_IP). Never a header
    the client writes itself: one address could pose as many and escape every limit.
    """
    header = getattr(settings, "CLIENT_ADDRESS_HEADER", "") or "REMOTE_ADDR"
    return request.META.get(header, "").strip()[:64]


def count_within(key, allowed, seconds):
    """Count one attempt under ``key`` in the shared cache; False once over ``allowed``."""
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add() and incr()
        cache.add(key, 1, timeout=seconds)
        count = 1
    return count <= allowed


def throttle_password_resets(view):
    """Wagtail's password-reset form, limited per address and per e-mail address asked for.

    django-axes guards the login form only; without this, one address could make the portal
    send unlimited reset mails to an editor (or probe which addresses have accounts).
    """

    def throttled(request, *args, **kwargs):
        if request.method == "POST":
            per_address, per_email, seconds = settings.PASSWORD_RESET_RATE_LIMIT
            email = request.POST.get("email", "").strip().lower()[:254]
            allowed = count_within(
                f"password-reset:address:{client_address(request)}", per_address, seconds
            )
            if email:
                allowed = (
                    count_within(f"password-reset:email:{email}", per_email, seconds) and allowed
                )
            if not allowed:
                context = {"message": TOO_MANY_RESETS}
                return render(request, "portal/too_many_attempts.html", context, status=429)
        return view(request, *args, **kwargs)

    return throttled


def admin_lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE), in Persian."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "portal/admin_locked_out.html", context, status=429)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp with two policies: the strict one for the public site, a looser one for /admin/.

    Wagtail's admin relies on inline scripts and styles, so its policy allows them but keeps
    everything else (no framing by other sites, forms posting only here, no plugins, no <base>).
    The public site's policy has no 'unsafe-inline' at all: every script and style is a file.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIX):
            return PolicyParts(
                settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                parts.update,
                parts.replace,
                parts.nonce,
            )
        return parts
