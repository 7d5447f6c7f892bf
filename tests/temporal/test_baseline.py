"""evaluate_dates against the recorded baseline: what a change did to each corpus, before -> after."""

import io
import json

import pytest
from django.core.management import call_command

import timeline.temporal
from tests.temporal.test_commands import fake_annotate, write_tml
from timeline.temporal import baseline


@pytest.fixture(autouse=True)
def engine(monkeypatch):
    monkeypatch.setattr(timeline.temporal, "annotate", fake_annotate, raising=False)


def corpus(tmp_path):
    folder = tmp_path / "news-corpus"
    write_tml(
        folder / "a.tml",
        'On <TIMEX3 tid="t1" type="DATE" value="2024-03-05">5 March 2024</TIMEX3> and '
        '<TIMEX3 tid="t2" type="DATE" value="2011-11-22">Tuesday</TIMEX3>.',
    )
    return folder


def evaluate(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("evaluate_dates", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_corpus_without_a_baseline_is_said_to_have_none(tmp_path):
    report, _ = evaluate(corpus(tmp_path), "--baseline", tmp_path / "baseline.json")

    assert "No baseline recorded for news-corpus" in report
    assert not (tmp_path / "baseline.json").exists()


def test_save_baseline_records_the_figures_under_the_folders_name(tmp_path):
    path = tmp_path / "baseline.json"

    evaluate(corpus(tmp_path), "--narrative", "--baseline", path, "--save-baseline")

    recorded = json.loads(path.read_text())
    # "Tuesday" resolves to the DCT with the fake engine: one value right of two
    assert recorded["news-corpus (narrative)"]["value F1"] == 50.0
    assert recorded["news-corpus (narrative)"]["gold"] == 2


def test_each_figure_is_printed_before_and_after_with_a_warning_for_a_drop(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"news-corpus": {"value F1": 75.0, "strict F1": 100.0, "system": 2}}))

    report, warnings = evaluate(corpus(tmp_path), "--baseline", path)

    flat = " ".join(report.split())
    assert "Against the recorded baseline for news-corpus (before -> after):" in flat
    assert "value F1 75.000 -> 50.000 (-25.000)" in flat
    assert "strict F1 100.000 -> 100.000 (unchanged)" in flat
    assert "relaxed P (not recorded) -> 100.000" in flat
    assert "Down against the baseline: value F1." in warnings


def test_a_limited_run_is_not_compared_with_the_whole_corpus(tmp_path):
    report, _ = evaluate(corpus(tmp_path), "--limit", 1, "--baseline", tmp_path / "baseline.json")

    assert "baseline" not in report


def test_the_committed_baseline_records_every_shared_corpus():
    assert {"te3-train", "tcr", "tweets-syntime", "wikiwars-tml (narrative)"} <= set(baseline.load())
