"""Exports of the filtered timeline: TimelineJS 3 JSON, CSV and iCalendar."""

import csv
import datetime as dt
import io
import json

import pytest
from icalendar import Calendar

from tests.factories import ActorFactory, CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates
from timeline.models import Event, Statement

pytestmark = pytest.mark.django_db

D = dt.date
DATE_PARTS = ("year", "month", "day", "hour", "minute", "second", "millisecond")


@pytest.fixture
def timeline():
    """A day event two sources date differently, a week, a month, a year, and a statement."""
    cnn = SourceFactory(publisher="CNN", url="https://edition.cnn.com/a")
    post = SourceFactory(publisher="New York Post", url="")
    alert = EventFactory(
        title="Embassy alert", description="Leave Russia.", category="diplomacy", **resolved_dates(D(2022, 9, 27))
    )
    CitationFactory(event=alert, source=cnn, date_text="Tuesday", **resolved_dates(D(2022, 9, 27)))
    CitationFactory(event=alert, source=post, date_text="on Wednesday", **resolved_dates(D(2022, 9, 28)))
    week = EventFactory(
        title="Week", category="", **resolved_dates(D(2022, 9, 19), D(2022, 9, 25), value="2022-W38", precision="week")
    )
    week.actors.add(ActorFactory(name="Kremlin"))
    EventFactory(title="Month", **resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09", precision="month"))
    EventFactory(title="Year", **resolved_dates(D(2022, 1, 1), D(2022, 12, 31), value="2022", precision="year"))
    StatementFactory(
        speaker=ActorFactory(name="US Embassy"), source=cnn, **resolved_dates(D(2022, 9, 27)), date_text="Tuesday"
    )
    EventFactory(title="Undated")


def as_json(client, **params) -> list[dict]:
    return client.get("/api/v1/timeline", {"page_size": 200, **params}).json()["results"]


def check_timelinejs_date(date: dict) -> None:
    """A TimelineJS date object: year required; other parts optional, whole numbers, in range."""
    assert set(date) <= {*DATE_PARTS, "display_date", "format"}
    assert int(date["year"]) == float(date["year"])
    if "month" in date:
        assert 1 <= int(date["month"]) <= 12
    if "day" in date:
        assert "month" in date and 1 <= int(date["day"]) <= 31


def test_the_timelinejs_export_follows_the_documented_structure(client, timeline):
    response = client.get("/api/v1/timeline", {"format": "timelinejs"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.timelinejs+json")
    document = json.loads(response.content)
    assert set(document) <= {"title", "events", "eras", "scale"}
    assert document["title"]["text"]["headline"]
    assert "start_date" not in document["title"]
    slides = document["events"]
    assert len(slides) == 5  # the undated event has no place on a timeline
    for slide in slides:
        assert set(slide) <= {
            "start_date",
            "end_date",
            "text",
            "media",
            "group",
            "display_date",
            "background",
            "autolink",
            "unique_id",
        }
        check_timelinejs_date(slide["start_date"])
        if "end_date" in slide:
            check_timelinejs_date(slide["end_date"])
        assert set(slide["text"]) == {"headline", "text"}
        assert isinstance(slide["group"], str) and slide["group"]
    assert len({slide["unique_id"] for slide in slides}) == len(slides)


def test_timelinejs_dates_are_only_as_precise_as_the_date(client, timeline):
    slides = {
        s["text"]["headline"]: s for s in json.loads(client.get("/api/v1/timeline?format=timelinejs").content)["events"]
    }
    assert slides["Embassy alert"]["start_date"] == {"year": "2022", "month": "9", "day": "27"}
    assert "display_date" not in slides["Embassy alert"]
    assert slides["Month"]["start_date"] == {"year": "2022", "month": "9"}
    assert slides["Month"]["display_date"] == "September 2022"
    assert slides["Year"]["start_date"] == {"year": "2022"}
    assert slides["Year"]["display_date"] == "2022"
    week = slides["Week"]
    assert (week["start_date"]["day"], week["end_date"]["day"]) == ("19", "25")
    assert week["display_date"] == "Week of 19 September 2022"


def test_timelinejs_slides_credit_their_sources_and_show_disagreement(client, timeline):
    slides = {
        s["text"]["headline"]: s for s in json.loads(client.get("/api/v1/timeline?format=timelinejs").content)["events"]
    }
    alert = slides["Embassy alert"]
    assert '<a href="https://edition.cnn.com/a">CNN' in alert["text"]["text"]
    assert "New York Post" in alert["text"]["text"]
    assert "Sources disagree on the date" in alert["text"]["text"]
    assert "2022-09-28 (on Wednesday)" in alert["text"]["text"]
    assert alert["group"] == "diplomacy"
    assert slides["Week"]["group"] == "Kremlin"  # no category: the first actor


def test_timelinejs_unique_ids_are_stable_between_requests(client, timeline):
    def ids() -> list[str]:
        document = json.loads(client.get("/api/v1/timeline?format=timelinejs").content)
        return [slide["unique_id"] for slide in document["events"]]

    before = ids()
    dated = {"event": Event.objects.exclude(date_start=None), "statement": Statement.objects.exclude(date_start=None)}
    assert sorted(before) == sorted(
        f"{kind}-{pk}" for kind, qs in dated.items() for pk in qs.values_list("pk", flat=True)
    )
    # An entry added before the others shifts every slide's position, not the ids of the ones there.
    added = EventFactory(title="Earlier", **resolved_dates(D(2022, 1, 1)))
    after = ids()
    assert after[0] == f"event-{added.pk}" and after[1:] == before


def test_the_csv_export_round_trips_to_the_json_timeline(client, timeline):
    response = client.get("/api/v1/timeline", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]

    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    entries = as_json(client)
    assert len(rows) == len(entries) == 5
    for row, entry in zip(rows, entries, strict=True):
        assert row["unique_id"] == entry["unique_id"]
        assert (row["kind"], int(row["id"])) == (entry["kind"], entry["id"])
        assert (row["title"], row["text"]) == (entry["title"], entry["text"])
        for part in ("text", "value", "start", "end", "precision", "status"):
            assert row[f"date_{part}"] == (entry["date"][part] or "")
        assert row["sources"] == "; ".join(s["publisher"] for s in entry["sources"])
        assert row["actors"] == "; ".join(a["name"] for a in entry["actors"])
        assert row["sources_disagree"] == str(entry["sources_disagree"]).lower()


def test_the_ical_export_parses_back_to_all_day_events_over_each_interval(client, timeline):
    response = client.get("/api/v1/timeline", {"format": "ics"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")

    calendar = Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 5
    month = events["Month"]
    assert month.decoded("DTSTART") == D(2022, 9, 1)
    assert month.decoded("DTEND") == D(2022, 10, 1)  # exclusive: the day after the last day
    assert events["Embassy alert"].decoded("DTEND") == D(2022, 9, 28)
    assert "Sources disagree" in str(events["Embassy alert"]["DESCRIPTION"])
    assert len({str(e["UID"]) for e in events.values()}) == 5


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("text/csv", "text/csv"),
        ("text/calendar", "text/calendar"),
        ("application/vnd.timelinejs+json", "application/vnd.timelinejs+json"),
        ("application/json", "application/json"),
    ],
)
def test_the_accept_header_chooses_the_format(client, timeline, accept, content_type):
    response = client.get("/api/v1/timeline", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)


def test_exports_hold_the_filtered_timeline(client, timeline):
    response = client.get("/api/v1/timeline", {"format": "csv", "start": "2022-09-27", "end": "2022-09-27"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["title"] for row in rows][:3] == ["Year", "Month", "Embassy alert"]
    assert [row["kind"] for row in rows] == ["event", "event", "event", "statement"]


def test_an_export_with_a_bad_filter_is_a_json_400(client, timeline):
    response = client.get("/api/v1/timeline", {"format": "csv", "start": "notadate"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "start" in response.json()["errors"]


def test_an_unknown_format_is_a_400_naming_format(client):
    response = client.get("/api/v1/timeline", {"format": "pdf"})
    assert response.status_code == 400 and "format" in response.json()["errors"]


def test_an_export_past_the_row_cap_links_to_the_rest(client, timeline, monkeypatch):
    monkeypatch.setattr("api.views.EXPORT_MAX_ROWS", 2)
    response = client.get("/api/v1/timeline", {"format": "csv"})
    first = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(first) == 2
    next_url = response["Link"].split(";")[0].strip("<>")
    rest = list(csv.DictReader(io.StringIO(client.get(next_url).content.decode())))
    assert [row["unique_id"] for row in first + rest] == [entry["unique_id"] for entry in as_json(client)][:4]
