import pytest

from django.core.cache import caches

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
