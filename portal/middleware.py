"""Requests the portal refuses before any view, template or form can read them.

Django answers both cases itself in ways that hurt here: a request without a ``Host`` header
falls back to the server's own name and is served; a form body in another character set makes
``request.POST`` raise ``BadRequest`` inside the CSRF middleware, and Django's default 400 view
runs that middleware again (``requires_csrf_token``), so the reader got a 500. A urlencoded
body is ASCII by definition (browsers percent-encode everything else); Django reads stray raw
bytes in it as Latin-1, which would be stored as mojibake. Each is refused here with a short
Persian page and status 400. (Percent-encoded bytes that are not UTF-8 reach the forms as
replacement characters, which they refuse with the typed text kept.)
"""

from portal import views

FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
UTF8_NAMES = {"utf-8", "utf8"}

NO_HOST = "درخواست نشانی سایت (سرآیند Host) را ندارد."
WRONG_CHARSET = "فرم باید با کدگذاری UTF-8 فرستاده شود. صفحه را دوباره باز کنید و بفرستید."
UNDECODABLE_FORM = "فرم نویسه‌های نامعتبر دارد. صفحه را دوباره باز کنید و متن را دوباره بنویسید."


def bad_request(message):
    return views.bad_request(None, message=message)


def is_utf8_form(request):
    """Whether a form body is declared and encoded as UTF-8 (other bodies are not forms)."""
    if request.content_type not in FORM_CONTENT_TYPES:
        return True
    charset = request.content_params.get("charset", "utf-8").strip().lower()
    return charset in UTF8_NAMES


def urlencoded_body_is_ascii(request):
    if request.content_type != "application/x-www-form-urlencoded":
        return True
    return request.body.isascii()


class RequestHygieneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.META.get("HTTP_HOST"):
            return bad_request(NO_HOST)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            if not is_utf8_form(request):
                return bad_request(WRONG_CHARSET)
            if not urlencoded_body_is_ascii(request):
                return bad_request(UNDECODABLE_FORM)
        return self.get_response(request)
