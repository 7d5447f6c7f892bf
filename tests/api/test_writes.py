"""Writes through the API: events with nested citations, the other resources, and bad input refused
with a 4xx JSON body that names the field, with nothing written."""

import datetime as dt

import pytest

from tests.factories import ActorFactory, CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates
from timeline.models import Actor, Citation, Event, Source, Statement, text_checksum

pytestmark = pytest.mark.django_db

TEXT = "The U.S. Embassy in Moscow on Wednesday issued a security alert. It was dated Tuesday."


def day(value: str, text: str = "") -> dict:
    return {"text": text, "value": value, "start": value, "end": value, "precision": "day", "status": "resolved"}


@pytest.fixture
def sources():
    # Sources are unique by checksum: the same passage, told by two articles with different endings.
    return SourceFactory(publisher="New York Post", text=TEXT + " (Post)"), SourceFactory(publisher="CNN", text=TEXT)


def event_body(sources, **overrides) -> dict:
    post, cnn = sources
    body = {
        "slug": "embassy-alert",
        "title": "US Embassy tells Americans to leave Russia",
        "category": "diplomacy",
        "date": {**day("2022-09-27", "Tuesday"), "status": "ambiguous"},
        "actor_ids": [ActorFactory().pk],
        "citations": [
            {
                "source_id": post.pk,
                "sentence": TEXT[:65],
                "char_start": 0,
                "char_end": 65,
                "date": day("2022-09-28", "on Wednesday"),
            },
            {
                "source_id": cnn.pk,
                "sentence": TEXT[66:],
                "char_start": 66,
                "char_end": len(TEXT),
                "date": day("2022-09-27", "Tuesday"),
            },
        ],
    }
    body.update(overrides)
    return body


def test_an_event_is_created_with_its_citations_and_each_sources_date(editor_client, sources):
    response = editor_client.post("/api/v1/events", event_body(sources), format="json")

    assert response.status_code == 201, response.content
    event = Event.objects.get(slug="embassy-alert")
    assert event.date_value == "2022-09-27" and event.date_status == "ambiguous"
    assert sorted(event.citations.values_list("date_value", flat=True)) == ["2022-09-27", "2022-09-28"]
    body = response.json()
    assert body["sources_disagree"] is True
    assert [c["date"]["text"] for c in body["citations"]] == ["on Wednesday", "Tuesday"]
    assert [c["agrees_with_event"] for c in body["citations"]] == [False, True]
    assert {r["value"]: [s["publisher"] for s in r["sources"]] for r in body["date_readings"]} == {
        "2022-09-28": ["New York Post"],
        "2022-09-27": ["CNN"],
    }


def test_updating_an_event_keeps_citations_given_by_id_adds_new_ones_and_drops_the_rest(editor_client, sources):
    post, cnn = sources
    event = EventFactory()
    kept = CitationFactory(event=event, source=post, char_start=0, char_end=10)
    dropped = CitationFactory(event=event, source=cnn, char_start=0, char_end=10)

    response = editor_client.patch(
        f"/api/v1/events/{event.pk}",
        {
            "citations": [
                {"id": kept.pk, "source_id": post.pk, "sentence": TEXT[:20], "char_start": 0, "char_end": 20},
                {"source_id": cnn.pk, "sentence": TEXT[20:30], "char_start": 20, "char_end": 30},
            ]
        },
        format="json",
    )

    assert response.status_code == 200, response.content
    assert [c["sentence"] for c in response.json()["citations"]] == [TEXT[:20], TEXT[20:30]]
    assert not Citation.objects.filter(pk=dropped.pk).exists()
    kept.refresh_from_db()
    assert kept.sentence == TEXT[:20]


def test_a_patch_without_citations_leaves_them_alone(editor_client):
    citation = CitationFactory()
    response = editor_client.patch(f"/api/v1/events/{citation.event_id}", {"title": "Renamed"}, format="json")
    assert response.status_code == 200
    assert response.json()["title"] == "Renamed"
    assert Citation.objects.filter(pk=citation.pk).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"slug": ""}, "slug"),
        ({"date": {**day("2022-09-27"), "end": "2022-09-01"}}, "date"),
        ({"date": {**day("2022-09-27"), "start": "27/09/2022"}}, "date"),
        ({"date": {"status": "resolved"}}, "date"),
        ({"date": {**day("2022-09-27"), "precision": "fortnight"}}, "date"),
        ({"actor_ids": [999999]}, "actor_ids"),
    ],
)
def test_an_invalid_event_is_refused_naming_the_field_and_nothing_is_written(editor_client, sources, change, field):
    response = editor_client.post("/api/v1/events", event_body(sources, **change), format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert field in response.json()["detail"]
    assert Event.objects.count() == 0 and Citation.objects.count() == 0


@pytest.mark.parametrize(
    "bad_citation",
    [
        {"source_id": 999999},
        {"char_end": 0},
        {"char_end": len(TEXT) + 50},  # past the end of the source: caught by the service, after the event is saved
        {"date": {**day("2022-09-27"), "end": "2022-09-01"}},
    ],
)
def test_a_bad_nested_citation_refuses_the_whole_event(editor_client, sources, bad_citation):
    body = event_body(sources)
    body["citations"][1].update(bad_citation)
    response = editor_client.post("/api/v1/events", body, format="json")
    assert response.status_code == 400, response.content
    assert "citations" in response.json()["errors"]
    assert Event.objects.count() == 0 and Citation.objects.count() == 0


def test_two_citations_of_the_same_passage_are_refused(editor_client, sources):
    body = event_body(sources)
    body["citations"][1] = dict(body["citations"][0])
    response = editor_client.post("/api/v1/events", body, format="json")
    assert response.status_code == 400
    assert "citations" in response.json()["errors"]
    assert Event.objects.count() == 0


def test_a_duplicate_slug_is_refused_naming_the_slug(editor_client, sources):
    EventFactory(slug="embassy-alert")
    response = editor_client.post("/api/v1/events", event_body(sources), format="json")
    assert response.status_code == 400
    assert "slug" in response.json()["errors"]


def test_a_malformed_json_body_is_a_400_json_error(editor_client):
    response = editor_client.post("/api/v1/events", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert "detail" in response.json()
    assert Event.objects.count() == 0


def test_a_source_is_created_with_its_publication_context_and_checksum(editor_client):
    body = {
        "slug": "cnn-2022-09-28",
        "headline": "US Embassy in Moscow urges Americans to leave Russia",
        "publisher": "CNN",
        "text": TEXT,
        "publication": {"date": "2022-09-28", "time": "14:30:00", "timezone": "America/New_York"},
    }
    response = editor_client.post("/api/v1/sources", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["publication"] == {"date": "2022-09-28", "time": "14:30:00", "timezone": "America/New_York"}
    source = Source.objects.get(slug="cnn-2022-09-28")
    assert source.checksum == text_checksum(TEXT)
    assert source.timezone == "America/New_York"


def test_a_source_with_an_unknown_time_zone_is_refused(editor_client):
    body = {
        "slug": "x",
        "headline": "x",
        "publisher": "x",
        "text": "x",
        "publication": {"date": "2022-09-28", "timezone": "Mars/Olympus"},
    }
    response = editor_client.post("/api/v1/sources", body, format="json")
    assert response.status_code == 400
    assert "publication" in response.json()["errors"]
    assert Source.objects.count() == 0


def test_editing_a_sources_text_updates_its_checksum(editor_client):
    source = SourceFactory()
    response = editor_client.patch(f"/api/v1/sources/{source.pk}", {"text": "New text."}, format="json")
    assert response.status_code == 200
    source.refresh_from_db()
    assert source.checksum == text_checksum("New text.")


def test_a_sources_text_cannot_change_under_its_citations(editor_client):
    citation = CitationFactory()
    source = citation.source
    response = editor_client.patch(f"/api/v1/sources/{source.pk}", {"text": "New text."}, format="json")

    assert response.status_code == 400
    assert "text" in response.json()["errors"]
    source.refresh_from_db()
    assert source.text[citation.char_start : citation.char_end] == citation.sentence


def test_a_statement_is_created_and_its_offsets_checked(editor_client):
    source = SourceFactory(text=TEXT)
    speaker = ActorFactory()
    body = {
        "text": TEXT[:20],
        "mode": "reported",
        "speaker_id": speaker.pk,
        "source_id": source.pk,
        "char_start": 0,
        "char_end": 20,
        "date": day("2022-09-28", "on Wednesday"),
    }
    response = editor_client.post("/api/v1/statements", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["speaker"]["name"] == speaker.name

    response = editor_client.post("/api/v1/statements", {**body, "char_start": 30, "char_end": 10_000}, format="json")
    assert response.status_code == 400
    assert "char_end" in response.json()["errors"]
    assert Statement.objects.count() == 1


def test_an_actor_is_created_updated_and_deleted(editor_client):
    response = editor_client.post("/api/v1/actors", {"name": "Kremlin", "kind": "government_body"}, format="json")
    assert response.status_code == 201
    url = response.json()["api_url"]
    assert editor_client.patch(url, {"aliases": ["Moscow"]}, format="json").json()["aliases"] == ["Moscow"]
    assert editor_client.delete(url).status_code == 204
    assert not Actor.objects.exists()


def test_deleting_an_actor_who_speaks_in_statements_is_a_409_and_deletes_nothing(editor_client):
    statement = StatementFactory(**resolved_dates(dt.date(2022, 9, 27)))
    response = editor_client.delete(f"/api/v1/actors/{statement.speaker_id}")
    assert response.status_code == 409
    assert "statements" in response.json()["detail"]
    assert Actor.objects.filter(pk=statement.speaker_id).exists()


def test_deleting_an_event_deletes_its_citations(editor_client):
    citation = CitationFactory()
    assert editor_client.delete(f"/api/v1/events/{citation.event_id}").status_code == 204
    assert not Citation.objects.exists()


def test_a_date_corrected_through_the_api_becomes_manual_so_resolve_dates_keeps_it(editor_client):
    event = EventFactory(**resolved_dates(dt.date(2022, 9, 27)))
    correction = {"date": {"value": "2022-09-28", "start": "2022-09-28", "end": "2022-09-28", "precision": "day"}}
    response = editor_client.patch(f"/api/v1/events/{event.pk}", correction, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["date"]["status"] == "manual"


def test_a_date_given_only_as_words_is_left_for_the_engine(editor_client):
    response = editor_client.post(
        "/api/v1/events", {"slug": "e", "title": "E", "date": {"text": "last Tuesday"}}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["date"]["status"] == "unresolved"
    assert response.json()["date"]["text"] == "last Tuesday"


def test_an_oversized_body_is_a_413_json_and_nothing_is_written(editor_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = {
        "slug": "big",
        "headline": "Big",
        "publisher": "X",
        "text": "x" * 2000,
        "publication": {"date": "2022-09-28"},
    }
    response = editor_client.post("/api/v1/sources", body, format="json")
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["detail"]
    assert not Source.objects.exists()
