"""The PNG icons are drawn by our own command and match the sizes the manifest promises."""

import json
from pathlib import Path

from PIL import Image

from django.core.management import call_command

ICONS = Path(__file__).resolve().parents[2] / "static" / "img" / "icons"


def test_draw_icons_draws_every_png_the_manifest_and_pages_name(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    call_command("draw_icons", stdout=open("/dev/null", "w"))  # noqa: SIM115
    drawn = tmp_path / "static" / "img" / "icons"
    manifest = json.loads((ICONS / "site.webmanifest").read_text())
    for icon in manifest["icons"]:
        if icon["type"] == "image/png":
            width, height = (int(number) for number in icon["sizes"].split("x"))
            with Image.open(drawn / icon["src"]) as image:
                assert image.size == (width, height)
                # The emblem's blue fills the middle; the corners stay transparent.
                assert image.convert("RGBA").getpixel((0, 0))[3] == 0
                assert image.convert("RGB").getpixel((width // 2, height // 10)) != (0, 0, 0)
            # The committed file is the same size as a fresh drawing.
            with Image.open(ICONS / icon["src"]) as committed:
                assert committed.size == (width, height)
