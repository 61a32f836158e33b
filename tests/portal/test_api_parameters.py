"""Every numeric parameter of every API endpoint: a number too large for the database is a 400
with a message, never a 500 (PostgreSQL: bigint out of range; SQLite: int too large), and no
order lists an article twice."""

import pytest

from eservices.models import EService, Hotline
from tests.factories import news as factories
from tests.portal.search_helpers import article_with

HUGE = "99999999999999999999"  # more than any 64-bit integer
JUST_PAST_INTEGER = "2147483648"  # one more than an integer column holds
ENDPOINTS = ["news", "tags", "eservices", "hotlines"]
# Parameters each endpoint takes as a number: paging, ids, and its numeric model fields.
NUMERIC_PARAMETERS = {
    "news": [
        "offset",
        "limit",
        "id",
        "news_code",
        "section",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "translation_of",
    ],
    "tags": ["offset", "limit", "id"],
    "eservices": ["offset", "limit", "id"],
    "hotlines": ["offset", "limit", "id"],
}
CASES = [
    (endpoint, parameter, value)
    for endpoint, parameters in NUMERIC_PARAMETERS.items()
    for parameter in parameters
    for value in (HUGE, f"-{HUGE}")
]


@pytest.fixture
def content(home_page):
    news_index = factories.news_index(home_page)
    section = factories.section("اجتماعی", slug="social")
    article_with(news_index, title="خبر یک", section=section, tags=["کودکان", "بهزیستی"])
    article_with(news_index, title="خبر دو", section=section, tags=["کودکان", "سالمندان"])
    EService.objects.create(title="مستمری", address="https://example.org/p", category="حمایت")
    Hotline.objects.create(number="123", title="اورژانس اجتماعی")
    return news_index


def message_of(response):
    assert response["Content-Type"].startswith("application/json")
    return response.json()["message"]


@pytest.mark.parametrize(("endpoint", "parameter", "value"), CASES)
def test_a_number_too_large_for_the_database_is_a_clear_400(
    client, content, endpoint, parameter, value
):
    response = client.get(f"/api/v2/{endpoint}/", {parameter: value})

    assert response.status_code == 400, response.content[:300]
    assert parameter in message_of(response)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_an_id_too_large_in_the_address_is_a_clear_400(client, content, endpoint):
    response = client.get(f"/api/v2/{endpoint}/{HUGE}/")

    assert response.status_code == 400, response.content[:300]
    assert "id" in message_of(response)


@pytest.mark.parametrize(
    ("endpoint", "status"),
    # Pages and tags have integer ids; e-services and hotlines 64-bit ones (BigAutoField).
    [("news", 400), ("tags", 400), ("eservices", 404), ("hotlines", 404)],
)
def test_an_id_is_checked_against_its_own_column(client, content, endpoint, status):
    response = client.get(f"/api/v2/{endpoint}/{JUST_PAST_INTEGER}/")

    assert response.status_code == status, response.content[:300]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_huge_id_to_find_is_a_clear_400(client, content, endpoint):
    response = client.get(f"/api/v2/{endpoint}/find/", {"id": HUGE})

    assert response.status_code == 400
    assert "id" in message_of(response)


def test_an_integer_column_is_checked_against_its_own_range(client, content):
    """news_code is an integer column: past 2147483647 PostgreSQL would fail the query."""
    response = client.get("/api/v2/news/", {"news_code": JUST_PAST_INTEGER})
    assert response.status_code == 400
    assert "news_code" in message_of(response)
    largest = client.get("/api/v2/news/", {"news_code": "2147483647"})
    assert largest.status_code == 200
    assert largest.json()["items"] == []


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_numbers_in_range_still_page_and_filter(client, content, endpoint):
    listing = client.get(f"/api/v2/{endpoint}/", {"offset": "0", "limit": "1"})
    assert listing.status_code == 200
    assert len(listing.json()["items"]) == 1
    first_id = listing.json()["items"][0]["id"]
    assert client.get(f"/api/v2/{endpoint}/{first_id}/").status_code == 200
    far = client.get(f"/api/v2/{endpoint}/", {"offset": "9000000000"})
    assert far.status_code == 200
    assert far.json()["items"] == []


@pytest.mark.parametrize(
    ("endpoint", "order"),
    [
        ("news", "tags"),
        ("news", "-tags"),
        ("news", "title,tags"),
        ("tags", "news_newspagetag_items"),
    ],
)
def test_ordering_by_a_field_with_several_values_is_refused(client, content, endpoint, order):
    response = client.get(f"/api/v2/{endpoint}/", {"order": order})

    assert response.status_code == 400
    assert "cannot order by" in message_of(response)


def test_ordering_by_a_single_value_lists_each_article_once(client, content):
    for order in ("title", "-published_at", "news_code", "section"):
        response = client.get("/api/v2/news/", {"order": order})
        assert response.status_code == 200, order
        ids = [item["id"] for item in response.json()["items"]]
        assert len(ids) == len(set(ids)) == 2, order
