"""Illustrations for the demo articles, drawn by code (Pillow): soft shapes in the section's colour.

Decorative on purpose (the article's title says what it is about), and never pictures of text.
The same article always gets the same picture: the drawing is seeded by the article's slug.
"""

import io
import random

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

WIDTH, HEIGHT = 1200, 675
# Section colours: dark enough that the lighter shapes drawn over them stay calm.
SECTION_COLOURS = {
    "social": (11, 79, 138),
    "employment": (29, 94, 32),
    "rehabilitation": (90, 42, 130),
    "counties": (138, 28, 11),
}
DEFAULT_COLOUR = (8, 58, 102)


def _lighter(colour, amount):
    return tuple(round(channel + (255 - channel) * amount) for channel in colour)


def draw(seed, colour):
    """A JPEG (bytes): a field of overlapping circles and bands in tints of `colour`."""
    rng = random.Random(seed)  # noqa: S311 -- a drawing, not a secret
    picture = PILImage.new("RGB", (WIDTH, HEIGHT), colour)
    layer = ImageDraw.Draw(picture, "RGBA")
    for _ in range(3):  # wide bands, like hills on the horizon
        top = rng.randint(HEIGHT // 2, HEIGHT - 80)
        tint = _lighter(colour, rng.uniform(0.15, 0.35))
        layer.ellipse([-300, top, WIDTH + 300, top + HEIGHT], fill=(*tint, 150))
    for _ in range(rng.randint(5, 8)):  # circles: people, suns, places
        radius = rng.randint(40, 170)
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT // 2 + 100)
        tint = _lighter(colour, rng.uniform(0.35, 0.85))
        layer.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*tint, 120))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def illustration(article_slug, section_slug):
    """An article's illustration as a Wagtail image, made once and found again by its title."""
    images = get_image_model().objects
    title = f"تصویرسازی نمونه: {article_slug}"
    existing = images.filter(title=title).first()
    if existing:
        return existing
    data = draw(article_slug, SECTION_COLOURS.get(section_slug, DEFAULT_COLOUR))
    return images.create(title=title, file=ImageFile(io.BytesIO(data), name="demo-news.jpg"))
