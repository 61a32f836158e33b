"""Image sizes read from what exists, made only when an editor saves something.

A rendition made on a reader's request costs that reader the resizing and encoding, and the first
reader after an upload is the one most likely to come. So the portal's own images (the
organisation's logo in every page's header and in each article's structured data) are made when
the settings are saved or the logo image is replaced, and pages only look them up: a missing one
shows the built-in emblem instead of being made on the spot. The news app does the same for
article pictures (news/renditions.py), with these helpers.
"""

from wagtail.images.models import Filter

# The header's logo (templates/includes/header.html) and the publisher logo of an article's
# schema.org data (news.models.article), which search engines want as PNG.
HEADER_LOGO = "height-64"
STRUCTURED_DATA_LOGO = "height-120|format-png"
LOGO_SPECS = (HEADER_LOGO, STRUCTURED_DATA_LOGO)


def existing_rendition(image, spec):
    """One existing rendition of `image`, or None; never creates it. Prefetched renditions are
    read first, then the renditions cache, then the database, as Wagtail's own lookup does."""
    item = image.clean_filter_for_svg(Filter(spec=spec))
    return image.find_existing_renditions(item).get(item)


def make_renditions(image, specs):
    """Make the missing renditions of `image` for `specs`; returns how many were made."""
    filters = [image.clean_filter_for_svg(Filter(spec=spec)) for spec in specs]
    # Asked of the database itself: the renditions cache may still hold a row deleted since.
    existing = set(image.renditions.values_list("filter_spec", "focal_point_key"))
    missing = [item for item in filters if (item.spec, item.get_cache_key(image)) not in existing]
    if missing:
        image.create_renditions(*missing)
    return len(missing)


def prepare_logo(sender, instance, **kwargs):
    """The organisation's settings were saved: make the logo's sizes in the editor's request."""
    if not kwargs.get("raw") and instance.logo_id:
        make_renditions(instance.logo, LOGO_SPECS)


def prepare_replaced_logo(sender, instance, **kwargs):
    """An editor replaced the file of the image that serves as the logo: its old sizes are gone."""
    from portal.models import OrganisationSettings

    if kwargs.get("raw") or not instance.file:
        return
    if OrganisationSettings.objects.filter(logo=instance).exists():
        make_renditions(instance, LOGO_SPECS)


def connect():
    from django.db.models.signals import post_save

    from wagtail.images import get_image_model

    from portal.models import OrganisationSettings

    post_save.connect(prepare_logo, sender=OrganisationSettings, dispatch_uid="portal-logo")
    post_save.connect(
        prepare_replaced_logo, sender=get_image_model(), dispatch_uid="portal-logo-image"
    )
