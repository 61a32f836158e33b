"""The blocks cost at most two queries (none from the cache); an edit shows everywhere at once."""

import pytest

from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Site

from eservices import snapshots
from eservices.models import Hotline
from portal.models import OrganisationSettings
from tests.factories import eservices as make

pytestmark = pytest.mark.django_db

EVERY_BLOCK = (
    "eservices/includes/hotline_bar.html",
    "eservices/includes/popular_eservices.html",
    "eservices/includes/sidebar.html",
    "eservices/includes/hotlines_footer.html",
)


def fill(count):
    image = make.icon_image()
    for index in range(count):
        make.hotline(number=f"{1480 + index}", title=f"خط {index}")
        # Half of them with an uploaded icon: an icon never costs a query of its own.
        make.eservice(title=f"خدمت {index}", icon_image=image if index % 2 else None)


def render_every_block():
    request = RequestFactory().get("/")
    # What the page around the blocks has already loaded (site and organisation settings).
    request._wagtail_site = Site.objects.get(is_default_site=True)
    OrganisationSettings.for_request(request)
    with CaptureQueriesContext(connection) as queries:
        html = "".join(render_to_string(name, request=request) for name in EVERY_BLOCK)
    return html, len(queries)


@pytest.mark.parametrize("count", [1, 20])
def test_all_blocks_together_cost_two_queries_and_none_from_the_cache(count):
    fill(count)
    html, cold_queries = render_every_block()
    assert html.count('href="tel:') == 3 * count  # bar, sidebar and footer
    assert cold_queries == 2
    html_again, warm_queries = render_every_block()
    assert warm_queries == 0
    assert html_again == html


def page_queries(client, path, eservices_cache="warm"):
    if eservices_cache == "cold":
        snapshots.start_new_generation()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/", "/services/", "/centres/"])
def test_page_query_count_does_not_grow_with_the_content(client, settings, path):
    settings.PAGE_CACHE_SECONDS = 0  # the blocks' cost inside a rendered page, not a cached page
    fill(1)
    make.centre()
    client.get(path)  # the rest of the site warms its own caches (site root paths, ...)
    few_cold = page_queries(client, path, "cold")
    few_warm = page_queries(client, path)

    fill(19)
    for _ in range(19):
        make.centre()
    client.get(path)  # new content starts a new generation of the news caches too: warm them
    many_cold = page_queries(client, path, "cold")
    many_warm = page_queries(client, path)

    assert few_cold == many_cold
    assert few_warm == many_warm
    assert few_cold - few_warm == QUERIES_SAVED_ON_A_RENDERED_PAGE[path]


# What the e-services cache alone saves a rendered page: the help lines in the header and footer
# and the home page's content are also kept as rendered parts under the content generation, which
# every e-services edit replaces too (news/fragments.py), so a page reads through the e-services
# cache only what it shows outside those parts: the list of services, or of centres.
QUERIES_SAVED_ON_A_RENDERED_PAGE = {"/": 0, "/services/": 1, "/centres/": 1}


def test_editor_saving_a_hotline_in_the_admin_changes_every_page_at_once(client, django_user_model):
    line = make.hotline(number="123", title="اورژانس اجتماعی")
    for path in ("/", "/services/", "/centres/"):
        assert "اورژانس اجتماعی" in client.get(path).content.decode()  # now cached

    admin = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    editor = client.__class__(HTTP_HOST="testserver")
    editor.force_login(admin)
    response = editor.post(
        reverse("wagtailsnippets_eservices_hotline:edit", args=[line.pk]),
        {"number": "123", "title": "اورژانس اجتماعی بهزیستی", "hours": "شبانه‌روزی", "active": "on"},
    )
    assert response.status_code == 302

    for path in ("/", "/services/", "/centres/"):
        assert "اورژانس اجتماعی بهزیستی" in client.get(path).content.decode()


def test_new_deleted_and_reordered_eservices_show_at_once(client, django_user_model):
    first = make.eservice(title="ثبت‌نام")
    second = make.eservice(title="پیگیری")
    assert client.get("/").content.decode().index("ثبت‌نام") < client.get(
        "/"
    ).content.decode().index("پیگیری")

    admin = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
    editor = client.__class__(HTTP_HOST="testserver")
    editor.force_login(admin)
    reorder_url = reverse("wagtailsnippets_eservices_eservice:reorder", args=[second.pk])
    assert editor.post(f"{reorder_url}?position=0").status_code == 200
    html = client.get("/").content.decode()
    assert html.index("پیگیری") < html.index("ثبت‌نام")

    make.eservice(title="استعلام مستمری")
    assert "استعلام مستمری" in client.get("/").content.decode()

    delete_url = reverse("wagtailsnippets_eservices_eservice:delete", args=[first.pk])
    assert editor.post(delete_url).status_code == 302
    assert "ثبت‌نام" not in client.get("/").content.decode()
    assert "ثبت‌نام" not in client.get("/services/").content.decode()


def test_switching_a_service_off_or_off_popular_updates_the_cached_blocks(client):
    service = make.eservice(title="استعلام مستمری")
    assert "استعلام مستمری" in client.get("/").content.decode()
    service.popular = False
    service.save()
    assert "استعلام مستمری" not in client.get("/").content.decode()
    assert "استعلام مستمری" in client.get("/services/").content.decode()
    service.active = False
    service.save()
    assert "استعلام مستمری" not in client.get("/services/").content.decode()


def test_a_centre_change_shows_on_the_centres_page_at_once(client):
    centre = make.centre(name="ادارهٔ بهزیستی شهرستان شوش", county="شوش")
    assert "ادارهٔ بهزیستی شهرستان شوش" in client.get("/centres/").content.decode()
    centre.delete()
    assert "ادارهٔ بهزیستی شهرستان شوش" not in client.get("/centres/").content.decode()


def test_a_page_rendered_during_an_edit_cannot_keep_old_rows_after_the_commit(
    client, django_capture_on_commit_callbacks
):
    """The race: a reader caches the rows it read before the editor's transaction committed."""
    make.hotline(number="123", title="اورژانس اجتماعی")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        line = Hotline.objects.get()
        line.title = "نام تازه"
        line.save()  # the signal starts a new generation before the commit,
        stale = [snapshots.HotlineEntry("123", "اورژانس اجتماعی", "", "شبانه‌روزی")]
        # and a reader that saw the old rows stores them under that new generation.
        snapshots.cache.set(snapshots.snapshot_key("hotlines"), stale, snapshots.SNAPSHOT_TIMEOUT)
    for callback in callbacks:  # the commit
        callback()
    assert "نام تازه" in client.get("/").content.decode()


def test_saving_a_news_photo_keeps_the_e_services_cached_but_a_changed_icon_shows_at_once(
    client, settings
):
    """Editors upload photos all day: only an image that is a service's icon renews the blocks."""
    settings.PAGE_CACHE_SECONDS = 0  # the blocks' cost inside a rendered page, not a cached page
    icon = make.icon_image("نماد مستمری")
    make.eservice(title="درخواست مستمری", icon_image=icon)
    client.get("/")  # the blocks are cached now
    generation = snapshots.current_generation()

    photo = make.icon_image("عکس خبر افتتاح مرکز")
    photo.title = "عکس خبر افتتاح مرکز دزفول"
    photo.save()
    photo.delete()
    assert snapshots.current_generation() == generation
    client.get("/")  # the news caches renew after any content change; the e-services blocks did not
    assert page_queries(client, "/") == page_queries(client, "/")

    icon.title = "نماد تازهٔ مستمری"
    icon.save()
    assert snapshots.current_generation() != generation

    renewed = snapshots.current_generation()
    icon.delete()  # the service falls back to its built-in icon, on every page at once
    assert snapshots.current_generation() != renewed
    assert "<svg" in client.get("/services/").content.decode()
