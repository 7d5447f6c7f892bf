"""Resolving the timeline's dates with the date engine, and keeping editors' corrections.

Each citation and statement is resolved from its own written expression against its own source's
publication context. An event's date is then derived from its citations: readings that agree
(equal, or one inside the other, as "Tuesday" and "Tuesday night") support each other; when they
disagree the best-supported reading wins and the event is marked ambiguous, with the dissent
spelled out in its explanation. Rows with status manual are never written.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.db import connections, models, router, transaction

from timeline import temporal
from timeline.models import Citation, DatedModel, DateStatus, Event, Source, Statement, Story, intervals_agree

# What an automatic run writes; date_text is the editor's input and is never changed here.
RESULT_FIELDS = DatedModel.DATE_RESULT_FIELDS
# Editing any of these in the admin makes the date a manual correction.
EDITOR_FIELDS = DatedModel.DATE_EDITOR_FIELDS
# A date written with any of these carries a value the editor chose, not only words for the engine.
VALUE_FIELDS = {"date_value", "date_start", "date_end"}
# How far around a statement to look for its date expression: its paragraph, bounded.
STATEMENT_CONTEXT_CHARS = 600
EXPLANATION_MAX = DatedModel._meta.get_field("date_explanation").max_length


def date_apply_editor_change(*, obj: DatedModel, changed: Iterable[str]) -> None:
    """An editor who edits a date owns it from then on: mark it manual so no automatic run overwrites it.

    If the editor set the status explicitly (say back to unresolved, to let the engine try again),
    that choice stands. New words without a value are not a correction but an expression for the
    engine: the old reading is cleared and the date goes back to unresolved, so that the words and
    the value never disagree.
    """
    changed = set(changed)
    if "date_text" in changed and not changed & VALUE_FIELDS:
        Reading().apply(obj)
        return
    if changed & EDITOR_FIELDS and "date_status" not in changed:
        obj.date_status = DateStatus.MANUAL


def date_resolve_after_edit(*, row: DatedModel) -> None:
    """After an editor's write (API or admin): read a new or reworded expression at once, as
    resolve_dates would, and derive the event's date again."""
    if isinstance(row, Event):
        event_date_derive(event=row)
    elif row.date_status == DateStatus.UNRESOLVED:
        date_resolve_written(row=row)
    elif row.event_id is not None:
        event_date_derive(event=row.event)


def reference_for(source: Source) -> temporal.Reference:
    return temporal.build_reference(source.published_date, time=source.published_time, timezone=source.timezone)


@dataclass(frozen=True)
class Reading:
    """One resolved date, as the result fields of a row."""

    value: str = ""
    type: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str = ""
    status: str = DateStatus.UNRESOLVED
    anchor: dt.date | None = None
    rule: str = ""
    explanation: str = ""
    # Only for events: the winning citation's wording, since an event has no text of its own.
    text: str | None = None

    @classmethod
    def of(cls, row: DatedModel) -> Reading:
        return cls(*(getattr(row, name) for name in RESULT_FIELDS))  # text stays None: citations keep theirs

    def apply(self, row: DatedModel) -> bool:
        """Write this reading onto the row; say whether anything changed."""
        values = [getattr(self, name.removeprefix("date_")) for name in RESULT_FIELDS]
        values[-1] = values[-1][:EXPLANATION_MAX]
        changed = False
        if self.text is not None:
            values.append(self.text)
        for name, value in zip((*RESULT_FIELDS, "date_text"), values, strict=False):
            if getattr(row, name) != value:
                setattr(row, name, value)
                changed = True
        return changed

    def contains(self, other: Reading) -> bool:
        return (
            self.start is not None and other.start is not None and self.start <= other.start and other.end <= self.end
        )

    def agrees_with(self, other: Reading) -> bool:
        if self.start is None or other.start is None:
            return self.value == other.value
        return intervals_agree(self.start, self.end, other.start, other.end)

    @property
    def width(self) -> int:
        # Narrower intervals are more precise; a time of day beats its whole day.
        if self.start is None:
            return 10**9
        return (self.end - self.start).days * 2 + (0 if self.precision == "time" else 1)


def read_expression(expression: str, source: Source, context: str | None) -> Reading:
    """Resolve one written date expression against its source's publication context."""
    reference = reference_for(source)
    timex = temporal.resolve_expression(expression, reference, context=context)
    if timex is None:
        return Reading(
            status=DateStatus.UNRESOLVABLE,
            anchor=source.published_date,
            explanation=f"The date engine found no date in {expression!r}.",
        )
    return Reading(
        value=timex.value,
        type=str(timex.type),
        start=timex.start_date,
        end=timex.end_date,
        precision=str(timex.precision) if timex.precision else "",
        status=DateStatus.RESOLVED,
        anchor=timex.anchor or source.published_date,
        rule=timex.rule[:64],
        explanation=timex.explanation or f"{expression!r} read as {timex.value} against {source.published_date}.",
    )


def publication_day(source: Source) -> Reading:
    day = source.published_date
    return Reading(
        value=day.isoformat(),
        type="DATE",
        start=day,
        end=day,
        precision="day",
        status=DateStatus.INFERRED,
        anchor=day,
        rule="publication_day",
        explanation=f"No date given in the text; taken as the day {source.publisher} published it ({day}).",
    )


def statement_context(statement: Statement, text: str) -> str:
    """The paragraph of the source `text` around a statement, where its 'said on Monday' usually stands."""
    start = text.rfind("\n", 0, statement.char_start) + 1
    end = text.find("\n", statement.char_end)
    end = len(text) if end == -1 else end
    start = max(start, statement.char_start - STATEMENT_CONTEXT_CHARS)
    end = min(end, statement.char_end + STATEMENT_CONTEXT_CHARS)
    return text[start:end]


def reported_by(citations: list[Citation]) -> Reading:
    """An event no source dates still happened on or before the day it was first reported.

    It is placed on that day, inferred, so that it appears on the timeline and in the exports in
    its place among the dated events; its rule and explanation say that the day is an upper bound,
    not a reading.
    """
    first = min(citations, key=lambda c: (c.source.published_date, c.source.publisher))
    day = first.source.published_date
    return Reading(
        value=day.isoformat(),
        type="DATE",
        start=day,
        end=day,
        precision="day",
        status=DateStatus.INFERRED,
        anchor=day,
        rule="on_or_before_first_report",
        explanation=(
            f"No source dates it: it happened on or before {day}, when {first.source.publisher} "
            f"first reported it ({len(citations)} citation{'s' if len(citations) != 1 else ''}, none dated)."
        ),
        text="",
    )


def citation_reading(citation: Citation) -> Reading:
    """A citation's date: its expression read against its source, in the context of its sentence."""
    if citation.date_text.strip():
        return read_expression(citation.date_text, citation.source, citation.sentence)
    return Reading(
        status=DateStatus.UNRESOLVABLE,
        anchor=citation.source.published_date,
        explanation="This citation gives no date expression.",
    )


def statement_reading(statement: Statement, text: str) -> Reading:
    """A statement's date: its expression read in its paragraph of the source `text`, or, with none,
    the day the source published it."""
    if statement.date_text.strip():
        return read_expression(statement.date_text, statement.source, statement_context(statement, text))
    return publication_day(statement.source)


def event_reading(event: Event, citations: list[Citation]) -> Reading:
    """Derive an event's date from its citations' readings."""
    dated = [c for c in citations if c.date_status in (DateStatus.RESOLVED, DateStatus.MANUAL) and c.date_value]
    if not dated:
        if any(c.date_status == DateStatus.UNRESOLVED for c in citations):
            return Reading(text="")
        if citations:
            return reported_by(citations)
        return Reading(
            status=DateStatus.UNRESOLVABLE,
            explanation="None of the citations gives a date the engine could read.",
            text="",
        )
    readings = [Reading.of(c) for c in dated]
    # A reading is supported by every reading that contains it: "September" and "Tuesday" both
    # support "Tuesday night", but a coarse reading that contains two disagreeing days must not
    # hide the disagreement by winning on its own.
    support = [
        sum(other.contains(r) if r.start is not None else other.value == r.value for other in readings)
        for r in readings
    ]
    # Most support first, then the most precise reading, then the earliest.
    best_index = min(
        range(len(readings)),
        key=lambda i: (-support[i], readings[i].width, readings[i].start or dt.date.max, readings[i].value),
    )
    best, best_citation = readings[best_index], dated[best_index]
    agreeing = [c for c, r in zip(dated, readings, strict=True) if r.agrees_with(best)]
    dissenting = [c for c, r in zip(dated, readings, strict=True) if not r.agrees_with(best)]
    names = sorted({c.source.publisher for c in agreeing})
    if dissenting:
        dissent = "; ".join(
            f"{c.source.publisher} says {c.date_value} ({c.date_text!r})"
            for c in sorted(dissenting, key=lambda c: c.date_value)
        )
        status = DateStatus.AMBIGUOUS
        explanation = (
            f"Sources disagree. {len(agreeing)} of {len(dated)} readings support {best.value} "
            f"({', '.join(names)}); {dissent}."
        )
    else:
        status = DateStatus.RESOLVED
        count = f"all {len(dated)} citations agree" if len(dated) > 1 else "from its one dated citation"
        explanation = f"{best.value}, {count} ({', '.join(names)}): {best_citation.date_text!r}."
    return Reading(
        value=best.value,
        type=best.type,
        start=best.start,
        end=best.end,
        precision=best.precision,
        status=status,
        anchor=best.anchor,
        rule="event_from_citations",
        explanation=explanation,
        text=best_citation.date_text,
    )


@dataclass
class ModelTally:
    seen: int = 0
    changed: int = 0
    statuses: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        by_status = ", ".join(f"{n} {status}" for status, n in sorted(self.statuses.items())) or "none"
        return f"{self.seen} looked at, {self.changed} changed ({by_status})"


@dataclass
class ResolveReport:
    citations: ModelTally = field(default_factory=ModelTally)
    statements: ModelTally = field(default_factory=ModelTally)
    events: ModelTally = field(default_factory=ModelTally)

    @property
    def changed(self) -> int:
        return self.citations.changed + self.statements.changed + self.events.changed


def _batches(queryset: models.QuerySet, batch_size: int) -> Iterator[list]:
    """Walk a queryset by primary key in fixed-size batches: one query per batch, whatever the row count."""
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


def _write(model: type[models.Model], rows: list, fields: Iterable[str]) -> None:
    """What bulk_update does, as one parametrised UPDATE run for every row (executemany, one query).

    bulk_update builds a CASE WHEN per row and field as Django expressions: on batches of 500 rows
    and ten fields, that took nine tenths of a resolve_dates run.
    """
    if not rows:
        return
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in columns)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"
    params = [
        [field.get_db_prep_save(getattr(row, field.attname), connection) for field in columns] + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _row_fields(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


# Sources are loaded once per batch without their text, except for statements, which need it.
SOURCE_CONTEXT_FIELDS = ("source__published_date", "source__published_time", "source__timezone", "source__publisher")
# What deriving an event's date reads of each citation.
EVENT_CITATION_FIELDS = (
    *DatedModel.DATE_FIELDS,
    "event_id",
    "source_id",
    "source__publisher",
    "source__published_date",
)


@dataclass(frozen=True)
class _Scope:
    """Which rows a run reads: all, one source's or one story's; with `force`, resolved ones again."""

    source_id: int | None = None
    story: Story | None = None
    force: bool = False


def _written_rows(model: type[Citation] | type[Statement], scope: _Scope) -> models.QuerySet:
    # Whole rows (their history records every field), with their source's context but not its text.
    rows = model.objects.automatic().select_related("source").only(*_row_fields(model), *SOURCE_CONTEXT_FIELDS)
    if scope.source_id is not None:
        rows = rows.filter(source_id=scope.source_id)
    if scope.story is not None:
        rows = rows.filter(source__in=Source.objects.in_stories([scope.story]))
    if not scope.force:
        rows = rows.filter(date_status=DateStatus.UNRESOLVED)
    return rows


def _event_rows(scope: _Scope) -> models.QuerySet:
    citations = Citation.objects.select_related("source").only(*EVENT_CITATION_FIELDS)
    events = Event.objects.automatic().prefetch_related(models.Prefetch("citations", queryset=citations))
    if scope.source_id is not None:
        events = events.filter(citations__source_id=scope.source_id).distinct()
    if scope.story is not None:
        events = events.in_stories([scope.story])
    return events


def _citation_readings(batch: list[Citation]) -> Iterator[tuple[Citation, Reading]]:
    for citation in batch:
        yield citation, citation_reading(citation)


def _statement_readings(batch: list[Statement]) -> Iterator[tuple[Statement, Reading]]:
    # Each source's text once per batch, not once per statement, and only where a date is written.
    wanted = {s.source_id for s in batch if s.date_text.strip()}
    texts = dict(Source.objects.filter(pk__in=wanted).values_list("pk", "text"))
    for statement in batch:
        yield statement, statement_reading(statement, texts.get(statement.source_id, ""))


def _event_readings(batch: list[Event]) -> Iterator[tuple[Event, Reading]]:
    for event in batch:
        yield event, event_reading(event, list(event.citations.all()))


@dataclass(frozen=True)
class _Pass:
    """One kind of row a run resolves: where its rows come from, how a batch is read, what is written."""

    name: str  # the ResolveReport field, and the word in progress messages
    verb: str
    rows: Callable[[_Scope], models.QuerySet]
    readings: Callable[[list], Iterator[tuple[DatedModel, Reading]]]
    fields: tuple[str, ...]


# In order: events are derived from the citation readings the same run wrote.
PASSES = (
    _Pass("citations", "read", lambda scope: _written_rows(Citation, scope), _citation_readings, RESULT_FIELDS),
    _Pass("statements", "read", lambda scope: _written_rows(Statement, scope), _statement_readings, RESULT_FIELDS),
    # An event has no text of its own: it takes its winning citation's wording too.
    _Pass("events", "derived", _event_rows, _event_readings, DatedModel.DATE_FIELDS),
)


def _run_pass(step: _Pass, scope: _Scope, tally: ModelTally, batch_size: int, say: Callable[[str], None]) -> None:
    for batch in _batches(step.rows(scope), batch_size):
        changed = []
        for row, reading in step.readings(batch):
            _tally(tally, row, reading, changed)
        if changed:
            _save_automatic(changed, step.fields)
        if tally.seen >= batch_size:  # only long runs report progress
            say(f"{step.name}: {tally.seen} {step.verb}")


def dates_resolve(
    *,
    source_id: int | None = None,
    story: Story | None = None,
    force: bool = False,
    dry_run: bool = False,
    batch_size: int = 500,
    progress: Callable[[str], None] | None = None,
) -> ResolveReport:
    """Fill the date fields of citations, statements and events. Idempotent; manual rows are never touched.

    `source_id` or `story` limit the run to one source's, or one story's, citations, statements and
    events. Without `force` only unresolved citations and statements are read; with it every automatic row
    is read again (useful after the engine improves). Events are always derived again from their
    citations, and only rows whose result differs are written.
    """
    report = ResolveReport()
    scope = _Scope(source_id=source_id, story=story, force=force)
    with transaction.atomic():
        for step in PASSES:
            _run_pass(step, scope, getattr(report, step.name), batch_size, progress or (lambda message: None))
        if dry_run:
            # Written and rolled back, so that events are derived from this run's citation readings.
            transaction.set_rollback(True)
    return report


def date_resolve_written(*, row: Citation | Statement) -> bool:
    """Resolve one citation or statement just written (through the API or the admin) as resolve_dates
    would, so that a user sees its date at once; then derive its event's date again. A manual date is
    left alone. Returns whether anything was written. Saved as an automatic change, not the user's."""
    changed = False
    if row.date_status != DateStatus.MANUAL:
        reading = citation_reading(row) if isinstance(row, Citation) else statement_reading(row, row.source.text)
        if reading.apply(row):
            _save_automatic([row], RESULT_FIELDS)
            changed = True
    if row.event_id is not None:
        changed = event_date_derive(event=row.event) or changed
    return changed


def event_date_derive(*, event: Event) -> bool:
    """Derive one event's date from its citations again (unless an editor set it). Two queries."""
    if event.date_status == DateStatus.MANUAL:
        return False
    citations = list(Citation.objects.filter(event=event).select_related("source").only(*EVENT_CITATION_FIELDS))
    if event_reading(event, citations).apply(event):
        _save_automatic([event], DatedModel.DATE_FIELDS)
        return True
    return False


# The change reason on history rows written by the engine; their user is empty: the system.
AUTOMATIC_REASON = "automatic date resolution"


def _save_automatic(rows: list, fields) -> None:
    """Write the engine's readings with their history rows, as the system, not as whoever's request
    (or command) triggered them: one UPDATE run for every row, and one insert of their history rows."""
    model = type(rows[0])
    _write(model, rows, fields)
    for row in rows:
        row._history_user = None
    model.history.bulk_history_create(rows, update=True, default_change_reason=AUTOMATIC_REASON)
    for row in rows:
        del row._history_user


def _tally(tally: ModelTally, row: DatedModel, reading: Reading, changed: list) -> None:
    tally.seen += 1
    tally.statuses[str(reading.status)] += 1
    if reading.apply(row):
        tally.changed += 1
        changed.append(row)
