import pytest

from tests.factories import news as factories


@pytest.fixture
def news_index(home_page):
    return factories.news_index(home_page)
