"""How an event says where its sources disagree: the rule the dating service derives event dates by."""

import datetime as dt

import pytest

from tests.factories import CitationFactory, EventFactory, resolved_dates

pytestmark = pytest.mark.django_db

D = dt.date


def event_with_readings(*readings: dict) -> dict:
    event = EventFactory(**resolved_dates(D(2022, 9, 27)))
    for offset, reading in enumerate(readings):
        CitationFactory(event=event, char_start=offset, char_end=offset + 1, **reading)
    return event


def payload(client, event) -> dict:
    return client.get(f"/api/v1/events/{event.pk}").json()


def test_tuesday_and_wednesday_disagree(client):
    event = event_with_readings(resolved_dates(D(2022, 9, 27)), resolved_dates(D(2022, 9, 28)))
    body = payload(client, event)
    assert body["sources_disagree"] is True
    assert [c["agrees_with_event"] for c in body["citations"]] == [True, False]


def test_tuesday_night_lies_within_tuesday_so_they_agree(client):
    event = event_with_readings(
        resolved_dates(D(2022, 9, 27)),
        resolved_dates(D(2022, 9, 27), value="2022-09-27TNI", precision="time"),
        resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09", precision="month"),
    )
    body = payload(client, event)
    assert body["sources_disagree"] is False
    assert len(body["date_readings"]) == 3


def test_two_weeks_that_do_not_contain_each_other_disagree(client):
    event = event_with_readings(
        resolved_dates(D(2022, 9, 19), D(2022, 9, 25), value="2022-W38", precision="week"),
        resolved_dates(D(2022, 9, 24), D(2022, 9, 30), value="2022-09-24/30", precision="week"),
    )
    assert payload(client, event)["sources_disagree"] is True


def test_an_undated_citation_contradicts_nothing(client):
    event = event_with_readings(resolved_dates(D(2022, 9, 27)), {})
    body = payload(client, event)
    assert body["sources_disagree"] is False
    assert [c["agrees_with_event"] for c in body["citations"]] == [True, None]
