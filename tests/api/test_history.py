"""Edit history: who changed a record, when, and each value before and after, in the API and the
admin; automatic date resolution recorded as the system."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import SourceFactory
from timeline.services.dating import dates_resolve

pytestmark = pytest.mark.django_db

TEXT = "The embassy said on Monday that citizens should leave."


def create_statement(editor_client, **date) -> int:
    body = {
        "mode": "reported",
        "speaker_id": editor_client.post("/api/v1/actors", {"name": "Embassy", "kind": "government_body"}).json()["id"],
        "source_id": SourceFactory(text=TEXT).pk,
        "text": TEXT[:26],
        "date": date,
    }
    response = editor_client.post("/api/v1/statements", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()["id"]


def test_a_changed_date_shows_who_changed_it_and_its_before_and_after(client, editor_client):
    pk = create_statement(editor_client, text="on Monday")
    manual = {"value": "2022-09-20", "start": "2022-09-20", "end": "2022-09-20", "precision": "day"}
    assert editor_client.patch(f"/api/v1/statements/{pk}", {"date": manual}, format="json").status_code == 200

    body = editor_client.get(f"/api/v1/statements/{pk}/history").json()

    newest, resolution, creation = body["results"]
    assert body["count"] == 3
    assert newest["user"] == "editor" and newest["type"] == "changed"
    changes = {c["field"]: (c["old"], c["new"]) for c in newest["changes"]}
    assert changes["date_value"] == ("2022-09-26", "2022-09-20")
    assert changes["date_status"] == ("resolved", "manual")
    # The engine's reading, made at once when the statement was written, is the system's.
    assert resolution["user"] is None and resolution["reason"] == "automatic date resolution"
    assert {c["field"]: c["new"] for c in resolution["changes"]}["date_value"] == "2022-09-26"
    assert creation["type"] == "created" and creation["user"] == "editor"


def test_resolve_dates_is_recorded_as_the_system(client, editor_client):
    pk = create_statement(editor_client)
    editor_client.patch(f"/api/v1/statements/{pk}", {"date": {"text": "on Monday", "status": "unresolved"}})
    dates_resolve(force=True)
    entries = editor_client.get(f"/api/v1/statements/{pk}/history").json()["results"]
    assert all(e["user"] is None for e in entries if e["reason"] == "automatic date resolution")
    assert entries[-1]["user"] == "editor"


def test_anonymous_readers_see_an_editors_full_name_or_no_name_never_the_login_name(client, editor_client, editor):
    pk = create_statement(editor_client)

    entries = client.get(f"/api/v1/statements/{pk}/history").json()["results"]
    assert entries[-1]["user"] == "an editor"
    assert all(e["user"] in (None, "an editor") for e in entries)

    editor.first_name, editor.last_name = "Ada", "Byline"
    editor.save()
    assert client.get(f"/api/v1/statements/{pk}/history").json()["results"][-1]["user"] == "Ada Byline"


def test_history_pages_cost_the_same_queries_whatever_their_length(client, editor_client):
    source = SourceFactory()
    counts = []
    for edits in (3, 30):
        for i in range(edits):
            editor_client.patch(f"/api/v1/sources/{source.pk}", {"notes": f"edit {i}"}, format="json")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/sources/{source.pk}/history", {"page_size": 50}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_admin_shows_a_changed_date_in_the_history_with_revert(admin_client, editor_client):
    pk = create_statement(editor_client, text="on Monday")
    url = reverse("admin:timeline_statement_history", args=[pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert "automatic date resolution" in content and "2022-09-26" in content
    record = page.context["page_obj"].object_list[-1]
    revert = reverse("admin:timeline_statement_simple_history", args=[pk, record.history_id])
    assert admin_client.get(revert).status_code == 200
