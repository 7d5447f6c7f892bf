"""annotate_dates and evaluate_dates: exact offsets, stdin, and one readable line for each bad input."""

import io
import json
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

import timeline.temporal
from timeline.temporal.types import Reference, Timex, TimexType

# Curly quotes, an em dash and CRLF before the date: each shifts byte, UTF-16 or newline-translated
# offsets away from Python str offsets, which are the ones promised.
TEXT = "“Quoted” — the talks\r\nend on 5 March 2024, or on Tuesday.\n"


def fake_annotate(text: str, reference: Reference) -> list[Timex]:
    """Finds day-month-year dates and weekdays; weekdays resolve to the reference date."""
    found = []
    for m in re.finditer(r"\d{1,2} March \d{4}|Tuesday", text):
        value = "2024-03-05" if m.group()[0].isdigit() else reference.date.isoformat()
        rule = "dmy" if m.group()[0].isdigit() else f"weekday/{reference.doc_type}"
        found.append(Timex(m.start(), m.end(), m.group(), TimexType.DATE, value, rule=rule))
    return found


@pytest.fixture
def engine(monkeypatch):
    monkeypatch.setattr(timeline.temporal, "annotate", fake_annotate, raising=False)


def run_manage(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
        input=stdin,
        capture_output=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )


def test_annotate_dates_json_offsets_index_the_file_exactly_as_read(tmp_path, engine):
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    out = io.StringIO()

    call_command("annotate_dates", str(path), "--reference-date", "2024-03-07", stdout=out)

    items = json.loads(out.getvalue())
    assert [(i["text"], i["value"], i["rule"]) for i in items] == [
        ("5 March 2024", "2024-03-05", "dmy"),
        ("Tuesday", "2024-03-07", "weekday/news"),
    ]
    assert all(TEXT[i["start"] : i["end"]] == i["text"] for i in items)
    assert items[0]["start"] == 29


def test_annotate_dates_reads_standard_input_for_a_dash(monkeypatch, engine):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8")), encoding="utf-8"))
    out = io.StringIO()

    call_command("annotate_dates", "-", "--reference-date", "2024-03-07T14:30", "--narrative", stdout=out)

    items = json.loads(out.getvalue())
    assert [TEXT[i["start"] : i["end"]] for i in items] == ["5 March 2024", "Tuesday"]
    assert items[1]["rule"] == "weekday/narrative"


def test_annotate_dates_timeml_wraps_each_expression_in_place(tmp_path, engine):
    path = tmp_path / "article.txt"
    path.write_text("“Talks” & more on 5 March 2024.\n", encoding="utf-8")
    out = io.StringIO()

    call_command("annotate_dates", str(path), "--reference-date", "2024-03-07", "--format", "timeml", stdout=out)

    assert out.getvalue() == (
        '“Talks” &amp; more on <TIMEX3 tid="t1" type="DATE" value="2024-03-05">5 March 2024</TIMEX3>.\n'
    )


def test_annotate_dates_passes_the_reference_time_and_zone_to_the_engine(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(timeline.temporal, "annotate", lambda text, ref: seen.append(ref) or [], raising=False)
    path = tmp_path / "a.txt"
    path.write_text("nothing", encoding="utf-8")

    call_command(
        "annotate_dates", str(path), "--reference-date", "2024-03-07 09:15", "--timezone", "Europe/London",
        stdout=io.StringIO(),
    )  # fmt: skip
    call_command("annotate_dates", str(path), "--reference-date", "2024-03-07", stdout=io.StringIO())

    assert [(str(r.date), str(r.time), r.timezone) for r in seen] == [
        ("2024-03-07", "09:15:00", "Europe/London"),
        ("2024-03-07", "None", None),
    ]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["{file}", "--reference-date", "2024-13-01"], b"", "--reference-date '2024-13-01'"),
        (["{file}", "--reference-date", "yesterday"], b"", "--reference-date 'yesterday'"),
        (["{file}", "--reference-date", "2024-03-07T10:00+01:00"], b"", "not as an offset"),
        (["{file}", "--reference-date", "2024-03-07", "--timezone", "Mars/Olympus"], b"", "--timezone 'Mars/Olympus'"),
        (["{missing}", "--reference-date", "2024-03-07"], b"", "no such file"),
        (["{latin1}", "--reference-date", "2024-03-07"], b"", "not UTF-8 text (byte 0xe8 at offset 4)"),
        (["-", "--reference-date", "2024-03-07"], b"Caf\xe9", "standard input: not UTF-8 text"),
    ],
)
def test_annotate_dates_refuses_bad_input_with_one_line_on_stderr_and_a_failing_exit(tmp_path, args, stdin, message):
    (tmp_path / "ok.txt").write_text("On Monday.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Mendès".encode("latin-1"))
    paths = {"file": tmp_path / "ok.txt", "missing": tmp_path / "nope.txt", "latin1": tmp_path / "latin1.txt"}

    result = run_manage("annotate_dates", *[a.format(**paths) for a in args], stdin=stdin)

    assert result.returncode != 0
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert message in lines[0]
    assert result.stdout == b""


def write_tml(path, text: str, dct: str = "2011-11-26") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="'
        f'{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n<TEXT>{text}</TEXT>\n</TimeML>\n',
        encoding="utf-8",
    )


def test_evaluate_dates_prints_the_tempeval_scores_of_a_folder(tmp_path, engine):
    write_tml(
        tmp_path / "news" / "a.tml",
        '“Yes” — on <TIMEX3 tid="t1" type="DATE" value="2024-03-05">5 March 2024</TIMEX3> and '
        '<TIMEX3 tid="t2" type="DATE" value="2011-11-22">Tuesday</TIMEX3>, for <TIMEX3 tid="t3" '
        'type="DURATION" value="P2W">two weeks</TIMEX3>.',
    )
    out = io.StringIO()

    call_command("evaluate_dates", str(tmp_path), "--show-errors", stdout=out)

    report = out.getvalue()
    # 2 of 2 found, 2 of 3 gold; "Tuesday" resolves to the DCT (2011-11-26), not 2011-11-22.
    assert "1 documents, 3 gold, 2 system timexes" in report
    assert "relaxed    100.00%  66.67%  80.00%" in report
    assert "value       50.00%  33.33%  40.00%" in report
    assert "news/a  'Tuesday'  gold=2011-11-22  system=2011-11-26  rule=weekday/news" in report


@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_evaluate_dates_refuses_a_missing_or_empty_folder(tmp_path, folder):
    (tmp_path / "empty").mkdir()

    with pytest.raises(CommandError, match=f"{folder}: no "):
        call_command("evaluate_dates", str(tmp_path / folder))

    result = run_manage("evaluate_dates", str(tmp_path / folder))
    assert result.returncode != 0
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_evaluate_dates_names_a_document_without_a_creation_time(tmp_path, engine):
    (tmp_path / "nodct.tml").write_text("<TimeML><TEXT>On Monday.</TEXT></TimeML>", encoding="utf-8")

    with pytest.raises(CommandError, match="nodct: no CREATION_TIME"):
        call_command("evaluate_dates", str(tmp_path))


def test_annotate_dates_offsets_are_exact_with_the_real_engine(tmp_path):
    try:
        from timeline.temporal import annotate  # noqa: F401
    except ImportError:
        pytest.skip("the date engine has not landed yet")
    path = tmp_path / "article.txt"
    path.write_bytes(TEXT.encode("utf-8"))

    result = run_manage("annotate_dates", str(path), "--reference-date", "2024-03-07")

    assert result.returncode == 0, result.stderr.decode()
    items = json.loads(result.stdout.decode("utf-8"))
    assert "5 March 2024" in [i["text"] for i in items]
    assert all(TEXT[i["start"] : i["end"]] == i["text"] for i in items)
