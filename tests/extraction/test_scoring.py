"""The scoring functions, on hand-made spans whose scores are worked out by hand."""

import json

import pytest

from timeline.extraction.scoring import (
    Score,
    Span,
    gold_from_fixture,
    normalise_name,
    score_citations,
    score_grouping,
    score_statements,
)


def test_names_are_compared_without_case_the_punctuation_or_dots_in_us():
    assert normalise_name("the U.S. Embassy in Moscow") == normalise_name("US embassy in Moscow")
    assert normalise_name("THE Kremlin") == "kremlin"
    assert normalise_name("the country’s border guard") == normalise_name("the country's border guard")
    assert normalise_name("Antony Blinken") != normalise_name("Blinken")


def test_a_statement_matches_on_an_overlapping_span_and_a_speaker_named_by_an_alias():
    aliases = {"Ada Quill": ["Ms Quill", "the minister"], "Harbour Board": []}
    gold = [
        Span("a", 10, 50, speaker="Ada Quill"),
        Span("a", 60, 90, speaker="Harbour Board"),
        Span("b", 0, 20, "Ada Quill"),
    ]
    proposed = [
        Span("a", 40, 55, speaker="the Minister"),  # overlaps the first, alias: a match
        Span("a", 60, 90, speaker="Ada Quill"),  # right span, wrong speaker
        Span("b", 20, 40, speaker="Ada Quill"),  # touches but does not overlap
    ]

    score = score_statements(proposed, gold, aliases)

    assert (score.precision, score.recall) == pytest.approx((1 / 3, 1 / 3))


def test_one_long_proposal_cannot_claim_two_gold_statements():
    gold = [Span("a", 0, 10, speaker="X"), Span("a", 12, 30, speaker="X")]

    score = score_statements([Span("a", 0, 30, speaker="X")], gold, {"X": []})

    assert (score.precision, score.recall) == pytest.approx((1.0, 0.5))


def test_a_sentence_cited_on_two_events_is_one_citation_to_find():
    gold = [Span("a", 0, 40, group="e1"), Span("a", 0, 40, group="e2"), Span("a", 50, 80, group="e3")]
    proposed = [Span("a", 0, 40, group="p1"), Span("b", 0, 40, group="p1"), Span("a", 90, 99, group="p2")]

    score = score_citations(proposed, gold)

    assert (score.precision, score.recall) == pytest.approx((1 / 3, 1 / 2))


def test_grouping_counts_pairs_across_documents_among_matched_citations():
    gold = [
        Span("a", 0, 10, group="alert"),
        Span("b", 0, 10, group="alert"),
        Span("c", 0, 10, group="alert"),
        Span("c", 20, 30, group="protest"),
        Span("a", 20, 30, group="protest"),
    ]
    proposed = [
        Span("a", 0, 10, group="p1"),
        Span("b", 0, 10, group="p1"),  # a-b together: right
        Span("c", 0, 10, group="p2"),  # c apart from a and b: two pairs missed
        Span("c", 20, 30, group="p1"),  # c-protest with a and b: two wrong pairs
        Span("a", 20, 30, group="p3"),  # a-protest apart from c-protest: one pair missed
    ]

    score = score_grouping(proposed, gold)

    # proposed pairs: (a0,b0) right, (a0,c20) wrong, (b0,c20) wrong -> P = 1/3
    # gold pairs: (a0,b0), (a0,c0), (b0,c0), (c20,a20) -> R = 1/4
    assert (score.precision, score.recall) == pytest.approx((1 / 3, 1 / 4))


def test_a_score_prints_as_one_line_and_is_zero_without_proposals():
    assert Score.from_counts(2, 4, 5).line("citations") == "citations P=0.50 R=0.40 F1=0.44"
    assert Score.from_counts(0, 0, 5) == Score(0.0, 0.0, 0.0)


def test_the_gold_is_read_from_a_fixture(tmp_path):
    path = tmp_path / "timeline.json"
    path.write_text(
        json.dumps(
            [
                {"model": "timeline.actor", "fields": {"name": "Ada Quill", "aliases": ["Ms Quill"]}},
                {"model": "timeline.event", "fields": {"slug": "e1", "title": "t"}},
                {
                    "model": "timeline.statement",
                    "fields": {"speaker": ["Ada Quill"], "source": ["doc"], "char_start": 1, "char_end": 9},
                },
                {
                    "model": "timeline.citation",
                    "fields": {"event": ["e1"], "source": ["doc"], "char_start": 3, "char_end": 7},
                },
            ]
        )
    )

    statements, citations, aliases = gold_from_fixture(path)

    assert statements == [Span("doc", 1, 9, speaker="Ada Quill")]
    assert citations == [Span("doc", 3, 7, group="e1")]
    assert aliases == {"Ada Quill": ["Ms Quill"]}
