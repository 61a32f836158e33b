"""Builders for e-services tests: real rows, saved the way the admin saves them."""

import io
import itertools

from PIL import Image as PILImage

from django.core.files.images import ImageFile

from wagtail.images.models import Image

from eservices.models import EService, Hotline, ServiceCentre

_sequence = itertools.count(1)


def eservice(**overrides):
    number = next(_sequence)
    values = {
        "title": f"سامانهٔ نمونهٔ {number}",
        "description": "توضیح کوتاه خدمت",
        "address": f"https://service-{number}.behzisti.example/start",
        "category": "پرونده و درخواست",
        "popular": True,
    }
    values.update(overrides)
    return EService.objects.create(**values)


def hotline(**overrides):
    values = {"number": "123", "title": "اورژانس اجتماعی", "hours": "شبانه‌روزی"}
    values.update(overrides)
    return Hotline.objects.create(**values)


def centre(**overrides):
    number = next(_sequence)
    values = {
        "name": f"ادارهٔ بهزیستی نمونهٔ {number}",
        "county": "اهواز",
        "city": "اهواز",
        "address": "خیابان نمونه، پلاک ۱",
        "phone_numbers": "06133330000",
        "hours": "شنبه تا چهارشنبه",
    }
    values.update(overrides)
    return ServiceCentre.objects.create(**values)


def icon_image(title="نماد"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (200, 200), (11, 79, 138)).save(buffer, "PNG")
    return Image.objects.create(
        title=title, file=ImageFile(buffer, name=f"eservice-icon-{next(_sequence)}.png")
    )
