"""Links that leave the portal.

{{ service.title|external_link_text }}   the words, an arrow that never leaves the last word's
                                         line, and "(پیوند به سامانهٔ بیرونی)" for screen readers
"""

from django import template
from django.utils.html import format_html

register = template.Library()

# U+2060 WORD JOINER: no line break between the last letter and the arrow, and unlike a no-break
# space it adds no gap and does not change the letter's joined form.
WORD_JOINER = "\u2060"


@register.filter
def external_link_text(text):
    # The arrow is drawn only (aria-hidden); the hidden words say the same thing aloud.
    return format_html(
        '{}<span class="external-link__mark" aria-hidden="true">{}↖</span>'
        '<span class="visually-hidden"> (پیوند به سامانهٔ بیرونی)</span>',
        text,
        WORD_JOINER,
    )
