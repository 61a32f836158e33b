"""Keep every page fresh: any change to what the e-services blocks show starts a new generation."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.images import get_image_model

from eservices.models import ICON_RENDITION_SPEC, EService, Hotline, ServiceCentre
from eservices.snapshots import start_new_generation


def content_changed(sender, **kwargs):
    start_new_generation()
    # Again after commit: a page rendered between the first bump and the commit may have
    # cached the old rows under the new generation.
    transaction.on_commit(start_new_generation)


def prepare_icon_rendition(sender, instance, **kwargs):
    """Make the icon's rendition now, so showing the icon later never has to."""
    if instance.icon_image_id:
        instance.icon_image.get_rendition(ICON_RENDITION_SPEC)


def connect():
    for model in (EService, Hotline, ServiceCentre, get_image_model()):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"eservices-{model.__name__}")
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"eservices-del-{model.__name__}"
        )
    post_save.connect(prepare_icon_rendition, sender=EService, dispatch_uid="eservices-icon")
