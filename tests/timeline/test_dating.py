import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates
from timeline.models import Citation, DateStatus, Event, Statement
from timeline.services.dating import date_apply_editor_change, dates_resolve

pytestmark = pytest.mark.django_db

SEPT_28 = dt.date(2022, 9, 28)


def cite(event, *, publisher: str, sentence: str, date_text: str, published: dt.date = SEPT_28) -> Citation:
    source = SourceFactory(
        publisher=publisher, text=f"Intro. {sentence} Outro by {publisher}.", published_date=published
    )
    return CitationFactory(
        event=event, source=source, sentence=sentence, char_start=7, char_end=7 + len(sentence), date_text=date_text
    )


def test_a_citation_is_resolved_against_its_own_source_publication_date():
    event = EventFactory()
    september = cite(event, publisher="A", sentence="The embassy issued an alert on Tuesday.", date_text="Tuesday")
    february = cite(
        event,
        publisher="B",
        sentence="The embassy issued an alert on Tuesday.",
        date_text="Tuesday",
        published=dt.date(2023, 2, 13),
    )

    dates_resolve()

    september.refresh_from_db()
    february.refresh_from_db()
    assert (september.date_value, september.date_status) == ("2022-09-27", DateStatus.RESOLVED)
    assert september.date_anchor == SEPT_28
    assert (september.date_start, september.date_end, september.date_precision) == (
        dt.date(2022, 9, 27),
        dt.date(2022, 9, 27),
        "day",
    )
    assert february.date_value == "2023-02-07"
    assert september.date_explanation


def test_a_month_keeps_month_precision():
    event = EventFactory()
    citation = cite(
        event,
        publisher="A",
        sentence="He was detained last December.",
        date_text="last December",
        published=dt.date(2023, 2, 13),
    )

    dates_resolve()

    citation.refresh_from_db()
    assert citation.date_value == "2022-12"
    assert (citation.date_start, citation.date_end, citation.date_precision) == (
        dt.date(2022, 12, 1),
        dt.date(2022, 12, 31),
        "month",
    )


def test_an_event_whose_sources_agree_is_resolved_to_the_most_precise_reading():
    event = EventFactory()
    cite(event, publisher="CNN", sentence="The alert, dated Tuesday, said leave.", date_text="Tuesday")
    cite(event, publisher="Independent", sentence="It said so on Tuesday night.", date_text="Tuesday night")

    dates_resolve()

    event.refresh_from_db()
    assert event.date_status == DateStatus.RESOLVED
    assert event.date_value == "2022-09-27TNI"
    assert event.date_text == "Tuesday night"  # the wording of the reading it took
    assert event.date_start == dt.date(2022, 9, 27)
    assert "all 2 citations agree" in event.date_explanation


def test_an_event_whose_sources_disagree_is_ambiguous_and_names_the_dissent():
    event = EventFactory()
    cite(event, publisher="CNN", sentence="The alert, dated Tuesday, said leave.", date_text="Tuesday")
    cite(event, publisher="Independent", sentence="It said so on Tuesday night.", date_text="Tuesday night")
    cite(event, publisher="New York Post", sentence="The embassy on Wednesday issued an alert.", date_text="Wednesday")

    dates_resolve()

    event.refresh_from_db()
    assert event.date_status == DateStatus.AMBIGUOUS
    assert event.date_start == dt.date(2022, 9, 27)
    assert "2 of 3" in event.date_explanation
    assert "New York Post says 2022-09-28 ('Wednesday')" in event.date_explanation


def test_a_coarse_reading_that_contains_two_disagreeing_days_does_not_hide_the_disagreement():
    event = EventFactory()
    cite(
        event,
        publisher="IBT",
        sentence="A similar alert came in September.",
        date_text="September",
        published=dt.date(2023, 2, 13),
    )
    cite(event, publisher="CNN", sentence="The alert, dated Tuesday, said leave.", date_text="Tuesday")
    cite(event, publisher="Independent", sentence="It said so on Tuesday night.", date_text="Tuesday night")
    cite(event, publisher="New York Post", sentence="The embassy on Wednesday issued an alert.", date_text="Wednesday")

    dates_resolve()

    event.refresh_from_db()
    assert event.date_status == DateStatus.AMBIGUOUS
    assert event.date_value == "2022-09-27TNI"
    assert "3 of 4 readings support 2022-09-27TNI (CNN, IBT, Independent)" in event.date_explanation
    assert "New York Post says 2022-09-28" in event.date_explanation


def test_an_event_no_citation_dates_is_placed_on_or_before_its_first_report():
    event = EventFactory()
    cite(event, publisher="Later", sentence="Protests spread.", date_text="", published=dt.date(2022, 10, 2))
    cite(event, publisher="First", sentence="Protests spread.", date_text="")

    dates_resolve()

    event.refresh_from_db()
    assert event.date_status == DateStatus.INFERRED
    assert (event.date_value, event.date_start, event.date_end) == ("2022-09-28", SEPT_28, SEPT_28)
    assert event.date_rule == "on_or_before_first_report"
    assert "on or before 2022-09-28, when First first reported it" in event.date_explanation


def test_an_event_with_no_citation_is_unresolvable():
    event = EventFactory()

    dates_resolve()

    event.refresh_from_db()
    assert event.date_status == DateStatus.UNRESOLVABLE
    assert event.date_value == ""


def test_an_expression_the_engine_cannot_read_is_unresolvable():
    event = EventFactory()
    citation = cite(event, publisher="A", sentence="It happened at some point.", date_text="some point")

    dates_resolve()

    citation.refresh_from_db()
    assert citation.date_status == DateStatus.UNRESOLVABLE
    assert "some point" in citation.date_explanation


def test_a_statement_without_a_date_is_inferred_to_be_from_the_publication_day():
    statement = StatementFactory(source=SourceFactory(publisher="Metro", published_date=dt.date(2023, 2, 13)))

    dates_resolve()

    statement.refresh_from_db()
    assert statement.date_status == DateStatus.INFERRED
    assert statement.date_value == "2023-02-13"
    assert "Metro" in statement.date_explanation


def test_a_statement_is_dated_from_the_expression_in_its_paragraph():
    text = "Other news.\n“Depart immediately,” the embassy said Monday.\nMore."
    source = SourceFactory(text=text, published_date=dt.date(2023, 2, 13))
    start = text.index("“Depart")
    statement = StatementFactory(
        source=source, char_start=start, char_end=start + len("“Depart immediately,”"), date_text="Monday"
    )

    dates_resolve()

    statement.refresh_from_db()
    assert statement.date_value == "2023-02-13"
    assert statement.date_status == DateStatus.RESOLVED


def test_manual_rows_are_never_touched_even_with_force():
    event = EventFactory(**resolved_dates(dt.date(2022, 9, 20)) | {"date_status": DateStatus.MANUAL})
    citation = cite(event, publisher="A", sentence="It came on Tuesday.", date_text="Tuesday")
    Citation.objects.filter(pk=citation.pk).update(
        **resolved_dates(dt.date(2022, 9, 1)) | {"date_status": DateStatus.MANUAL}
    )

    dates_resolve(force=True)

    event.refresh_from_db()
    citation.refresh_from_db()
    assert (event.date_value, event.date_status) == ("2022-09-20", DateStatus.MANUAL)
    assert (citation.date_value, citation.date_status) == ("2022-09-01", DateStatus.MANUAL)


def test_a_second_run_changes_nothing():
    event = EventFactory()
    cite(event, publisher="A", sentence="It came on Tuesday.", date_text="Tuesday")
    StatementFactory()
    first = dates_resolve()

    second = dates_resolve()

    assert first.changed == 3
    assert second.changed == 0


def test_without_force_resolved_rows_are_left_and_with_force_they_are_read_again():
    event = EventFactory()
    citation = cite(event, publisher="A", sentence="It came on Tuesday.", date_text="Tuesday")
    Citation.objects.filter(pk=citation.pk).update(**resolved_dates(dt.date(2022, 9, 1), value="2022-09-01"))

    dates_resolve()
    citation.refresh_from_db()
    assert citation.date_value == "2022-09-01"

    dates_resolve(force=True)
    citation.refresh_from_db()
    assert citation.date_value == "2022-09-27"


def test_dry_run_reports_but_writes_nothing():
    event = EventFactory()
    cite(event, publisher="A", sentence="It came on Tuesday.", date_text="Tuesday")

    report = dates_resolve(dry_run=True)

    assert report.citations.changed == 1
    assert report.events.changed == 1
    assert not Citation.objects.exclude(date_status=DateStatus.UNRESOLVED).exists()
    assert not Event.objects.exclude(date_status=DateStatus.UNRESOLVED).exists()


def test_only_the_named_source_is_read_with_source_id():
    event = EventFactory()
    mine = cite(event, publisher="A", sentence="It came on Tuesday.", date_text="Tuesday")
    other = cite(EventFactory(), publisher="B", sentence="It came on Monday.", date_text="Monday")

    dates_resolve(source_id=mine.source_id)

    assert Citation.objects.get(pk=mine.pk).date_status == DateStatus.RESOLVED
    assert Citation.objects.get(pk=other.pk).date_status == DateStatus.UNRESOLVED


def make_rows(n: int) -> None:
    for i in range(n):
        event = EventFactory()
        cite(event, publisher=f"P{i}", sentence="It came on Tuesday.", date_text="Tuesday")
        StatementFactory()


@pytest.mark.parametrize("rows", [10, 60])
def test_the_number_of_queries_does_not_grow_with_the_rows(rows):
    make_rows(rows)
    with CaptureQueriesContext(connection) as queries:
        dates_resolve(force=True, batch_size=1000)
    # Per model: one batch read, one bulk update and one insert of its history rows, one empty read
    # that ends the walk; events add one prefetch of citations. Plus the transaction's savepoints.
    # SQLite takes at most 999 values per statement, so Django splits the history insert (about 27
    # values a row) into chunks of 37 rows there: one more query per model past that, on SQLite only.
    chunks = 3 * ((rows - 1) // 37) if connection.vendor == "sqlite" else 0
    assert len(queries) <= 15 + chunks, [q["sql"][:80] for q in queries]


def test_batches_bound_the_queries_per_batch():
    make_rows(12)
    with CaptureQueriesContext(connection) as small:
        dates_resolve(force=True, batch_size=5)
    # 12 rows in batches of 5: three reads, three writes and three history inserts per model, and one
    # empty read.
    assert len(small) <= 3 * (3 + 3 + 3 + 1) + 3 + 4


def test_an_editor_change_to_a_date_makes_it_manual():
    event = Event(date_status=DateStatus.RESOLVED)

    date_apply_editor_change(obj=event, changed=["date_value", "title"])

    assert event.date_status == DateStatus.MANUAL


def test_an_editor_who_resets_the_status_keeps_that_choice():
    event = Event(date_status=DateStatus.MANUAL)

    date_apply_editor_change(obj=event, changed=["date_value", "date_status"])
    assert event.date_status == DateStatus.MANUAL  # untouched: the editor chose it

    other = Event(date_status=DateStatus.RESOLVED)
    date_apply_editor_change(obj=other, changed=["title"])
    assert other.date_status == DateStatus.RESOLVED


def test_the_command_prints_a_summary_by_status():
    event = EventFactory()
    cite(event, publisher="A", sentence="It came on Tuesday.", date_text="Tuesday")
    out = StringIO()

    call_command("resolve_dates", stdout=out)

    assert "Citations: 1 looked at, 1 changed (1 resolved)" in out.getvalue()
    assert Statement.objects.count() == 0


def test_the_command_refuses_an_unknown_source_and_a_bad_batch_size():
    with pytest.raises(CommandError, match="--source 999999: no source with that id"):
        call_command("resolve_dates", "--source", "999999")
    with pytest.raises(CommandError, match="--batch-size must be at least 1"):
        call_command("resolve_dates", "--batch-size", "0")
