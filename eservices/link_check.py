"""Does an e-service address answer? HEAD first, GET when HEAD is refused, redirects followed."""

import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass

from portal.text import persian_digits

USER_AGENT = "KhuzestanWelfarePortal-LinkChecker/1.0"
MAX_REDIRECTS = 5


class InsecureRedirect(urllib.error.URLError):
    """The address sends readers on to a plain http address."""


@dataclass(frozen=True)
class LinkCheckResult:
    ok: bool
    summary: str  # Persian, shown to editors in the admin


class _RedirectsKeepingMethod(urllib.request.HTTPRedirectHandler):
    """urllib turns a redirected HEAD into a GET; keep HEAD so no body is downloaded."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith("https://"):
            raise InsecureRedirect(newurl)
        new_request = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new_request is not None:
            new_request.method = req.get_method()
        return new_request


def _open(url, method, timeout, ssl_context):
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=ssl_context), _RedirectsKeepingMethod()
    )
    # Only https reaches here (check_address refuses anything else, redirects included).
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
    with opener.open(request, timeout=timeout) as response:
        return response.status, response.geturl()


def _describe_failure(error, timeout):
    if isinstance(error, InsecureRedirect):
        return f"خراب: به نشانی ناامن {error.reason} می‌رود"
    if isinstance(error, urllib.error.HTTPError):
        if error.code in (301, 302, 303, 307, 308):
            return "خراب: تغییر مسیرهای پی‌درپی (بیش از حد یا چرخشی)"
        return f"خراب: پاسخ {persian_digits(error.code)} از سامانه"
    reason = getattr(error, "reason", error)
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"خراب: در {persian_digits(timeout)} ثانیه پاسخی نیامد"
    if isinstance(reason, ssl.SSLError):
        return "خراب: گواهی امنیتی (SSL) سامانه معتبر نیست"
    if isinstance(reason, socket.gaierror):
        return "خراب: نام دامنه پیدا نشد"
    if isinstance(reason, ConnectionRefusedError):
        return "خراب: سامانه اتصال را نپذیرفت"
    return f"خراب: اتصال برقرار نشد ({reason})"


def check_address(url, timeout=10, ssl_context=None):
    """Never raises for a network problem: every outcome becomes a LinkCheckResult."""
    if not url.lower().startswith("https://"):
        return LinkCheckResult(False, "خراب: فقط نشانی‌های https بررسی می‌شوند")
    ssl_context = ssl_context or ssl.create_default_context()
    last_error = None
    # Some servers refuse or mishandle HEAD; a GET tells us what a reader's browser would see.
    for method in ("HEAD", "GET"):
        try:
            status, final_url = _open(url, method, timeout, ssl_context)
        except (urllib.error.URLError, OSError, ValueError) as error:
            last_error = error
            if isinstance(getattr(error, "reason", None), (TimeoutError, socket.timeout)):
                break  # a server that does not answer HEAD in time will not answer GET either
            continue
        summary = f"سالم (پاسخ {persian_digits(status)})"
        if final_url != url:
            summary += f"؛ به {final_url} می‌رود"
        return LinkCheckResult(True, summary[:200])
    return LinkCheckResult(False, _describe_failure(last_error, timeout)[:200])
