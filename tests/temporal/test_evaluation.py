"""The TempEval-3 scorer, on hand-made documents whose scores are worked out by hand."""

import datetime as dt
from pathlib import Path

import pytest

import timeline.temporal
from timeline.temporal.evaluation import Scores, evaluate_documents, format_scores, main, match_spans
from timeline.temporal.timeml import GoldTimex, TimeMLDocument, iter_timeml
from timeline.temporal.types import Reference, Timex, TimexType

TEXT_A = "On Monday and on 5 March 2024, for two weeks, every day."


def gold(text: str, fragment: str, type_: str, value: str) -> GoldTimex:
    start = text.index(fragment)
    return GoldTimex(start, start + len(fragment), fragment, type_, value)


def system(text: str, fragment: str, type_: TimexType, value: str, rule: str = "r") -> Timex:
    start = text.index(fragment)
    return Timex(start, start + len(fragment), fragment, type_, value, rule=rule)


GOLD_A = [
    gold(TEXT_A, "Monday", "DATE", "2024-03-04"),
    gold(TEXT_A, "5 March 2024", "DATE", "2024-03-05"),
    gold(TEXT_A, "two weeks", "DURATION", "P2W"),
    gold(TEXT_A, "every day", "SET", "P1D"),
]
SYSTEM_A = [
    system(TEXT_A, "Monday", TimexType.DATE, "2024-03-04"),  # strict, type and value right
    system(TEXT_A, "March 2024", TimexType.DATE, "2024-03", rule="month_year"),  # relaxed only, wrong value
    system(TEXT_A, "two weeks", TimexType.DATE, "P2W"),  # strict, wrong type, right value
    system(TEXT_A, "On", TimexType.DATE, "2024-03-05", rule="preposition"),  # spurious
]  # "every day" is missed


def scored_a() -> Scores:
    scores = Scores()
    scores.add_document("a", TEXT_A, GOLD_A, SYSTEM_A)
    return scores


def test_relaxed_and_strict_scores_count_overlaps_and_identical_spans():
    t = scored_a().total

    assert t.relaxed_prf == pytest.approx((3 / 4, 3 / 4, 3 / 4))
    assert t.strict_prf == pytest.approx((2 / 4, 2 / 4, 2 / 4))


def test_type_and_value_accuracy_are_over_relaxed_matches_and_scale_the_relaxed_f1():
    t = scored_a().total

    assert t.type_accuracy == pytest.approx(2 / 3)
    assert t.value_accuracy == pytest.approx(2 / 3)
    # Value F1 = relaxed F1 x value accuracy; with one-to-one matching that is correct/system, correct/gold.
    assert t.value_prf == pytest.approx((2 / 4, 2 / 4, 0.75 * 2 / 3))
    assert t.type_f1 == pytest.approx(0.75 * 2 / 3)


def test_counts_are_pooled_over_documents_not_averaged():
    text_b = "Back in 1999."
    scores = scored_a()
    scores.add_document("b", text_b, [gold(text_b, "1999", "DATE", "1999")], [])

    # Averaging the two documents' F1 (0.75 and 0) would give 0.375; pooling gives 3 of 4 and 3 of 5.
    assert scores.total.relaxed_prf == pytest.approx((3 / 4, 3 / 5, 2 * 0.75 * 0.6 / 1.35))
    assert scores.documents == 2


def test_per_type_rows_take_precision_from_the_system_type_and_recall_from_the_gold_type():
    by_type = scored_a().by_type

    # System DATE: Monday, March 2024, two weeks (typed DATE), On -> 3 of 4 matched.
    assert (by_type["DATE"].system, by_type["DATE"].gold) == (4, 2)
    assert by_type["DATE"].relaxed_prf[:2] == pytest.approx((3 / 4, 2 / 2))
    assert by_type["DURATION"].relaxed_prf[:2] == pytest.approx((0.0, 1.0))
    assert by_type["SET"].relaxed_prf[:2] == pytest.approx((0.0, 0.0))
    assert by_type["DATE"].value_accuracy == pytest.approx(1 / 2)


def test_the_error_list_names_missed_spurious_and_wrong_values_with_their_rule():
    errors = {(e.kind, e.gold_text or e.system_text): e for e in scored_a().errors}

    assert set(errors) == {
        ("missed", "every day"),
        ("spurious", "On"),
        ("value", "5 March 2024"),
        ("type", "two weeks"),
    }
    wrong = errors[("value", "5 March 2024")]
    assert (wrong.doc, wrong.system_text, wrong.gold_value, wrong.system_value, wrong.rule) == (
        "a",
        "March 2024",
        "2024-03-05",
        "2024-03",
        "month_year",
    )
    assert errors[("spurious", "On")].rule == "preposition"


def test_a_gold_timex_with_an_empty_value_is_matched_but_not_judged_on_its_value():
    text = "Sunday and Friday night."
    scores = Scores()
    scores.add_document(
        "tcr",
        text,
        [gold(text, "Sunday", "DATE", ""), gold(text, "Friday night", "TIME", "2010-01-08TNI")],
        [system(text, "Sunday", TimexType.DATE, "2010-01-03"), system(text, "Friday night", TimexType.TIME, "X")],
    )

    assert scores.total.relaxed == 2
    assert (scores.total.value_judged, scores.total.value_correct, scores.value_unjudged) == (1, 0, 1)
    assert [e.kind for e in scores.errors] == ["value"]


def test_one_system_span_covering_two_gold_spans_matches_only_one_of_them():
    text = "from March to May 2024"
    scores = Scores()
    scores.add_document(
        "d",
        text,
        [gold(text, "March", "DATE", "2024-03"), gold(text, "May 2024", "DATE", "2024-05")],
        [Timex(0, len(text), text, TimexType.DATE, "2024-05")],
    )

    assert scores.total.relaxed_prf == pytest.approx((1.0, 0.5, 2 / 3))
    # The pairing prefers the larger overlap ("May 2024"), so the one value judged is right.
    assert scores.total.value_accuracy == 1.0


class S:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def test_matching_finds_the_largest_one_to_one_pairing_even_where_greedy_would_not():
    g = [S(0, 10), S(8, 12)]
    s = [S(5, 9), S(0, 3)]  # greedy takes g0-s0 (overlap 4) and leaves g1 unmatched

    assert match_spans(g, s) == [(0, 1), (1, 0)]


def test_matching_prefers_the_identical_span():
    assert match_spans([S(5, 10)], [S(0, 9), S(5, 10)]) == [(0, 1)]


def test_a_system_text_that_is_not_the_text_at_its_offsets_is_reported_as_an_offset_error():
    text = "On “Monday” we met."
    scores = Scores()
    scores.add_document("d", text, [], [Timex(3, 9, "Monday", TimexType.DATE, "XXXX-WXX-1")])

    assert [e.kind for e in scores.errors] == ["offset", "spurious"]
    assert "engine bug" in format_scores(scores)


def test_the_table_prints_the_pooled_figures():
    out = format_scores(scored_a(), show_errors=True)

    assert "strict      50.00%  50.00%  50.00%" in out
    assert "relaxed     75.00%  75.00%  75.00%" in out
    assert "value       50.00%  50.00%  50.00%" in out
    assert "type accuracy  66.67% of 3 relaxed matches" in out
    assert "== missed (1)" in out
    assert "1  spurious  preposition" in out


def fake_annotate(text: str, reference: Reference) -> list[Timex]:
    """Finds only "today", valued as the reference date."""
    start = text.find("today")
    if start < 0:
        return []
    return [Timex(start, start + 5, "today", TimexType.DATE, reference.date.isoformat(), rule="today")]


def test_documents_are_annotated_against_their_creation_time():
    doc = TimeMLDocument(
        name="d",
        text="Yoga today, and Saturday.",
        dct=dt.date(2011, 11, 26),
        gold=[gold("Yoga today, and Saturday.", "today", "DATE", "2011-11-26")],
    )

    scores = evaluate_documents([doc], fake_annotate)

    assert scores.total.value_correct == 1


def test_an_engine_crash_names_the_document():
    doc = TimeMLDocument(name="AP900815-0044", text="x", dct=dt.date(1990, 8, 15))

    def crash(text, reference):
        raise KeyError("boom")

    with pytest.raises(RuntimeError, match="AP900815-0044"):
        evaluate_documents([doc], crash)


def test_the_command_line_scores_a_folder_and_lists_errors(tmp_path, monkeypatch, capsys):
    (tmp_path / "sub").mkdir()
    for name, text in [("one", "Yoga <T>today</T>."), ("two", "Not <T>tomorrow</T>.")]:
        body = text.replace("<T>", '<TIMEX3 tid="t1" type="DATE" value="2011-11-26">').replace("</T>", "</TIMEX3>")
        (tmp_path / "sub" / f"{name}.tml").write_text(
            '<?xml version="1.0" ?>\n<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2011-11-26" '
            f'functionInDocument="CREATION_TIME">2011-11-26</TIMEX3></DCT><TEXT>{body}</TEXT></TimeML>',
            encoding="utf-8",
        )
    monkeypatch.setattr(timeline.temporal, "annotate", fake_annotate, raising=False)

    assert main([str(tmp_path), "--show-errors"]) == 0
    out = capsys.readouterr().out
    assert "2 documents, 2 gold, 1 system timexes" in out
    assert "relaxed    100.00%  50.00%  66.67%" in out
    assert "sub/two  'tomorrow'  gold=2011-11-26 DATE" in out

    assert main([str(tmp_path), "--limit", "1"]) == 0
    assert "1 documents, 1 gold, 1 system timexes" in capsys.readouterr().out


@pytest.mark.parametrize("corpus", ["te3-train", "tcr", "wikiwars-tml", "tweets-syntime"])
def test_the_gold_scored_against_itself_is_perfect_on_the_shared_corpora(corpus):
    root = Path("/work/shared/data") / corpus
    if not root.is_dir():
        pytest.skip(f"{root} is not present")
    scores = Scores()
    for doc in iter_timeml(root):
        echo = [Timex(g.start, g.end, g.text, TimexType(g.type), g.value) for g in doc.gold]
        scores.add_document(doc.name, doc.text, doc.gold, echo)

    t = scores.total
    assert t.strict_prf == t.relaxed_prf == (1.0, 1.0, 1.0)
    assert t.type_accuracy == 1.0
    assert t.value_accuracy == 1.0
    assert scores.errors == []
