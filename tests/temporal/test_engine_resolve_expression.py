"""resolve_expression: one recorded expression, with or without the sentence it comes from."""

import datetime as dt

import pytest

from timeline.temporal import DocType, Precision, Reference, TimexType, resolve_expression

REF = Reference(dt.date(2022, 9, 28))


def test_an_expression_alone_is_annotated_alone():
    t = resolve_expression("Tuesday night", REF)
    assert (t.value, t.type, t.start, t.end, t.text) == ("2022-09-27TNI", TimexType.TIME, 0, 13, "Tuesday night")


def test_a_preposition_around_the_expression_is_no_obstacle():
    assert resolve_expression("on Wednesday", REF).value == "2022-09-28"


def test_the_sentence_gives_the_tense():
    context = "The foreign ministers will meet on Tuesday in Brussels."
    t = resolve_expression("on Tuesday", REF, context=context)
    assert t.value == "2022-10-04"
    assert context[t.start : t.end] == "Tuesday"
    assert resolve_expression("on Tuesday", REF).value == "2022-09-27"


def test_a_context_without_the_expression_falls_back_to_the_expression():
    assert (
        resolve_expression("last December", Reference(dt.date(2023, 2, 13)), context="Nothing to see.").value
        == "2022-12"
    )


def test_the_longest_overlapping_timex_is_returned():
    t = resolve_expression("Tuesday", REF, context="In a statement on Tuesday night, the embassy spoke.")
    assert t.value == "2022-09-27TNI"


def test_vague_editor_words_resolve_to_references():
    assert resolve_expression("earlier", REF).value == "PAST_REF"
    assert resolve_expression("recent", REF).value == "PAST_REF"


def test_a_narrative_reference_is_accepted():
    ref = Reference(dt.date(1941, 6, 22), doc_type=DocType.NARRATIVE)
    assert resolve_expression("two days later", ref).value == "1941-06-24"


@pytest.mark.parametrize("odd", ["", "   ", "???", "\x00\x01", "no date", "9" * 500, "May", "31 February", None, 42])
def test_odd_input_gives_none_and_never_raises(odd):
    assert resolve_expression(odd, REF) is None


def test_an_impossible_date_gives_none():
    assert resolve_expression("February 30, 2022", REF) is None


def test_a_lone_date_in_an_unusual_format_is_read_by_dateparser():
    t = resolve_expression("28-Sep-2022", REF)
    assert (t.value, t.rule, t.precision) == ("2022-09-28", "absolute_date", Precision.DAY)


def test_an_editors_duration_from_now_resolves_to_the_date_it_reaches():
    t = resolve_expression("three months from now", Reference(dt.date(2023, 11, 20)))
    assert (t.value, t.start_date, t.end_date) == ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29))


def test_an_editors_duration_from_a_named_day_counts_from_that_day():
    t = resolve_expression("ten days from Monday", Reference(dt.date(2023, 11, 22)))
    assert t.value == "2023-11-30"
