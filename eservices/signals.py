"""Keep every page fresh: any change to what the e-services blocks show starts a new generation."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.images import get_image_model

from eservices.models import ICON_RENDITION_SPEC, EService, Hotline, ServiceCentre
from eservices.snapshots import start_new_generation


def content_changed(sender, **kwargs):
    start_new_generation()
    # Again after commit: a page rendered between the first bump and the commit may have
    # cached the old rows under the new generation.
    transaction.on_commit(start_new_generation)


def icon_image_changed(sender, instance, **kwargs):
    """An image matters here only as a service's icon: other images (news photos) leave the
    e-services blocks as they are. Checked before a delete, while the icon still points to it."""
    if EService.objects.filter(icon_image=instance).exists():
        content_changed(sender)


def prepare_icon_rendition(sender, instance, **kwargs):
    """Make the icon's rendition now, so showing the icon later never has to."""
    if instance.icon_image_id:
        instance.icon_image.get_rendition(ICON_RENDITION_SPEC)


def connect():
    for model in (EService, Hotline, ServiceCentre):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"eservices-{model.__name__}")
        post_delete.connect(
            content_changed, sender=model, dispatch_uid=f"eservices-del-{model.__name__}"
        )
    image_model = get_image_model()
    post_save.connect(icon_image_changed, sender=image_model, dispatch_uid="eservices-icon-save")
    pre_delete.connect(icon_image_changed, sender=image_model, dispatch_uid="eservices-icon-del")
    post_save.connect(prepare_icon_rendition, sender=EService, dispatch_uid="eservices-icon")
