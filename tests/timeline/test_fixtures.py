import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import SourceFactory
from timeline.models import Actor, Citation, DateStatus, Event, Statement

pytestmark = pytest.mark.django_db

TEXT = "Intro. The embassy issued an alert on Tuesday. “Leave now,” it said."


def fixture_records(n_events: int = 1) -> list[dict]:
    records = [{"model": "timeline.actor", "fields": {"name": "US Embassy", "kind": "government_body", "aliases": []}}]
    for i in range(n_events):
        records += [
            {
                "model": "timeline.event",
                "fields": {
                    "slug": f"alert-{i}",
                    "title": f"Alert {i}",
                    "category": "advisory",
                    "actors": [["US Embassy"]],
                },
            },
            {
                "model": "timeline.citation",
                "fields": {
                    "event": [f"alert-{i}"],
                    "source": ["src"],
                    "sentence": "The embassy issued an alert on Tuesday.",
                    "char_start": 7,
                    "char_end": 46,
                    "date_text": "Tuesday",
                },
            },
        ]
    records.append(
        {
            "model": "timeline.statement",
            "fields": {
                "source": ["src"],
                "speaker": ["US Embassy"],
                "event": ["alert-0"],
                "text": "“Leave now,”",
                "mode": "direct",
                "char_start": 47,
                "char_end": 59,
            },
        }
    )
    return records


def write(tmp_path, records) -> str:
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return str(path)


def load(path: str) -> str:
    out = StringIO()
    call_command("load_timeline", path, stdout=out)
    return out.getvalue()


def test_it_creates_the_records_with_their_links(tmp_path):
    SourceFactory(slug="src", text=TEXT)

    output = load(write(tmp_path, fixture_records()))

    assert "1 new events" in output
    event = Event.objects.get(slug="alert-0")
    assert [a.name for a in event.actors.all()] == ["US Embassy"]
    citation = Citation.objects.get()
    assert TEXT[citation.char_start : citation.char_end] == citation.sentence
    assert Statement.objects.get().event == event


def test_a_second_load_keeps_existing_records_and_their_corrections(tmp_path):
    SourceFactory(slug="src", text=TEXT)
    path = write(tmp_path, fixture_records())
    load(path)
    Event.objects.update(date_value="2022-09-27", date_status=DateStatus.MANUAL, title="Edited")

    output = load(path)

    assert "nothing new; 4 already present" in output
    event = Event.objects.get()
    assert (event.title, event.date_status) == ("Edited", DateStatus.MANUAL)
    assert Actor.objects.count() == 1


def test_the_same_fixture_also_loads_with_loaddata(tmp_path):
    SourceFactory(slug="src", text=TEXT)

    call_command("loaddata", write(tmp_path, fixture_records()), verbosity=0)

    assert Citation.objects.count() == 1


@pytest.mark.parametrize("n_events", [2, 40])
def test_the_number_of_queries_does_not_grow_with_the_fixture(tmp_path, n_events):
    SourceFactory(slug="src", text=TEXT)
    path = write(tmp_path, fixture_records(n_events))

    with CaptureQueriesContext(connection) as queries:
        load(path)

    # Five key reads, the cited sources' texts (to check each passage's words), one insert per model
    # and one for event actors, the stories of the cited sources (events join them), and the savepoint.
    assert len(queries) <= 14
    assert Event.objects.count() == n_events


def test_an_unknown_reference_is_named_and_nothing_is_written(tmp_path):
    SourceFactory(slug="src", text=TEXT)
    records = fixture_records()
    records[-1]["fields"]["speaker"] = ["Nobody"]

    with pytest.raises(
        CommandError, match=r"record 4 \(timeline.Statement\): speaker refers to unknown timeline.Actor"
    ):
        load(write(tmp_path, records))

    assert not Event.objects.exists()
    assert not Actor.objects.exists()


def test_a_fixture_with_primary_keys_is_refused(tmp_path):
    records = fixture_records()
    records[0]["pk"] = 1

    with pytest.raises(CommandError, match="use natural keys"):
        load(write(tmp_path, records))


def test_a_missing_file_is_one_readable_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        load(str(tmp_path / "absent.json"))
