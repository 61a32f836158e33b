import io

import pytest

from django.core.management import call_command

from eservices.models import EService, Hotline, ServiceCentre

pytestmark = pytest.mark.django_db


def test_demo_content_has_the_real_help_lines_and_runs_twice_without_duplicates(client):
    call_command("load_demo_content", stdout=io.StringIO())
    counts = (EService.objects.count(), Hotline.objects.count(), ServiceCentre.objects.count())
    call_command("load_demo_content", stdout=io.StringIO())
    assert (EService.objects.count(), Hotline.objects.count(), ServiceCentre.objects.count()) == (
        counts
    )

    lines = dict(Hotline.objects.values_list("number", "title"))
    assert lines == {"123": "اورژانس اجتماعی", "1480": "صدای مشاور"}
    assert set(Hotline.objects.values_list("hours", flat=True)) == {"شبانه‌روزی"}
    assert EService.objects.popular().count() >= 4
    assert ServiceCentre.objects.values("county").distinct().count() >= 8
    for service in EService.objects.all():
        service.full_clean()  # demo data passes the editors' own validation
    for centre in ServiceCentre.objects.all():
        centre.full_clean()

    html = client.get("/").content.decode()
    assert 'href="tel:123"' in html and 'href="tel:1480"' in html
    assert "خدمات الکترونیک پرکاربرد" in html
