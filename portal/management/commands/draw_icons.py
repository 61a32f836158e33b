"""Draw the portal's PNG icons (favicon, home-screen icons) with Pillow, from the same geometry as
static/img/emblem.svg, into static/img/icons/. The PNGs are committed; run this again after
changing the emblem."""

from pathlib import Path

from PIL import Image, ImageDraw

from django.conf import settings
from django.core.management.base import BaseCommand

BRAND = "#0b4f8a"
SUN = "#ffbf47"
WHITE = "#ffffff"
SIZES = {
    "favicon-32.png": 32,
    "apple-touch-icon.png": 180,
    "icon-192.png": 192,
    "icon-512.png": 512,
}
# Drawn large and scaled down: Pillow's shapes are not anti-aliased.
OVERSAMPLE = 4


def draw_emblem(size):
    scale = size * OVERSAMPLE / 64  # the SVG's viewBox is 64 units wide
    canvas = Image.new("RGBA", (size * OVERSAMPLE,) * 2, (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)

    def circle(cx, cy, r, **style):
        draw.ellipse(
            [(cx - r) * scale, (cy - r) * scale, (cx + r) * scale, (cy + r) * scale], **style
        )

    circle(32, 32, 31, fill=BRAND)
    circle(32, 32, 27, outline=WHITE, width=max(1, round(2 * scale)))
    circle(32, 17, 5, fill=SUN)
    circle(32, 28, 4.5, fill=WHITE)
    # The body: a half disc.
    draw.pieslice([25 * scale, 34 * scale, 39 * scale, 54 * scale], 180, 360, fill=WHITE)
    # The two hands: arcs of a circle around the person.
    hands = [13 * scale, 14 * scale, 51 * scale, 48 * scale]
    draw.arc(hands, 20, 90, fill=WHITE, width=max(1, round(4 * scale)))
    draw.arc(hands, 90, 160, fill=WHITE, width=max(1, round(4 * scale)))
    return canvas.resize((size, size), Image.LANCZOS)


class Command(BaseCommand):
    help = "Draw the PNG favicon and home-screen icons into static/img/icons/."

    def handle(self, *args, **options):
        folder = Path(settings.BASE_DIR) / "static" / "img" / "icons"
        folder.mkdir(parents=True, exist_ok=True)
        for name, size in SIZES.items():
            draw_emblem(size).save(folder / name, optimize=True)
            self.stdout.write(f"{name}: {size}×{size}")
