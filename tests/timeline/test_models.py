import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from tests.factories import CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates
from timeline.models import Citation, DatePrecision, DateStatus, Event
from timeline.temporal.types import Precision

pytestmark = pytest.mark.django_db


def violates(**fields) -> bool:
    try:
        with transaction.atomic():
            EventFactory(**fields)
    except IntegrityError:
        return True
    return False


def test_the_model_precisions_are_the_engine_precisions():
    assert DatePrecision.values == [p.value for p in Precision]


def test_a_date_interval_cannot_end_before_it_starts():
    assert violates(**resolved_dates(dt.date(2022, 9, 28), dt.date(2022, 9, 27)))
    assert not violates(**resolved_dates(dt.date(2022, 9, 27), dt.date(2022, 9, 28)))


def test_a_date_interval_has_both_ends_or_neither():
    assert violates(date_start=dt.date(2022, 9, 28))
    assert violates(date_end=dt.date(2022, 9, 28))


@pytest.mark.parametrize("status", [DateStatus.RESOLVED, DateStatus.INFERRED, DateStatus.AMBIGUOUS, DateStatus.MANUAL])
def test_a_dated_status_needs_a_value(status):
    assert violates(date_status=status, date_value="")
    assert not violates(date_status=status, date_value="P1W")


def test_unknown_statuses_and_precisions_are_refused():
    assert violates(date_status="sure")
    assert violates(date_precision="fortnight")


def test_a_source_url_is_unique_when_present_only():
    SourceFactory(url="")
    SourceFactory(url="")
    SourceFactory(url="https://a.example/1")
    with pytest.raises(IntegrityError):
        SourceFactory(url="https://a.example/1")


def test_the_same_text_cannot_be_two_sources():
    SourceFactory(text="Same words.")
    with pytest.raises(IntegrityError):
        SourceFactory(text="Same words.")


def test_one_citation_per_event_source_and_offset():
    citation = CitationFactory()
    with pytest.raises(IntegrityError):
        CitationFactory(event=citation.event, source=citation.source, char_start=citation.char_start)


def test_citation_offsets_must_be_ordered():
    with pytest.raises(IntegrityError):
        CitationFactory(char_start=10, char_end=10)


def test_one_statement_per_source_and_offset():
    statement = StatementFactory()
    with pytest.raises(IntegrityError):
        StatementFactory(source=statement.source, char_start=statement.char_start)


def test_overlapping_finds_coarse_dates_that_meet_the_range():
    month = EventFactory(
        **resolved_dates(dt.date(2022, 9, 1), dt.date(2022, 9, 30), value="2022-09", precision="month")
    )
    day = EventFactory(**resolved_dates(dt.date(2022, 9, 27)))
    EventFactory(**resolved_dates(dt.date(2022, 10, 2)))
    EventFactory()  # undated: never inside a range

    found = Event.objects.overlapping(dt.date(2022, 9, 20), dt.date(2022, 9, 30))

    assert set(found) == {month, day}


def test_resolved_and_automatic_querysets():
    resolved = EventFactory(**resolved_dates(dt.date(2022, 9, 27)))
    manual = EventFactory(**resolved_dates(dt.date(2022, 9, 27)) | {"date_status": DateStatus.MANUAL})
    pending = EventFactory()

    assert set(Event.objects.resolved()) == {resolved, manual}
    assert set(Event.objects.automatic()) == {resolved, pending}
    assert set(Event.objects.unresolved()) == {pending}


def test_natural_keys_round_trip():
    citation = CitationFactory()
    statement = StatementFactory()

    assert Citation.objects.get_by_natural_key(*citation.natural_key()) == citation
    assert type(statement).objects.get_by_natural_key(*statement.natural_key()) == statement
