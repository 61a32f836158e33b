"""The shared cache's probe asks /healthz whether an app server can serve readers."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_app_server_with_its_database_reports_healthy_and_is_never_cached(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]
