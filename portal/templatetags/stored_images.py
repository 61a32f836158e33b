"""Images from renditions that already exist; a reader's request never makes one.

{% stored_image image "height-64" alt="" class="..." as logo %}
{% if logo %}{{ logo }}{% else %}<img src="fallback">{% endif %}
"""

from django import template

from portal.images import existing_rendition

register = template.Library()


@register.simple_tag
def stored_image(image, spec, **attrs):
    if not image:
        return ""
    rendition = existing_rendition(image, spec)
    return rendition.img_tag(attrs) if rendition else ""
