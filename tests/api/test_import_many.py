"""POST /api/v1/sources/import-many: one job imports a list of URLs, each on its own, and shows its
progress and each URL not imported with its reason."""

from __future__ import annotations

import pytest

from intake.models import ImportJob
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from tests.feeds import article_routes
from tests.pages import serve
from timeline.models import Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_reader")]

IMPORT_MANY = "/api/v1/sources/import-many"


@pytest.fixture(autouse=True)
def _local_server_allowed(settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True  # the test server is on 127.0.0.1


def test_a_list_of_urls_is_one_job_that_goes_on_past_a_bad_one_and_a_second_post_adds_nothing(editor_client):
    with serve(article_routes([1, 2])) as base:
        urls = [f"{base}/news/1", f"{base}/gone", f"{base}/news/2"]
        response = editor_client.post(IMPORT_MANY, {"urls": urls}, format="json")
        again = editor_client.post(IMPORT_MANY, {"urls": urls[::2]}, format="json")

    assert response.status_code == 202
    job = editor_client.get(response.json()["api_url"]).json()
    assert (job["status"], job["urls"], job["done"], job["total"]) == ("succeeded", urls, 3, 3)
    assert job["message"] == "imported 2 of 3 articles, 1 failed"
    assert job["failures"] == [{"url": f"{base}/gone", "title": "", "reason": f"url: {base}/gone answered HTTP 404"}]
    assert job["proposals_created"] > 0
    assert (again.json()["status"], again.json()["message"]) == (
        "succeeded",
        "imported 0 of 2 articles, 2 already imported",
    )
    assert Source.objects.count() == 2


def test_a_list_of_which_none_can_be_imported_is_a_failed_job_naming_the_first_reason(editor_client):
    with serve({}) as base:
        response = editor_client.post(IMPORT_MANY, {"urls": [f"{base}/a", f"{base}/b"]}, format="json")

    assert response.status_code == 202
    job = response.json()
    assert job["status"] == "failed"
    assert job["error"] == (
        f"none of the 2 articles could be imported (imported 0 of 2 articles, 2 failed); "
        f"the first failed with url: {base}/a answered HTTP 404"
    )
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    "body",
    [{}, {"urls": []}, {"urls": "http://a.example/"}, {"urls": ["ftp://a.example/x"]}, {"urls": ["http://a/"] * 4}],
    ids=["missing", "empty", "not a list", "not http", "too many"],
)
def test_a_bad_list_is_a_400_naming_urls_and_no_job_is_made(editor_client, settings, body):
    settings.IMPORT_MANY_MAX_URLS = 3
    response = editor_client.post(IMPORT_MANY, body, format="json")
    assert response.status_code == 400
    assert "urls" in response.json()["errors"]
    assert not ImportJob.objects.exists()


def test_importing_many_needs_the_right_to_add_sources(client, user_client):
    body = {"urls": ["https://news.example.org/a"]}
    assert client.post(IMPORT_MANY, body, format="json").status_code == 401
    assert user_client.post(IMPORT_MANY, body, format="json").status_code == 403
    assert not ImportJob.objects.exists()
