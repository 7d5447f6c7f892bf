"""Dates in words, the disagreement sentence, the chart's bins and the marked text: plain functions."""

import datetime as dt
import re
from types import SimpleNamespace

import pytest

from timeline.readings import DateReading
from web.presentation import Span, chart_of, date_label, disagreement_sentence, marked_text, sentence_with_date

D = dt.date


@pytest.mark.parametrize(
    ("value", "start", "end", "precision", "label"),
    [
        ("2022-09-27TNI", D(2022, 9, 27), D(2022, 9, 27), "time", "Tuesday night, 27 Sep 2022"),
        ("2022-09-26TMO", D(2022, 9, 26), D(2022, 9, 26), "time", "Monday morning, 26 Sep 2022"),
        ("2022-09-27T14:30", D(2022, 9, 27), D(2022, 9, 27), "time", "Tuesday, 27 Sep 2022, 14:30"),
        ("2022-09-27", D(2022, 9, 27), D(2022, 9, 27), "day", "Tuesday, 27 Sep 2022"),
        ("2022-09-27", D(2022, 9, 27), D(2022, 9, 28), "day", "27–28 Sep 2022"),
        ("2022-W38", D(2022, 9, 19), D(2022, 9, 25), "week", "week of 19 Sep 2022"),
        ("2022-W38-WE", D(2022, 9, 24), D(2022, 9, 25), "weekend", "weekend of 24 Sep 2022"),
        ("2022-09", D(2022, 9, 1), D(2022, 9, 30), "month", "September 2022"),
        ("2022-Q3", D(2022, 7, 1), D(2022, 9, 30), "quarter", "Q3 2022"),
        ("2022-WI", D(2022, 12, 1), D(2023, 2, 28), "season", "Winter 2022"),
        ("2022", D(2022, 1, 1), D(2022, 12, 31), "year", "2022"),
        ("199", D(1990, 1, 1), D(1999, 12, 31), "decade", "the 1990s"),
        ("P1W", None, None, "", ""),
    ],
)
def test_a_label_is_as_precise_as_its_date(value, start, end, precision, label):
    assert date_label(value, start, end, precision) == label


def source(publisher):
    return SimpleNamespace(publisher=publisher)


def reading(value, start, end, precision, texts, publishers):
    return DateReading(value, start, end, precision, texts=texts, sources=[source(p) for p in publishers])


def test_the_disagreement_counts_the_agreeing_sources_and_names_the_dissent():
    event = SimpleNamespace(
        date_value="2022-09-27TNI", date_start=D(2022, 9, 27), date_end=D(2022, 9, 27), date_precision="time"
    )
    readings = [
        reading("2022-09-27", D(2022, 9, 27), D(2022, 9, 27), "day", ["Tuesday"], ["Daily A"]),
        reading("2022-09-27TNI", D(2022, 9, 27), D(2022, 9, 27), "time", ["Tuesday night"], ["Paper B"]),
        reading("2022-09", D(2022, 9, 1), D(2022, 9, 30), "month", ["September"], ["Wire C", "Site D"]),
        reading("2022-09-28", D(2022, 9, 28), D(2022, 9, 28), "day", ["Wednesday"], ["Post E"]),
    ]

    assert disagreement_sentence(event, readings) == (
        "4 sources agree on Tuesday night, 27 Sep 2022; Post E says Wednesday, 28 Sep 2022 (“Wednesday”)."
    )


def test_readings_that_lie_within_each_other_are_no_disagreement():
    event = SimpleNamespace(date_value="2022-09-27", date_start=D(2022, 9, 27), date_end=D(2022, 9, 27))
    readings = [
        reading("2022-09-27", D(2022, 9, 27), D(2022, 9, 27), "day", ["Tuesday"], ["A"]),
        reading("2022-09", D(2022, 9, 1), D(2022, 9, 30), "month", ["September"], ["B"]),
    ]
    assert disagreement_sentence(event, readings) == ""


def test_an_undated_event_whose_sources_disagree_lists_every_reading():
    event = SimpleNamespace(date_value="", date_start=None, date_end=None)
    readings = [
        reading("2022-09-27", D(2022, 9, 27), D(2022, 9, 27), "day", ["Tuesday"], ["A"]),
        reading("2022-09-28", D(2022, 9, 28), D(2022, 9, 28), "day", ["Wednesday"], ["B", "C"]),
    ]
    assert disagreement_sentence(event, readings) == (
        "Sources disagree: A says Tuesday, 27 Sep 2022 (“Tuesday”); B and C say Wednesday, 28 Sep 2022 (“Wednesday”)."
    )


def test_the_chart_keeps_empty_months_so_its_axis_is_time():
    chart = chart_of([(D(2022, 9, 1), 3), (D(2022, 12, 1), 1), (D(2022, 9, 1), 2)])
    assert [(bar.label, bar.count) for bar in chart.bars] == [
        ("Sep 2022", 5),
        ("Oct 2022", 0),
        ("Nov 2022", 0),
        ("Dec 2022", 1),
    ]
    assert chart.bars[-1].end == D(2022, 12, 31)
    assert chart.bars[0].height == chart.plot_height and chart.total == 6


def test_a_long_span_is_charted_by_year():
    chart = chart_of([(D(1990, 3, 1), 1), (D(2022, 9, 1), 2)])
    assert chart.unit == "year"
    assert len(chart.bars) == 33 and chart.bars[-1].count == 2


def test_marked_text_escapes_every_piece_and_nests_overlapping_marks():
    text = 'He said <b>"leave on Tuesday"</b> & left.'
    quote_start = text.index('"')
    day = text.index("Tuesday")
    html = marked_text(
        text,
        [
            Span(0, len(text), "citation", anchor="citation-1", title="Cited for: <x>", href="/?a=1&b=2#event-1"),
            Span(quote_start, text.index("</b>"), "statement", anchor="statement-2"),
            Span(day, day + len("Tuesday"), "date", title="2022-09-27"),
        ],
    )

    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp; left" in html
    assert html.count('id="citation-1"') == 1  # the anchor is on the first piece only
    assert '<mark class="mark-date" title="2022-09-27">Tuesday</mark>' in html
    assert 'title="Cited for: &lt;x&gt;"' in html
    assert 'href="/?a=1&amp;b=2#event-1"' in html
    # Marks nest: every piece opens and closes its own marks in order.
    assert html.count("<mark") == html.count("</mark>")
    nested = r'<mark class="mark-citation"[^>]*><mark class="mark-statement"[^>]*><mark class="mark-date"'
    assert re.search(nested, html)


def test_a_citations_sentence_marks_its_date_expression():
    html = sentence_with_date("Police said <Tuesday> night.", "Tuesday")
    assert html == 'Police said &lt;<mark class="mark-date">Tuesday</mark>&gt; night.'
    assert sentence_with_date("No date here.", "Friday") == "No date here."
