"""The OpenAPI schema and its documentation pages, which must work with no network."""

import re
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_the_schema_generates_and_validates_with_no_warnings(tmp_path):
    # --fail-on-warn turns any warning (an undescribed field, an unresolvable type) into an error.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert "/api/v1/timeline" in (tmp_path / "schema.yml").read_text()


def test_the_schema_is_served_and_lists_every_operation(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ["sources", "actors", "events", "statements"]:
        assert {"get", "post"} <= set(paths[f"/api/v1/{path}"])
        assert {"get", "put", "patch", "delete"} <= set(paths[f"/api/v1/{path}/{{id}}"])
    assert set(paths["/api/v1/timeline"]) == {"get"}
    assert set(paths["/api/v1/dates/annotate"]) == {"post"}
    assert set(paths["/api/v1/auth/token"]) == {"post"}


def test_every_operation_documents_the_servers_own_414_for_a_request_line_too_long(client):
    # gunicorn answers a request line over 4094 bytes itself; schemathesis found it undocumented.
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]
    operations = [op for item in paths.values() for op in item.values() if isinstance(op, dict) and "responses" in op]
    assert len(operations) > 30
    assert all("414" in op["responses"] for op in operations)


def test_the_schema_lists_the_export_formats_and_explains_the_overlap_rule(client):
    timeline = client.get("/api/schema/", {"format": "json"}).json()["paths"]["/api/v1/timeline"]["get"]
    assert {"application/json", "application/vnd.timelinejs+json", "text/csv", "text/calendar"} <= set(
        timeline["responses"]["200"]["content"]
    )
    parameters = {p["name"]: p for p in timeline["parameters"]}
    assert parameters["format"]["schema"]["enum"] == ["csv", "ics", "json", "timelinejs"]
    assert "2022-09-20" in parameters["start"]["description"]
    assert {"cursor", "page_size", "q", "actor", "source", "publisher", "status", "precision", "category"} <= set(
        parameters
    )


def test_every_operation_has_a_summary_or_description_and_every_parameter_a_description(client):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            assert operation.get("summary") or operation.get("description"), (method, path)
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), (method, path, parameter["name"])


def test_every_request_body_and_success_response_has_an_example(client):
    paths = client.get("/api/schema/", {"format": "json"}).json()["paths"]
    for path, operations in paths.items():
        for method, operation in operations.items():
            bodies = {"request": operation.get("requestBody", {}).get("content", {})}
            bodies.update({code: r.get("content", {}) for code, r in operation["responses"].items() if code < "300"})
            for where, content in bodies.items():
                for media_type, body in content.items():
                    assert "examples" in body or "example" in body, (method, path, where, media_type)


def local_references(html: str) -> list[str]:
    return re.findall(r'(?:src|href)\s*=\s*["\']([^"\']+)["\']', html)


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_the_docs_pages_reference_no_other_host(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    references = local_references(html)
    assert references
    for reference in references:
        assert not urlparse(reference).netloc, reference
    assert not re.search(r"https?://", html), "an absolute URL in the page"


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_the_docs_assets_are_served_by_our_own_server(settings, url):
    # Serve static files as `runserver` and production do (whitenoise), with no network at all.
    settings.WHITENOISE_USE_FINDERS = True
    client = APIClient()
    html = client.get(url).content.decode()
    for reference in local_references(html):
        assert reference.startswith(settings.STATIC_URL) or reference.startswith("/" + settings.STATIC_URL)
        asset = client.get(reference)
        assert asset.status_code == 200, reference
        assert b"".join(asset.streaming_content if asset.streaming else [asset.content])
