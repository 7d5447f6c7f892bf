"""POST /api/v1/sources/import, /api/v1/jobs and /api/v1/proposals."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from intake.models import ImportJob, Proposal
from tests.factories import SourceFactory
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from tests.pages import html_route, news_page, serve
from timeline.models import Citation, Event, Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_reader")]

IMPORT = "/api/v1/sources/import"


def upload(page: str, name: str = "saved.html") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, page.encode("utf-8"), content_type="text/html")


def test_an_uploaded_page_is_imported_by_a_job_that_answers_202_and_can_be_polled(editor_client, editor):
    response = editor_client.post(
        IMPORT, {"file": upload(news_page()), "timezone": "America/New_York"}, format="multipart"
    )

    assert response.status_code == 202, response.json()
    job = response.json()
    assert (job["status"], job["progress"], job["proposals_created"]) == ("succeeded", 100, 3)
    assert job["source"]["publication"] == {"date": "2022-09-28", "time": "14:05:00", "timezone": "America/New_York"}
    polled = editor_client.get(f"/api/v1/jobs/{job['id']}").json()
    assert polled["message"].startswith("imported daily-example-2022-09-28-embassy-urges-americans-to-leave-russia")
    assert ImportJob.objects.get().created_by == editor


def test_a_plain_text_needs_its_publication_facts_and_each_missing_one_is_named(editor_client):
    response = editor_client.post(IMPORT, {"text": "The embassy said on Tuesday that citizens should leave."})

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"published", "publisher"}
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "url"),
        ({"url": "ftp://example.org/a"}, "url"),
        ({"url": "https://example.org/a", "text": "words"}, "text"),
        ({"text": "Words.", "publisher": "X", "published": "28/09/2022"}, "published"),
        ({"text": "Words.", "publisher": "X", "published": "2022-09-28", "timezone": "Mars/Base"}, "timezone"),
        ({"url": "https://example.org/a", "story": "no-such-story"}, "story"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_queues_nothing(editor_client, body, field):
    response = editor_client.post(IMPORT, body)

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not ImportJob.objects.exists()


def test_a_private_address_is_a_400_naming_the_url_and_nothing_but_the_failed_job_is_written(editor_client, settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = False
    with serve({"/a": html_route(news_page())}) as base:
        response = editor_client.post(IMPORT, {"url": f"{base}/a"})

    assert response.status_code == 400
    assert "a private, loopback, link-local or reserved address" in response.json()["errors"]["url"][0]
    assert (Source.objects.count(), Proposal.objects.count()) == (0, 0)
    assert ImportJob.objects.get().status == "failed"


def test_a_job_that_failed_because_the_site_was_down_succeeds_when_retried(editor_client, settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    with serve({}) as base:
        port = int(base.rsplit(":", 1)[1])
    response = editor_client.post(IMPORT, {"url": f"{base}/a"})
    assert response.status_code == 400
    assert "is unreachable" in response.json()["errors"]["url"][0]
    job = ImportJob.objects.get()
    assert (job.status, job.attempts) == ("failed", 1)

    with serve({"/a": html_route(news_page())}, port=port):
        retried = editor_client.post(f"/api/v1/jobs/{job.pk}/retry")

    assert retried.status_code == 202
    assert (retried.json()["status"], retried.json()["attempts"]) == ("succeeded", 2)
    assert Source.objects.get().url == f"{base}/a"
    again = editor_client.post(f"/api/v1/jobs/{job.pk}/retry")
    assert again.status_code == 400 and "status" in again.json()["errors"]


def test_a_job_whose_worker_died_is_shown_failed_with_its_reason_and_succeeds_when_retried(editor_client, settings):
    settings.IMPORT_JOB_DEADLINE = 60
    job = ImportJob.objects.create(
        filename="saved.html", content=news_page().encode(), status="running", attempts=1, message="reading"
    )
    ImportJob.objects.filter(pk=job.pk).update(started_at=timezone.now() - dt.timedelta(seconds=59))
    assert editor_client.get(f"/api/v1/jobs/{job.pk}").json()["status"] == "running"  # may still finish

    ImportJob.objects.filter(pk=job.pk).update(started_at=timezone.now() - dt.timedelta(seconds=61))
    polled = editor_client.get(f"/api/v1/jobs/{job.pk}").json()
    assert polled["status"] == "failed"
    assert "still running after 60 s" in polled["error"]

    retried = editor_client.post(f"/api/v1/jobs/{job.pk}/retry")
    assert retried.status_code == 202
    assert (retried.json()["status"], retried.json()["attempts"]) == ("succeeded", 2)


def test_a_stale_running_job_can_be_retried_before_anyone_polled_it(editor_client, settings):
    settings.IMPORT_JOB_DEADLINE = 60
    job = ImportJob.objects.create(filename="saved.html", content=news_page().encode(), status="running")
    ImportJob.objects.filter(pk=job.pk).update(started_at=timezone.now() - dt.timedelta(seconds=61))

    assert editor_client.post(f"/api/v1/jobs/{job.pk}/retry").json()["status"] == "succeeded"


@pytest.fixture
def reviewer_client(editor) -> APIClient:
    """An editor's client whose permissions are already read (Django caches them on the user), so
    that query counts are the list's own."""
    client = APIClient()
    client.force_authenticate(editor)
    client.get("/api/v1/proposals?page_size=1")
    return client


@pytest.mark.parametrize("path", ["/api/v1/jobs", "/api/v1/proposals"])
def test_jobs_and_proposals_are_read_only_by_users_who_may_review_them(path, client, user_client, editor_client):
    assert client.get(path).status_code == 401
    assert user_client.get(path).status_code == 403
    assert editor_client.get(path).status_code == 200


def test_importing_needs_the_add_source_permission(client, user_client):
    assert client.post(IMPORT, {"url": "https://example.org/a"}).status_code == 401
    assert user_client.post(IMPORT, {"url": "https://example.org/a"}).status_code == 403


def test_a_url_already_imported_is_refused(editor_client):
    SourceFactory(url="https://news.example.org/story")

    response = editor_client.post(IMPORT, {"url": "https://news.example.org/story"})

    assert response.status_code == 400 and "url" in response.json()["errors"]


@pytest.fixture
def proposals(editor_client) -> list[dict]:
    editor_client.post(IMPORT, {"file": upload(news_page())}, format="multipart")
    return editor_client.get("/api/v1/proposals").json()["results"]


def test_proposals_are_listed_with_their_words_and_filtered_by_source_state_and_kind(editor_client, proposals):
    source = Source.objects.get()
    assert len(proposals) == 3
    citation = editor_client.get(f"/api/v1/proposals?kind=citation&source={source.pk}&state=pending").json()
    assert [p["date"]["value"] for p in citation["results"]] == ["2022-09-27"]
    assert editor_client.get("/api/v1/proposals?state=accepted").json()["count"] == 0
    bad = editor_client.get("/api/v1/proposals?state=maybe")
    assert bad.status_code == 400 and "state" in bad.json()["errors"]


def test_a_proposal_is_accepted_into_records_and_cannot_be_accepted_twice(editor_client, proposals):
    citation = next(p for p in proposals if p["kind"] == "citation")

    response = editor_client.post(f"/api/v1/proposals/{citation['id']}/accept")

    assert response.status_code == 200
    body = response.json()
    assert (body["state"], body["reviewed_by"]) == ("accepted", "editor")
    record = Citation.objects.get(pk=body["citation"])
    assert (record.date_value, record.event.date_value) == ("2022-09-27", "2022-09-27")
    again = editor_client.post(f"/api/v1/proposals/{citation['id']}/accept")
    # Decided already: a conflict (409) whose message names the decision, not a bad request.
    assert again.status_code == 409 and "Already accepted by editor" in again.json()["errors"]["state"][0]
    assert Event.objects.count() == 1


def test_a_proposal_is_rejected_and_can_be_edited_before_review(editor_client, proposals):
    statement = next(p for p in proposals if p["kind"] == "statement")
    edited = editor_client.patch(
        f"/api/v1/proposals/{statement['id']}", {"speaker_name": "U.S. Embassy", "mode": "direct"}
    )
    assert edited.status_code == 200 and edited.json()["speaker_name"] == "U.S. Embassy"
    bad = editor_client.patch(f"/api/v1/proposals/{statement['id']}", {"char_end": 100_000})
    assert bad.status_code == 400 and "char_start" in bad.json()["errors"]

    rejected = editor_client.post(f"/api/v1/proposals/{statement['id']}/reject")

    assert rejected.json()["state"] == "rejected"
    assert editor_client.patch(f"/api/v1/proposals/{statement['id']}", {"mode": "reported"}).status_code == 400


def test_reviewing_needs_the_change_proposal_permission(client, user_client, proposals):
    pk = proposals[0]["id"]
    assert client.post(f"/api/v1/proposals/{pk}/accept").status_code == 401
    assert user_client.post(f"/api/v1/proposals/{pk}/reject").status_code == 403
    assert Proposal.objects.filter(state="pending").count() == 3


@pytest.mark.parametrize("rows", [10, 100])
def test_the_proposal_list_runs_a_fixed_number_of_queries(reviewer_client, django_assert_max_num_queries, rows):
    from intake.services.proposals import proposals_propose

    for i in range(rows // 2):
        text = f"Report {i}. Tanks crossed on Tuesday. The embassy said it was calm."
        proposals_propose(source=SourceFactory(text=text))
    # count, page of proposals joined to source, speaker, event and reviewer
    with django_assert_max_num_queries(2):
        response = reviewer_client.get("/api/v1/proposals?page_size=200")
    assert len(response.json()["results"]) == rows


@pytest.mark.parametrize("rows", [10, 100])
def test_the_job_list_runs_a_fixed_number_of_queries(reviewer_client, django_assert_max_num_queries, rows):
    ImportJob.objects.bulk_create(
        [ImportJob(url=f"https://example.org/{i}", source=SourceFactory()) for i in range(rows)]
    )
    # the sweep of jobs whose worker died (one UPDATE), count, page of jobs joined to their source
    with django_assert_max_num_queries(3):
        response = reviewer_client.get("/api/v1/jobs?page_size=200")
    assert len(response.json()["results"]) == rows


# A real worker checks its connection between tasks, which a test wrapped in a transaction cannot survive.
@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_a_job_waits_for_a_worker(editor_client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # TASKS_BACKEND=database

    response = editor_client.post(IMPORT, {"file": upload(news_page())}, format="multipart")

    assert response.status_code == 202
    assert response.json()["status"] == "queued"
    assert not Source.objects.exists()
    call_command("db_worker", batch=True, verbosity=0)  # one worker, until the queue is empty
    job = ImportJob.objects.get()
    assert (job.status, job.source.headline) == ("succeeded", "Embassy urges Americans to leave Russia")


def test_an_uploaded_page_is_read_in_its_own_charset(editor_client):
    page = news_page(paragraphs=("Talks in Zürich ended on Tuesday without a deal, the ministry said in a statement.",))
    latin = page.replace("<head>", '<head><meta charset="iso-8859-1">').encode("iso-8859-1")
    file = SimpleUploadedFile("latin.html", latin, content_type="text/html")

    response = editor_client.post(IMPORT, {"file": file}, format="multipart")

    assert response.status_code == 202
    assert "Talks in Zürich ended" in Source.objects.get().text


@pytest.mark.parametrize(
    ("page", "field", "message"),
    [
        (news_page(published_meta=None), "published", "no publication date in the page's metadata"),
        ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "file", "no article text found"),
    ],
)
def test_a_page_without_a_date_or_text_is_a_400_naming_the_problem_and_writes_no_source(
    editor_client, page, field, message
):
    response = editor_client.post(IMPORT, {"file": upload(page)}, format="multipart")

    assert response.status_code == 400
    assert message in response.json()["errors"][field][0]
    assert (Source.objects.count(), Proposal.objects.count()) == (0, 0)
