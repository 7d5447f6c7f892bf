"""`evaluate_timelines` end to end: a mini corpus in the task's layout, imported, written and scored."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from intake.models import Proposal
from tests.intake.timelines.helpers import TRIAL, write_corpus
from timeline.extraction import nlp
from timeline.models import Source

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not nlp.is_available(), reason="the spaCy model is not installed"),
]

DOCUMENTS = {
    "101": (
        "2010-06-07",
        [
            "Acme unveils the Zephyr phone",
            "June 7 , 2010",
            "Acme unveiled the Zephyr phone at a conference in San Francisco on Monday .",
            "Acme chief executive Jane Smith said the Zephyr will go on sale on June 24 .",
        ],
    ),
    "102": (
        "2010-06-25",
        [
            "Zephyr goes on sale",
            "June 25 , 2010",
            "The Zephyr phone went on sale in the United States on Thursday .",
            "Acme unveiled the Zephyr phone earlier this month in San Francisco .",
        ],
    ),
}
GOLD = "Zephyr\n1\t2010-06-07\t101-2-unveiled\t102-3-unveiled\n2\t2010-06-24\t102-2-went\t101-3-sale\n"
TIMELINE_LINE = re.compile(r"\d+\t(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)(\t\d+-\d+-\S+)+")


def _run(*args) -> list[str]:
    out = StringIO()
    call_command("evaluate_timelines", *args, stdout=out)
    return out.getvalue().splitlines()


def test_it_writes_one_timeline_per_entity_in_the_tasks_format_and_prints_awareness_last(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", DOCUMENTS, ["Zephyr", "Jane Smith"], {"zephyr.txt": GOLD})
    output = tmp_path / "out"

    lines = _run(str(corpus), "--output", str(output))

    assert sorted(p.name for p in output.iterdir()) == ["jane_smith.txt", "zephyr.txt"]
    zephyr = (output / "zephyr.txt").read_text().splitlines()
    assert zephyr[0] == "Zephyr"
    assert zephyr[1:] and all(TIMELINE_LINE.fullmatch(row) for row in zephyr[1:])
    assert "no gold timeline for 'Jane Smith': not scored" in lines
    assert re.fullmatch(r"mentions P=\d+\.\d\d R=\d+\.\d\d F1=\d+\.\d\d", lines[-4])
    assert re.fullmatch(r"awareness P=\d+\.\d\d R=\d+\.\d\d F1=\d+\.\d\d", lines[-1])
    # The Zephyr's unveiling is found in both articles: one line, both mentions (the import's grouping).
    assert any("101-2-unveiled" in row and "102-3-unveiled" in row for row in zephyr)
    # The configured (here: the test) database was not written.
    assert Source.objects.count() == 0 and Proposal.objects.count() == 0


def test_without_a_gold_folder_it_writes_the_timelines_and_scores_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", DOCUMENTS, ["Zephyr"], gold={})

    lines = _run(str(corpus), "--output", str(tmp_path / "out"))

    assert lines[-1] == "no TimeLines_Gold_Standard/ folder: nothing scored"
    assert (tmp_path / "out" / "zephyr.txt").is_file()


def test_the_baseline_dates_each_sentences_first_past_verb_by_publication(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", DOCUMENTS, ["Zephyr"], {"zephyr.txt": GOLD})

    lines = _run(str(corpus), "--baseline", "--output", str(tmp_path / "out"))

    rows = (tmp_path / "out" / "zephyr.txt").read_text().splitlines()[1:]
    assert rows == [
        "1\t2010-06-07\t101-2-unveiled",
        "1\t2010-06-07\t101-3-said",
        "2\t2010-06-25\t102-2-went",
        "2\t2010-06-25\t102-3-unveiled",
    ]
    assert lines[-1].startswith("awareness P=")


def test_a_folder_not_in_the_tasks_layout_is_one_line_of_error(tmp_path):
    with pytest.raises(CommandError, match=r"no corpus_CAT/ or corpus_trackA_CAT/ folder$"):
        _run(str(tmp_path))


@pytest.mark.skipif(not TRIAL.is_dir(), reason="the SemEval-2015 trial corpus is not in ../shared/data")
def test_on_the_trial_corpus_the_system_scores_every_gold_timeline(tmp_path):
    lines = _run(str(TRIAL), "--output", str(tmp_path))

    assert "timelines scored: 6" in lines
    assert len(list(tmp_path.glob("*.txt"))) == 6
    awareness = float(lines[-1].rsplit("=", 1)[1])
    assert awareness > 0  # a floor that catches a broken pipeline, not a target


def test_an_article_the_import_refuses_is_skipped_and_named_and_the_rest_go_on(tmp_path):
    copy = {"103": ("2010-06-26", DOCUMENTS["102"][1])}  # the same text again: a duplicate
    corpus = write_corpus(tmp_path / "corpus", {**DOCUMENTS, **copy}, ["Zephyr"], {"zephyr.txt": GOLD})

    lines = _run(str(corpus), "--output", str(tmp_path / "out"))

    assert "skipped 103-test: text: already imported as source 'wikinews-102'" in lines
    assert lines[-1].startswith("awareness P=")
