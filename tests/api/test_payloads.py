"""The shape every payload shares: one date object wherever a date appears, and sources with their
publication context."""

import datetime as dt

import pytest

from tests.factories import CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates

pytestmark = pytest.mark.django_db

DATE_KEYS = {"text", "value", "start", "end", "precision", "status", "anchor", "explanation"}
PUBLICATION_KEYS = {"date", "time", "timezone"}


@pytest.fixture
def records():
    tuesday = dt.date(2022, 9, 27)
    source = SourceFactory(published_date=dt.date(2022, 9, 28), timezone="America/New_York")
    event = EventFactory(**resolved_dates(tuesday))
    citation = CitationFactory(
        event=event, source=source, date_text="Tuesday", date_anchor=dt.date(2022, 9, 28), **resolved_dates(tuesday)
    )
    statement = StatementFactory(source=source, event=event, **resolved_dates(tuesday))
    return source, citation, statement


def test_events_carry_one_date_object_and_so_does_each_citation(client, records):
    event = client.get("/api/v1/events").json()["results"][0]
    assert set(event["date"]) == DATE_KEYS
    citation = event["citations"][0]
    assert set(citation["date"]) == DATE_KEYS
    assert citation["date"]["text"] == "Tuesday" and citation["date"]["anchor"] == "2022-09-28"
    assert set(citation["source"]["publication"]) == PUBLICATION_KEYS


def test_statements_carry_one_date_object_and_their_sources_publication(client, records):
    statement = client.get("/api/v1/statements").json()["results"][0]
    assert set(statement["date"]) == DATE_KEYS
    assert statement["source"]["publication"] == {"date": "2022-09-28", "time": None, "timezone": "America/New_York"}
    assert statement["event"]["id"] == records[1].event_id


def test_sources_carry_their_publication_context(client, records):
    source = client.get(f"/api/v1/sources/{records[0].pk}").json()
    assert source["publication"] == {"date": "2022-09-28", "time": None, "timezone": "America/New_York"}


def test_timeline_entries_carry_one_date_object_their_sources_and_their_kind(client, records):
    entries = client.get("/api/v1/timeline").json()["results"]
    assert [entry["kind"] for entry in entries] == ["event", "statement"]
    for entry in entries:
        assert set(entry["date"]) == DATE_KEYS
        assert entry["sources"] and set(entry["sources"][0]["publication"]) == PUBLICATION_KEYS
    assert entries[1]["event_id"] == entries[0]["id"]
    assert entries[1]["category"] == entries[0]["category"]  # a statement takes its event's category
