import pytest

from django.core.cache import caches
from django.test import Client

from wagtail.models import Site


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts with empty caches, whether they live in memory or in Redis."""
    for alias in ("default", "renditions"):
        caches[alias].clear()
    yield


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def client():
    """Django's test client, sending a Host header as every browser does: the portal answers a
    request without one with 400."""
    return Client(HTTP_HOST="testserver")


@pytest.fixture
def admin_client(db, admin_user):
    client = Client(HTTP_HOST="testserver")
    client.force_login(admin_user)
    return client
