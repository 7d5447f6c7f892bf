"""Errors Django answers itself (before, around or after a view) have the API's JSON shape under
/api/, and stay Django's HTML pages elsewhere."""

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from api import views

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(settings) -> Client:
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    return client


@pytest.fixture
def token(editor) -> str:
    return f"Token {Token.objects.create(user=editor).key}"


def test_a_body_with_more_fields_than_django_allows_is_a_json_400(browser, settings, token):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
    response = browser.post("/api/v1/sources/import", {f"f{i}": "x" for i in range(101)}, HTTP_AUTHORIZATION=token)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "DATA_UPLOAD_MAX_NUMBER_FIELDS" in response.json()["detail"]


def test_a_query_with_more_fields_than_django_allows_is_a_json_400(browser, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
    query = "&".join(f"q{i}=x" for i in range(101))
    response = browser.get(f"/api/v1/events?{query}")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Bad request")


def test_a_body_larger_than_django_allows_is_a_json_413(browser, settings, token):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = browser.post("/api/v1/sources/import", {"text": "x" * 2000}, HTTP_AUTHORIZATION=token)
    assert response.status_code == 413
    assert "larger than the server accepts" in response.json()["detail"]


def test_an_unhandled_exception_is_a_json_500_that_names_no_internals(browser, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(views.TimelineViewSet, "list", explode)
    response = browser.get("/api/v1/timeline")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert "secret" not in response.content.decode()


def test_the_pages_keep_djangos_html_errors(browser, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    query = "&".join(f"q{i}=x" for i in range(11))
    response = browser.get(f"/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
