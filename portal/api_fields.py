"""Serializer fields the models' ``api_fields`` use; the endpoints themselves are in portal/api.py.

Kept apart from portal/api.py, which imports the models, so that models can import these.
"""

from rest_framework.fields import Field

from portal.images import existing_rendition
from portal.jalali import format_jalali, iso_8601

# One size for API clients; they get the original proportions cropped to 16:9.
API_IMAGE_RENDITION = "fill-1200x675|format-jpeg"


class IsoDateTimeField(Field):
    """ISO 8601 in Tehran time with its offset, as portal.jalali writes it everywhere."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return iso_8601(value) if value else None


class JalaliDateTimeField(Field):
    """The same moment as readers see it: Jalali, Persian digits."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        if not value:
            return None
        return {
            "date": format_jalali(value, "date"),
            "short": format_jalali(value, "short"),
            "datetime": format_jalali(value, "datetime"),
        }


class NamedItemField(Field):
    """A related snippet as its id, name and slug (a news section, for instance)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        if value is None:
            return None
        return {"id": value.pk, "name": value.name, "slug": value.slug}


class MainImageField(Field):
    """The page's main image as one rendition, with the page's own alt text.

    The image's title is an editor's filing label, not a description: the alt text comes from
    the page, and is empty for an image the editor marked decorative.
    """

    def __init__(self, image_field="main_image", **kwargs):
        self.image_field = image_field
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page):
        image = getattr(page, self.image_field)
        if image is None:
            return None
        # Made at upload (news/renditions.py); an API client's request never makes it.
        rendition = existing_rendition(image, API_IMAGE_RENDITION)
        if rendition is None:
            return None
        decorative = getattr(page, f"{self.image_field}_decorative", False)
        return {
            "url": rendition.full_url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": "" if decorative else getattr(page, f"{self.image_field}_alt", ""),
        }


class TagNamesField(Field):
    """Tag names in alphabetical order, from prefetched tags (Wagtail's own field queries each)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())
