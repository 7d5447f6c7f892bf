"""Regression tests for the hostile requests that once got a 500, an HTML page or a silent wrong
answer: each now gets a 4xx JSON answer that names the field, and nothing is written."""

import json

import pytest
from django.db import IntegrityError, transaction
from rest_framework.test import APIRequestFactory

from api.exceptions import exception_handler
from api.parsers import MAX_DEPTH
from tests.factories import ActorFactory, CitationFactory, EventFactory, SourceFactory, StatementFactory
from timeline.models import Actor, Citation, Event, Source, Statement

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


def nested(depth: int):
    value = "x"
    for _ in range(depth):
        value = [value]
    return value


def assert_names(response, status: int, field: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert field in body["errors"], body
    return body


@pytest.mark.parametrize(("path", "parameter"), [("events", "actor"), ("statements", "source"), ("timeline", "actor")])
def test_an_id_filter_past_the_integer_range_is_a_400_naming_the_parameter(client, path, parameter):
    assert_names(client.get(f"/api/v1/{path}", {parameter: HUGE}), 400, parameter)


def test_a_record_id_past_the_integer_range_is_a_json_404(client):
    for path in (f"/api/v1/events/{HUGE}", "/api/v1/sources/3.13e-06", "/api/v1/no-such-thing"):
        response = client.get(path)
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_an_unknown_path_deleted_is_a_json_404_not_a_csrf_page(editor_client):
    response = editor_client.delete("/api/v1/sources/3.13e-06")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_deeply_nested_json_is_a_400_and_writes_nothing(client, editor_client):
    deep = '{"text": ' + "[" * 5000 + "]" * 5000 + ', "reference_date": "2022-09-28"}'
    response = client.post("/api/v1/dates/annotate", deep, content_type="application/json")
    assert response.status_code == 400 and "nested deeper" in response.json()["detail"]

    body = json.dumps({"name": "N", "kind": "person", "aliases": nested(MAX_DEPTH + 1)})
    response = editor_client.post("/api/v1/actors", body, content_type="application/json")
    assert response.status_code == 400
    assert not Actor.objects.exists()


def test_a_number_where_the_schema_says_string_is_refused(client):
    response = client.post("/api/v1/dates/annotate", {"text": 0, "reference_date": "2022-09-28"}, format="json")
    assert_names(response, 400, "text")


@pytest.mark.parametrize("page", ["-1", "0", "x"])
def test_a_page_that_is_not_a_positive_number_is_a_400(client, page):
    assert_names(client.get("/api/v1/events", {"page": page}), 400, "page")


def test_an_unknown_export_format_is_a_400_naming_format(client):
    assert_names(client.get("/api/v1/timeline", {"format": "AAA"}), 400, "format")


def test_a_new_citation_without_offsets_or_findable_words_names_the_field(editor_client):
    event, source = EventFactory(), SourceFactory()
    response = editor_client.patch(
        f"/api/v1/events/{event.pk}", {"citations": [{"source_id": source.pk, "sentence": "x"}]}, format="json"
    )
    body = assert_names(response, 400, "citations")
    assert "sentence" in body["errors"]["citations"][0] and "do not occur" in body["errors"]["citations"][0]
    response = editor_client.patch(f"/api/v1/events/{event.pk}", {"citations": [{"date": {}}]}, format="json")
    assert "source_id" in assert_names(response, 400, "citations")["errors"]["citations"][0]
    assert not Citation.objects.exists()


def test_an_existing_citation_sent_by_id_alone_is_kept_as_it_is(editor_client):
    citation = CitationFactory()
    before = (citation.sentence, citation.char_start, citation.char_end, citation.source_id)
    response = editor_client.patch(
        f"/api/v1/events/{citation.event_id}", {"citations": [{"id": citation.pk}]}, format="json"
    )
    assert response.status_code == 200, response.content
    citation.refresh_from_db()
    assert (citation.sentence, citation.char_start, citation.char_end, citation.source_id) == before


def test_a_concurrent_duplicate_is_a_409_naming_the_fields():
    # Two writers pass full_clean() together and the database refuses the second: reproduce the
    # database's own error for the (source, char_start) constraint and hand it to the handler.
    statement = StatementFactory()
    twin = Statement(
        text=statement.text,
        mode=statement.mode,
        speaker=statement.speaker,
        source=statement.source,
        char_start=statement.char_start,
        char_end=statement.char_end,
    )
    with pytest.raises(IntegrityError) as raised, transaction.atomic():
        twin.save()
    request = APIRequestFactory().post("/api/v1/statements")
    response = exception_handler(raised.value, {"request": request, "view": None})
    assert response.status_code == 409
    assert set(response.data["errors"]) == {"source_id", "char_start"}


# --- Provenance ---------------------------------------------------------------------------------

TEXT = "The embassy said on Monday that citizens should leave. Later the embassy said it again."


def statement_body(source, **changes) -> dict:
    return {"mode": "reported", "speaker_id": ActorFactory().pk, "source_id": source.pk, **changes}


def test_a_statement_whose_words_are_not_the_text_at_its_offsets_is_refused(editor_client):
    source = SourceFactory(text=TEXT)
    body = statement_body(source, text="The embassy said on Tuesday", char_start=0, char_end=27)
    assert_names(editor_client.post("/api/v1/statements", body, format="json"), 400, "char_start")
    assert not Statement.objects.exists()


def test_a_statement_given_only_its_words_gets_their_offsets(editor_client):
    source = SourceFactory(text=TEXT)
    response = editor_client.post(
        "/api/v1/statements", statement_body(source, text="citizens should leave"), format="json"
    )
    assert response.status_code == 201, response.content
    assert (response.json()["char_start"], response.json()["char_end"]) == (32, 53)


def test_words_that_occur_twice_are_a_400_listing_where(editor_client):
    source = SourceFactory(text=TEXT)
    response = editor_client.post("/api/v1/statements", statement_body(source, text="the embassy said"), format="json")
    assert response.status_code == 201  # case matters: "The embassy said" at 0 is another string
    response = editor_client.post("/api/v1/statements", statement_body(source, text="embassy said"), format="json")
    message = assert_names(response, 400, "text")["errors"]["text"][0]
    assert "2 times" in message and "4" in message and "65" in message


def test_words_that_do_not_occur_are_a_400_naming_the_field(editor_client):
    source = SourceFactory(text=TEXT)
    response = editor_client.post("/api/v1/statements", statement_body(source, text="never said"), format="json")
    assert_names(response, 400, "text")
    response = editor_client.post("/api/v1/statements", statement_body(source), format="json")
    assert_names(response, 400, "text")
    assert Statement.objects.count() == 0


def test_new_words_for_a_date_are_read_at_once_not_kept_as_a_stale_manual_value(editor_client):
    source = SourceFactory(text=TEXT)
    response = editor_client.post(
        "/api/v1/statements", statement_body(source, text=TEXT[:26], date={"text": "on Monday"}), format="json"
    )
    assert response.json()["date"]["status"] == "resolved" and response.json()["date"]["value"] == "2022-09-26"
    statement_id = response.json()["id"]

    response = editor_client.patch(f"/api/v1/statements/{statement_id}", {"date": {"text": "last year"}}, format="json")
    assert response.status_code == 200, response.content
    date = response.json()["date"]
    assert date["status"] == "resolved" and date["value"] == "2021" and date["text"] == "last year"


def test_a_citation_added_through_the_api_is_dated_at_once_with_its_event(editor_client):
    source, event = SourceFactory(text=TEXT), EventFactory()
    citation = {"source_id": source.pk, "sentence": TEXT[:26], "date": {"text": "on Monday"}}
    response = editor_client.patch(f"/api/v1/events/{event.pk}", {"citations": [citation]}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["citations"][0]["date"]["value"] == "2022-09-26"
    assert (body["citations"][0]["char_start"], body["citations"][0]["char_end"]) == (0, 26)
    assert body["date"]["value"] == "2022-09-26" and body["date"]["status"] == "resolved"
    assert Event.objects.get().date_value == "2022-09-26"
    assert Source.objects.count() == 1


def test_options_on_the_timeline_with_an_export_format_is_json(client):
    response = client.options("/api/v1/timeline", {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")


def test_a_dotted_id_is_a_json_404(client):
    for method in ("get", "delete"):
        response = getattr(client, method)("/api/v1/events/0.5")
        assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_a_deeply_nested_body_sent_to_the_import_is_a_400_not_a_recursion_error(editor_client):
    response = editor_client.post("/api/v1/sources/import", "[" * 100_000, content_type="application/json")
    assert response.status_code == 400 and "nested deeper" in response.json()["detail"]
    assert not Source.objects.exists()
