"""Filters on the lists and the timeline: the date-overlap rule, the other parameters, and bad values."""

import datetime as dt

import pytest

from tests.factories import (
    ActorFactory,
    CitationFactory,
    EventFactory,
    SourceFactory,
    StatementFactory,
    resolved_dates,
)
from timeline.models import DateStatus

pytestmark = pytest.mark.django_db

D = dt.date


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


@pytest.fixture
def dated_events():
    """One event at each precision, all in or near late September 2022."""
    return {
        "day": EventFactory(slug="day", **resolved_dates(D(2022, 9, 27))),
        "week": EventFactory(
            slug="week", **resolved_dates(D(2022, 9, 19), D(2022, 9, 25), value="2022-W38", precision="week")
        ),
        "month": EventFactory(
            slug="month", **resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09", precision="month")
        ),
        "october": EventFactory(slug="october", **resolved_dates(D(2022, 10, 3))),
        "undated": EventFactory(slug="undated"),
    }


def test_a_month_precision_event_is_inside_any_range_within_that_month(client, dated_events):
    response = client.get("/api/v1/events", {"start": "2022-09-20", "end": "2022-09-30"})
    assert "month" in slugs(response)


def test_a_week_precision_event_is_inside_a_range_that_meets_the_week_at_one_end(client, dated_events):
    assert "week" in slugs(client.get("/api/v1/events", {"start": "2022-09-25", "end": "2022-09-30"}))
    assert "week" in slugs(client.get("/api/v1/events", {"start": "2022-09-10", "end": "2022-09-19"}))
    assert "week" not in slugs(client.get("/api/v1/events", {"start": "2022-09-26", "end": "2022-09-30"}))


def test_a_day_precision_event_is_inside_only_ranges_that_include_the_day(client, dated_events):
    assert slugs(client.get("/api/v1/events", {"start": "2022-09-27", "end": "2022-09-27"})) == ["month", "day"]
    assert "day" not in slugs(client.get("/api/v1/events", {"start": "2022-09-28", "end": "2022-09-30"}))


def test_either_end_of_the_range_may_be_left_open(client, dated_events):
    assert slugs(client.get("/api/v1/events", {"start": "2022-10-01"})) == ["october"]
    assert slugs(client.get("/api/v1/events", {"end": "2022-09-18"})) == ["month"]


def test_undated_events_never_match_a_date_range_but_are_listed_last_without_one(client, dated_events):
    assert "undated" not in slugs(client.get("/api/v1/events", {"start": "2000-01-01"}))
    assert slugs(client.get("/api/v1/events"))[-1] == "undated"


def test_events_are_ordered_by_start_then_precision_then_id(client):
    EventFactory(slug="month", **resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09", precision="month"))
    EventFactory(slug="day-later-id", **resolved_dates(D(2022, 9, 1)))
    EventFactory(slug="day-earlier-start", **resolved_dates(D(2022, 8, 31)))
    EventFactory(slug="day-same", **resolved_dates(D(2022, 9, 1)))
    assert slugs(client.get("/api/v1/events")) == ["day-earlier-start", "day-later-id", "day-same", "month"]


def test_the_timeline_applies_the_overlap_rule_to_events_and_statements(client, dated_events):
    StatementFactory(**resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09", precision="month"))
    StatementFactory(**resolved_dates(D(2022, 8, 30)))
    response = client.get("/api/v1/timeline", {"start": "2022-09-20", "end": "2022-09-30"})
    assert response.status_code == 200
    rows = [(row["kind"], row["date"]["value"]) for row in response.json()["results"]]
    assert rows == [
        ("event", "2022-09"),
        ("statement", "2022-09"),
        ("event", "2022-W38"),
        ("event", "2022-09-27"),
    ]


def test_events_filter_by_actor_source_publisher_category_status_and_precision(client):
    actor = ActorFactory()
    cnn = SourceFactory(publisher="CNN")
    wanted = EventFactory(slug="wanted", category="security", **resolved_dates(D(2022, 9, 27)))
    wanted.actors.add(actor)
    CitationFactory(event=wanted, source=cnn)
    other = EventFactory(slug="other", category="diplomacy", date_status=DateStatus.UNRESOLVED)
    CitationFactory(event=other)

    assert slugs(client.get("/api/v1/events", {"actor": actor.pk})) == ["wanted"]
    assert slugs(client.get("/api/v1/events", {"source": cnn.pk})) == ["wanted"]
    assert slugs(client.get("/api/v1/events", {"publisher": "cnn"})) == ["wanted"]
    assert slugs(client.get("/api/v1/events", {"category": "security"})) == ["wanted"]
    assert slugs(client.get("/api/v1/events", {"status": "resolved"})) == ["wanted"]
    assert slugs(client.get("/api/v1/events", {"status": ["resolved", "unresolved"]})) == ["wanted", "other"]
    assert slugs(client.get("/api/v1/events", {"precision": "day"})) == ["wanted"]


def test_a_source_cited_twice_does_not_list_its_event_twice(client):
    source = SourceFactory(publisher="CNN")
    event = EventFactory(slug="once", **resolved_dates(D(2022, 9, 27)))
    CitationFactory(event=event, source=source, char_start=0, char_end=5)
    CitationFactory(event=event, source=source, char_start=6, char_end=9)
    assert slugs(client.get("/api/v1/events", {"publisher": "CNN"})) == ["once"]
    assert slugs(client.get("/api/v1/events", {"source": source.pk})) == ["once"]


def test_text_search_matches_every_word_in_any_searched_field(client):
    EventFactory(slug="alert", title="Embassy urges Americans to leave Russia", description="Security alert")
    EventFactory(slug="treaty", title="Treaty talks", description="Arms control")
    assert slugs(client.get("/api/v1/events", {"q": "embassy"})) == ["alert"]
    assert slugs(client.get("/api/v1/events", {"q": "security Americans"})) == ["alert"]
    assert slugs(client.get("/api/v1/events", {"q": "treaty embassy"})) == []


def test_statements_filter_by_speaker_source_and_text(client):
    speaker = ActorFactory(name="US Embassy in Moscow")
    source = SourceFactory(publisher="CNN", text="The embassy said citizens should depart immediately.")
    wanted = StatementFactory(speaker=speaker, source=source, **resolved_dates(D(2022, 9, 27)))
    StatementFactory(**resolved_dates(D(2022, 9, 27)))
    ids = lambda r: [row["id"] for row in r.json()["results"]]  # noqa: E731
    assert ids(client.get("/api/v1/statements", {"actor": speaker.pk})) == [wanted.pk]
    assert ids(client.get("/api/v1/statements", {"publisher": "cnn"})) == [wanted.pk]
    assert ids(client.get("/api/v1/statements", {"q": "depart immediately"})) == [wanted.pk]


def test_the_timeline_can_show_only_one_kind(client, dated_events):
    StatementFactory(**resolved_dates(D(2022, 9, 27)))
    kinds = lambda r: {row["kind"] for row in r.json()["results"]}  # noqa: E731
    assert kinds(client.get("/api/v1/timeline", {"kind": "statement"})) == {"statement"}
    assert kinds(client.get("/api/v1/timeline", {"kind": "event"})) == {"event"}


def test_sources_and_actors_have_their_own_filters(client):
    SourceFactory(slug="cnn", publisher="CNN", published_date=D(2022, 9, 28))
    SourceFactory(slug="ibt", publisher="IBT", published_date=D(2023, 2, 13))
    ActorFactory(name="Kremlin", kind="government_body")
    assert slugs(client.get("/api/v1/sources", {"publisher": "cnn"})) == ["cnn"]
    assert slugs(client.get("/api/v1/sources", {"start": "2023-01-01"})) == ["ibt"]
    names = [row["name"] for row in client.get("/api/v1/actors", {"kind": "government_body"}).json()["results"]]
    assert names == ["Kremlin"]


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/api/v1/events", {"start": "notadate"}, "start"),
        ("/api/v1/events", {"end": "2022-13-01"}, "end"),
        ("/api/v1/events", {"start": "2022-09-30", "end": "2022-09-01"}, "end"),
        ("/api/v1/events", {"status": "bogus"}, "status"),
        ("/api/v1/events", {"precision": "fortnight"}, "precision"),
        ("/api/v1/events", {"actor": "999999"}, "actor"),
        ("/api/v1/events", {"source": "abc"}, "source"),
        ("/api/v1/statements", {"event": "999999"}, "event"),
        ("/api/v1/actors", {"kind": "alien"}, "kind"),
        ("/api/v1/sources", {"start": "yesterday"}, "start"),
        ("/api/v1/timeline", {"start": "notadate"}, "start"),
        ("/api/v1/timeline", {"kind": "bogus"}, "kind"),
        ("/api/v1/timeline", {"status": "bogus"}, "status"),
        ("/api/v1/timeline", {"cursor": "not-a-cursor"}, "cursor"),
        ("/api/v1/timeline", {"page_size": "many"}, "page_size"),
    ],
)
def test_an_unusable_filter_value_is_a_400_that_names_the_parameter(client, url, params, parameter):
    response = client.get(url, params)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert parameter in body["errors"]
    assert parameter in body["detail"]
