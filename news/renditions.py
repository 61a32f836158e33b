"""Every image size the public pages show, made when an image is uploaded or an article published.

Readers' requests only read renditions that exist (templatetags/renditions.py): generating an
AVIF of a large photo takes a noticeable fraction of a second, and a page that did it on first view
would be slow exactly when an article is new and most read. The work runs as a task (TASKS in the
settings): in the editor's request with the "immediate" backend, in `manage.py db_worker` in
production. `manage.py generate_renditions` makes whatever is missing (after an upgrade that adds
a size, or for images uploaded before this existed); `load_demo_content` runs it too.

The picture sets are written as the `{% picture %}` tag would write them, and expanded by Wagtail's
own Filter.expand_spec, so a spec's spelling here is exactly the rendition row's filter_spec.
"""

import logging

from django_tasks import task

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from news.feeds import FEED_RENDITION
from news.models.article import SOCIAL_IMAGE
from portal.api_fields import API_IMAGE_RENDITION
from portal.images import make_renditions

logger = logging.getLogger(__name__)

# Pillow 11.3+ encodes AVIF itself (checked with PIL.features.check("avif") on this stack); the
# browser takes the first <source> it understands, JPEG being the fallback every browser reads.
FORMATS = "format-{avif,webp,jpeg}"
PICTURES = {
    # The home page's lead story, the article's main image and images in an article's body: the
    # photo's own proportions, up to the 1200 px a 2× phone or a desktop column needs.
    "large": f"{FORMATS} width-{{480,800,1200}}",
    # Cards in listings, on the home page and in related news: cropped to one shape so the grid
    # lines up; 640 px covers a 320 px card on a 2× screen.
    "thumbnail": f"{FORMATS} fill-{{320x180,640x360}}",
    # Images of a gallery block in an article's body.
    "gallery": f"{FORMATS} width-{{320,640}}",
}
# Single files other readers fetch: social previews (og:image), feed enclosures, API clients.
SINGLE_SPECS = [SOCIAL_IMAGE, FEED_RENDITION, API_IMAGE_RENDITION]

# What any uploaded image may become: an article's main image, a body image or a gallery image;
# made at upload so that even a preview finds them.
UPLOAD_PICTURES = ("large", "thumbnail", "gallery")


def picture_specs(name):
    return Filter.expand_spec(PICTURES[name].split(" "))


def specs_for(picture_names, singles=()):
    specs = [spec for name in picture_names for spec in picture_specs(name)]
    return list(dict.fromkeys([*specs, *singles]))


def stored_renditions(image, name):
    """The renditions of picture set `name`, keyed by spec in the set's order, if all exist; else
    None. Never creates one: prefetched renditions are read first, then the renditions cache, then
    the database (one query), exactly as Wagtail's own lookup does."""
    filters = [image.clean_filter_for_svg(Filter(spec=spec)) for spec in picture_specs(name)]
    found = image.find_existing_renditions(*filters)
    if len(found) < len(filters):
        logger.warning(
            "Image %s has no %s renditions yet; run manage.py generate_renditions", image.pk, name
        )
        return None
    return {item.spec: found[item] for item in filters}


@task()
def generate_image_renditions(image_pk, specs):
    image = get_image_model().objects.filter(pk=image_pk).first()
    if image is None:  # deleted before the worker got to it
        return 0
    made = make_renditions(image, specs)
    if made:
        # Article fragments cached while these were missing show no picture: render them again.
        from news import fragments

        fragments.start_new_generation()
    return made


def article_images(article):
    """(image, picture names) for every image an article shows."""
    if article.main_image_id:
        yield article.main_image, UPLOAD_PICTURES
    for block in article.body:
        if block.block_type == "image" and block.value["image"]:
            yield block.value["image"], ("large",)
        elif block.block_type == "gallery":
            for item in block.value["images"]:
                if item["image"]:
                    yield item["image"], ("gallery",)


def image_saved(sender, instance, **kwargs):
    if kwargs.get("raw") or not instance.file or instance.is_svg():
        return  # an SVG (if ever allowed) is drawn as it is, not rasterised into these formats
    update_fields = kwargs.get("update_fields")
    # Wagtail records an image's size and hash the first time it needs them: no new pixels.
    if update_fields and set(update_fields) <= {"file_size", "file_hash"}:
        return
    generate_image_renditions.enqueue(instance.pk, specs_for(UPLOAD_PICTURES, SINGLE_SPECS))


def article_published(sender, instance, **kwargs):
    wanted = {}
    for image, names in article_images(instance):
        wanted.setdefault(image.pk, set()).update(names)
    for image_pk, names in wanted.items():
        singles = SINGLE_SPECS if image_pk == instance.main_image_id else ()
        generate_image_renditions.enqueue(image_pk, specs_for(sorted(names), singles))


def backfill(stdout=None):
    """Make every missing rendition of every image and of every live article's images, in this
    process (a command, not a request). Returns how many were made."""
    from news.models import NewsPage

    made = 0
    upload_specs = specs_for(UPLOAD_PICTURES, SINGLE_SPECS)
    for image in get_image_model().objects.iterator():
        if not image.is_svg():
            made += make_renditions(image, upload_specs)
    for article in NewsPage.objects.live().specific().iterator():
        for image, names in article_images(article):
            made += make_renditions(image, specs_for(names))
    if made:
        from news import fragments

        fragments.start_new_generation()
    if stdout is not None:
        stdout.write(f"نسخه‌های تصویر: {made} نسخهٔ تازه ساخته شد.")
    return made


def connect():
    from django.db.models.signals import post_save

    from wagtail.signals import page_published

    from news.models import NewsPage

    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="news-renditions-image")
    page_published.connect(article_published, sender=NewsPage, dispatch_uid="news-renditions-page")
