"""The curated timeline of the seed articles (fixtures/seed_timeline.json) against the texts it cites.

Every offset in the fixture points into a source text as ingest_seeds stores it, so these tests ingest
the real seeds first. They guard the fixture, not the demo: a change to a seed text or a hand edit
of an offset shows up here.
"""

import io
import json

import pytest
from django.core.management import call_command

from timeline.models import Actor, Citation, DateStatus, Event, Source, Statement

SEPT_2022_ALERT = "us-embassy-alert-sept-2022"


def _paragraph(text: str, start: int, end: int) -> str:
    """The paragraph holding text[start:end]; every paragraph of the seed texts is one line."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return text[first : last if last != -1 else len(text)]


def _load_fixture() -> None:
    call_command("loaddata", "seed_timeline", verbosity=0)


def _counts() -> dict[str, int]:
    return {
        "actors": Actor.objects.count(),
        "events": Event.objects.count(),
        "event actors": Event.actors.through.objects.count(),
        "citations": Citation.objects.count(),
        "statements": Statement.objects.count(),
    }


@pytest.fixture
def seed_timeline(settings):
    settings.FIXTURE_DIRS = [settings.BASE_DIR / "fixtures"]
    call_command("ingest_seeds", stdout=io.StringIO())
    _load_fixture()


def test_the_fixture_refers_to_records_by_natural_key_only(settings):
    records = json.loads((settings.BASE_DIR / "fixtures" / "seed_timeline.json").read_text(encoding="utf-8"))

    assert [record for record in records if "pk" in record] == []
    assert {record["model"] for record in records} == {
        "timeline.actor",
        "timeline.event",
        "timeline.citation",
        "timeline.statement",
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_timeline")
def test_every_citation_sentence_is_its_exact_slice_of_the_source():
    citations = list(Citation.objects.select_related("source", "event"))
    assert len(citations) >= 30  # every one of the 30 or more events has a citation
    for citation in citations:
        assert citation.source.text[citation.char_start : citation.char_end] == citation.sentence, str(citation)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_timeline")
def test_every_statement_text_is_its_exact_slice_of_the_source():
    statements = list(Statement.objects.select_related("source", "speaker"))
    assert len(statements) >= 20
    for statement in statements:
        assert statement.source.text[statement.char_start : statement.char_end] == statement.text, str(statement)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_timeline")
def test_every_citation_date_is_written_in_its_sentence():
    dated = list(Citation.objects.exclude(date_text="").select_related("source", "event"))
    assert len(dated) >= 3  # the September 2022 alert's three readings at least
    for citation in dated:
        assert citation.date_text in citation.sentence, str(citation)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_timeline")
def test_every_statement_date_is_written_in_the_paragraph_that_reports_it():
    dated = list(Statement.objects.exclude(date_text="").select_related("source", "speaker"))
    assert dated
    for statement in dated:
        passage = _paragraph(statement.source.text, statement.char_start, statement.char_end)
        assert statement.date_text in passage, str(statement)


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_timeline")
def test_it_holds_at_least_30_events_and_20_statements():
    assert Event.objects.count() >= 30
    assert Statement.objects.count() >= 20


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_timeline")
def test_every_event_has_at_least_one_citation():
    assert list(Event.objects.filter(citations__isnull=True).values_list("slug", flat=True)) == []


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_timeline")
def test_the_sept_2022_alert_keeps_each_sources_own_day():
    # The sources disagree on the day of the alert; the fixture must keep the disagreement, not settle it.
    dates = dict(Citation.objects.filter(event__slug=SEPT_2022_ALERT).values_list("source__slug", "date_text"))

    assert len(dates) >= 3
    assert len(set(dates.values())) >= 3
    assert dates["002_a46a5c61fee82934"] == "Tuesday"
    assert dates["003_3419230858595fd6"] == "Wednesday"
    assert dates["004_a5f8cb4538f3775b"] == "Tuesday night"


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_timeline")
def test_it_leaves_every_date_but_the_written_one_to_the_date_engine():
    # The written dates are there to be read...
    assert Citation.objects.exclude(date_text="").exists() and Statement.objects.exclude(date_text="").exists()
    # ...and nothing is read yet.
    for model in (Event, Citation, Statement):
        assert model.objects.exists(), model.__name__
        assert model.objects.exclude(date_status=DateStatus.UNRESOLVED).count() == 0, model.__name__
        assert model.objects.exclude(date_value="").count() == 0, model.__name__
        assert model.objects.filter(date_start__isnull=False).count() == 0, model.__name__


@pytest.mark.django_db
@pytest.mark.usefixtures("seed_timeline")
def test_loading_it_twice_creates_no_duplicates():
    before = _counts()
    assert before["events"] >= 30 and before["statements"] >= 20 and before["citations"] >= before["events"]

    _load_fixture()

    assert _counts() == before
    assert Source.objects.count() == 5
