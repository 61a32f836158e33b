"""Built-in e-service icons, drawn for this project as simple line drawings on a 24×24 grid.

They are inlined as SVG (no extra request, they take the text colour, so contrast follows the
theme) and are always decorative: the service title beside them carries the meaning.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe

ICONS = {
    "document": ("پرونده و درخواست", '<path d="M6 2h9l5 5v15H6z M14 2v6h6 M9 13h8M9 17h6"></path>'),
    "person": (
        "حساب کاربری",
        '<circle cx="12" cy="8" r="4"></circle><path d="M4 21c0-4 4-7 8-7s8 3 8 7"></path>',
    ),
    "family": (
        "خانواده",
        '<circle cx="8" cy="7" r="3"></circle><circle cx="17" cy="9" r="2.5"></circle>'
        '<path d="M2 20c0-3.5 2.7-6 6-6s6 2.5 6 6 M13.5 20c.3-2.8 1.8-5 3.5-5s3.5 1.7 4 5"></path>',
    ),
    "calendar": (
        "نوبت و زمان",
        '<rect x="3" y="5" width="18" height="16" rx="2"></rect>'
        '<path d="M3 10h18 M8 3v4 M16 3v4"></path>',
    ),
    "payment": (
        "پرداخت و مستمری",
        '<rect x="2" y="6" width="20" height="13" rx="2"></rect><path d="M2 10h20 M6 15h4"></path>',
    ),
    "search": (
        "پیگیری و جستجو",
        '<circle cx="11" cy="11" r="7"></circle><path d="M16.5 16.5 21 21"></path>',
    ),
    "home": ("مسکن", '<path d="M3 11 12 4l9 7 M5 10v10h14V10 M10 20v-6h4v6"></path>'),
    "heart": (
        "حمایت",
        '<path d="M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z"></path>',
    ),
    "chat": ("مشاوره", '<path d="M4 5h16v11H9l-5 4z M8 9h8 M8 12h5"></path>'),
    "rehabilitation": (
        "توانبخشی",
        '<circle cx="12" cy="4" r="2"></circle><path d="M5 8h14 M12 8v6 M8 21l4-7 4 7"></path>',
    ),
}

DEFAULT_ICON = "document"
ICON_CHOICES = [(name, label) for name, (label, _drawing) in ICONS.items()]


def render_icon(name):
    _label, drawing = ICONS.get(name) or ICONS[DEFAULT_ICON]
    return format_html(
        '<svg class="eservice-icon" viewBox="0 0 24 24" width="48" height="48" aria-hidden="true"'
        ' focusable="false" fill="none" stroke="currentColor" stroke-width="1.8"'
        ' stroke-linecap="round" stroke-linejoin="round">{}</svg>',
        mark_safe(drawing),  # noqa: S308 - constant drawings written above, never user input
    )
