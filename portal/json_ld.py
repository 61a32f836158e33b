"""schema.org data for search engines, as one <script type="application/ld+json"> element."""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# The escapes of Django's json_script: nothing in the data can close the element or open a comment.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """The element itself. Django's json_script filter would do, but it writes
    type="application/json", which search engines do not read as structured data."""
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
