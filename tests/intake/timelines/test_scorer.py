"""The temporal awareness measure and the simpler scores, on timelines small enough to score by hand."""

import pytest

from intake.timelines.scorer import BEFORE, SIMULTANEOUS, awareness, score, timeline_graph
from intake.timelines.timelines import Line, Timeline, read_timeline, write_timeline
from tests.intake.timelines.helpers import TRIAL

GOLD = Timeline(
    "Acme",
    [
        Line(0, "XXXX-XX-XX", ("1-2-said",)),
        Line(1, "2006-01-10", ("1-3-launched",)),
        Line(2, "2006-02", ("1-4-sold", "2-3-sold")),
    ],
)
SYSTEM = Timeline(
    "Acme",
    [
        Line(1, "2006-01-10", ("1-3-launched",)),
        Line(2, "2006-01-10", ("1-2-said",)),
        Line(3, "2006-02-XX", ("1-4-sold",)),
    ],
)


def test_a_hand_made_pair_scores_as_worked_out_by_hand():
    # Gold reduced: sold SIM sold, launched BEFORE sold, launched in 2006-01-10, sold in 2006-02 (4).
    # System reduced: launched BEFORE said, said BEFORE sold, and three anchors (5). Of the system's,
    # gold's closure holds the two anchors launched/2006-01-10 and sold/2006-02 (the gold's "said" is
    # unplaced and undated): P = 2/5. Of the gold's, the system's closure holds launched BEFORE sold
    # (through said) and both anchors, not the second sold: R = 3/4.
    scores = score([(SYSTEM, GOLD)])

    assert scores.awareness.line("awareness") == "awareness P=40.00 R=75.00 F1=52.17"
    assert scores.mentions.line("mentions") == "mentions P=100.00 R=75.00 F1=85.71"
    assert scores.sentences.line("sentences") == "sentences P=100.00 R=75.00 F1=85.71"
    # "said" is found but dated where the gold leaves it undated.
    assert (scores.dated_found, scores.found) == (2, 3)


def test_the_reduced_graph_keeps_consecutive_positions_only_and_a_chain_per_line():
    chain = Timeline("x", [Line(1, "2001", ("a",)), Line(2, "2002", ("b", "c")), Line(3, "2003", ("d",))])

    reduced = timeline_graph(chain).reduced()

    assert sorted(r for r in reduced if r[1] == BEFORE) == [("a", BEFORE, "b"), ("b", BEFORE, "d")]
    assert [r for r in reduced if r[1] == SIMULTANEOUS] == [("b", SIMULTANEOUS, "c")]


def test_a_relation_the_gold_implies_through_its_closure_counts_as_precise():
    gold = Timeline("x", [Line(1, "X", ("a",)), Line(2, "X", ("b",)), Line(3, "X", ("c",))])
    system = Timeline("x", [Line(1, "X", ("a",)), Line(2, "X", ("c",))])

    counts = awareness(system, gold)

    assert (counts.p_hit, counts.p_all) == (1, 1)
    assert (counts.r_hit, counts.r_all) == (0, 2)


def test_the_scores_are_summed_over_timelines_before_dividing():
    small = Timeline("s", [Line(1, "2001", ("a",))])
    big = Timeline("b", [Line(1, "2001", ("x",)), Line(2, "2002", ("y",)), Line(3, "2003", ("z",))])
    empty = Timeline("s", [])

    scores = score([(small, small), (empty, big)])

    # 1 of 1 found, 1 of 1 + 5 wanted: micro-averaged, not the mean of 100 and 0.
    assert scores.awareness.line("awareness") == "awareness P=100.00 R=16.67 F1=28.57"


def test_a_timeline_written_and_read_back_is_the_same(tmp_path):
    write_timeline(tmp_path / "acme.txt", GOLD)

    assert read_timeline(tmp_path / "acme.txt") == GOLD
    assert (tmp_path / "acme.txt").read_text().splitlines()[3] == "2\t2006-02\t1-4-sold\t2-3-sold"


@pytest.mark.skipif(not TRIAL.is_dir(), reason="the SemEval-2015 trial corpus is not in ../shared/data")
def test_the_trial_gold_scored_against_itself_is_100():
    gold = [read_timeline(p) for p in sorted((TRIAL / "TimeLines_Gold_Standard").glob("*.txt"))]

    lines = score((g, g) for g in gold).lines()

    assert lines[-1] == "awareness P=100.00 R=100.00 F1=100.00"
    assert "mentions P=100.00 R=100.00 F1=100.00" in lines
