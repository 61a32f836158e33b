"""Pictures from renditions that already exist; a reader's request never makes one.

{% stored_picture image "thumbnail" sizes="..." alt="" loading="lazy" class="..." %}

The set names are news.renditions.PICTURES. Missing renditions (an image uploaded while the task
worker was down) give no picture at all rather than slowing the page down: the task, or
`manage.py generate_renditions`, makes them and a new fragment generation shows them.
"""

from django import template

from wagtail.images.models import Picture

from news.renditions import stored_renditions

register = template.Library()


@register.simple_tag
def stored_picture(image, name, **attrs):
    if not image:
        return ""
    renditions = stored_renditions(image, name)
    if renditions is None:
        return ""
    return Picture(renditions, attrs).__html__()
