"""The development set's labels and its matching rule (the corpus itself is never stored here)."""

import datetime as dt

import pytest

from timeline.extraction import development
from timeline.extraction.scoring import Span
from timeline.extraction.types import ProposedCitation
from timeline.temporal import annotate, build_reference

needs_corpus = pytest.mark.skipif(not development.DEFAULT_DATA.is_dir(), reason="../shared/data/te3-train is absent")


def test_a_speaker_matches_when_one_name_contains_the_other():
    gold = Span("d", 0, 10, speaker="Lenard Leeds|Leeds")
    assert development.same_speaker(Span("d", 0, 5, speaker="Leeds"), gold)
    assert development.same_speaker(Span("d", 0, 5, speaker="attorney Lenard Leeds"), gold)
    assert not development.same_speaker(Span("d", 0, 5, speaker="Leed's office"), Span("d", 0, 1, speaker="Smith"))


def test_a_date_is_right_when_the_intervals_meet_and_an_undated_label_takes_an_undated_proposal():
    text = "The talks ended on Tuesday."
    (tuesday,) = annotate(text, build_reference(dt.date(2024, 3, 6)))
    dated = ProposedCitation(0, len(text), text, tuesday, "Talks end")
    undated = ProposedCitation(0, len(text), text, None, "Talks end")

    assert development.dated_right(dated, "2024-03") and not development.dated_right(dated, "2024-02")
    assert development.dated_right(undated, "<=2024-03-06") and not development.dated_right(undated, "2024-03-05")


def test_the_set_is_skipped_in_one_line_when_the_corpus_is_absent(tmp_path, capsys):
    assert development.main(["--data", str(tmp_path / "nowhere")]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("development set skipped: no corpus folder at")


@needs_corpus
def test_every_label_is_anchored_in_its_article_and_there_are_at_least_twenty_articles():
    documents = development.load()
    assert len(documents) >= 20
    for doc in documents:
        assert all(doc.text[s.char_start : s.char_end] for s in doc.statements)
        assert all(doc.text[e.char_start : e.char_end] for e, _ in doc.events)
