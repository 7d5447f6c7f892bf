import datetime as dt
import json
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.factories import CitationFactory, SourceFactory
from timeline.models import Source, text_checksum

pytestmark = pytest.mark.django_db


def write_folder(folder: Path, articles: dict[str, str], entries: list[dict] | None = None) -> Path:
    """Write texts and a manifest; by default one valid entry per text."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    if entries is None:
        entries = [entry_for(name, i) for i, name in enumerate(articles)]
    (folder / "manifest.json").write_text(json.dumps({"sources": entries}), encoding="utf-8")
    return folder


def entry_for(name: str, i: int = 0, **overrides) -> dict:
    entry = {
        "file": name,
        "headline": f"Headline {i}",
        "publisher": "Example News",
        "url": f"https://news.example.com/{i}",
        "published_date": "2022-09-28",
        "published_time": "14:30",
        "timezone": "Europe/London",
    }
    entry.update(overrides)
    return entry


def ingest(folder: Path, *args: str) -> str:
    out = StringIO()
    call_command("ingest_seeds", str(folder), *args, stdout=out)
    return out.getvalue()


def test_it_creates_one_source_per_text_with_its_publication_context(tmp_path):
    folder = write_folder(tmp_path, {"a.txt": "Moscow — “Leave now,” it said on Tuesday.", "b.txt": "Second."})

    output = ingest(folder)

    assert "2 created" in output
    source = Source.objects.get(slug="a")
    assert source.text == "Moscow — “Leave now,” it said on Tuesday."
    assert source.checksum == text_checksum(source.text)
    assert source.published_date.isoformat() == "2022-09-28"
    assert source.published_time.isoformat() == "14:30:00"
    assert source.timezone == "Europe/London"


def test_a_second_run_changes_nothing_and_says_so(tmp_path):
    folder = write_folder(tmp_path, {"a.txt": "One.", "b.txt": "Two."})
    ingest(folder)
    before = {s.slug: s.updated_at for s in Source.objects.all()}

    output = ingest(folder)

    assert "Nothing to change: 2 sources" in output
    assert {s.slug: s.updated_at for s in Source.objects.all()} == before


def test_a_changed_manifest_updates_the_source(tmp_path):
    folder = write_folder(tmp_path, {"a.txt": "One."})
    ingest(folder)
    write_folder(tmp_path, {"a.txt": "One."}, [entry_for("a.txt", headline="Corrected headline")])

    output = ingest(folder)

    assert "1 updated" in output
    assert Source.objects.get(slug="a").headline == "Corrected headline"


def test_dry_run_writes_nothing(tmp_path):
    folder = write_folder(tmp_path, {"a.txt": "One."})

    output = ingest(folder, "--dry-run")

    assert "Dry run" in output
    assert not Source.objects.exists()


def test_the_project_seeds_ingest_cleanly():
    ingest(settings.BASE_DIR / "seeds")

    assert Source.objects.count() == 5
    assert set(Source.objects.values_list("published_date", flat=True)) == {
        dt.date(2022, 9, 28),
        dt.date(2023, 2, 13),
    }


@pytest.mark.parametrize(
    ("articles", "entries", "message"),
    [
        pytest.param(
            {"a.txt": "One.", "b.txt": "Two."},
            [entry_for("a.txt")],
            "b.txt: text file has no entry",
            id="text-without-metadata",
        ),
        pytest.param(
            {"a.txt": "One."},
            [entry_for("a.txt"), entry_for("c.txt", 2)],
            "c.txt: listed in the manifest but there is no such text",
            id="metadata-without-text",
        ),
        pytest.param(
            {"a.txt": "One."},
            [entry_for("a.txt", published_date="2022-02-30")],
            "a.txt: invalid published_date '2022-02-30'",
            id="invalid-date",
        ),
        pytest.param(
            {"a.txt": "One."},
            [entry_for("a.txt", published_time="25:00")],
            "a.txt: invalid published_time '25:00'",
            id="invalid-time",
        ),
        pytest.param(
            {"a.txt": "One."},
            [entry_for("a.txt", timezone="Mars/Olympus")],
            "a.txt: unknown time zone 'Mars/Olympus'",
            id="invalid-timezone",
        ),
        pytest.param(
            {"a.txt": "One.", "b.txt": "Two."},
            [entry_for("a.txt", 1), entry_for("b.txt", 1)],
            "b.txt: duplicate url",
            id="duplicate-url",
        ),
        pytest.param({"a.txt": "Same.", "b.txt": "Same."}, None, "b.txt: same text as a.txt", id="duplicate-text"),
        pytest.param({"a.txt": "One."}, [entry_for("a.txt", url="not a url")], "a.txt: invalid url", id="invalid-url"),
        pytest.param(
            {"a.txt": "One."},
            [{"file": "a.txt", "publisher": "X", "published_date": "2022-01-01"}],
            "a.txt: manifest entry lacks headline",
            id="missing-headline",
        ),
    ],
)
def test_bad_input_names_the_file_and_writes_nothing(tmp_path, articles, entries, message):
    # A valid first entry proves that nothing is half-written when a later one is bad.
    folder = write_folder(tmp_path, {"0-valid.txt": "Valid.", **articles}, None)
    if entries is not None:
        write_folder(tmp_path, {}, [entry_for("0-valid.txt", 99), *entries])

    with pytest.raises(CommandError, match=re.escape(message)):
        ingest(folder)

    assert not Source.objects.exists()


def test_a_text_that_is_not_utf8_is_refused_by_name(tmp_path):
    folder = write_folder(tmp_path, {"a.txt": "One."})
    (folder / "a.txt").write_bytes("Caf\xe9".encode("latin-1"))

    with pytest.raises(CommandError, match=r"a\.txt: not UTF-8 text"):
        ingest(folder)

    assert not Source.objects.exists()


def test_a_broken_manifest_is_refused(tmp_path):
    folder = write_folder(tmp_path, {"a.txt": "One."})
    (folder / "manifest.json").write_text("{not json", encoding="utf-8")

    with pytest.raises(CommandError, match=r"manifest\.json: invalid JSON"):
        ingest(folder)


def test_a_url_held_by_another_source_is_refused(tmp_path):
    SourceFactory(slug="elsewhere", url="https://news.example.com/0")
    folder = write_folder(tmp_path, {"a.txt": "One."})

    with pytest.raises(CommandError, match=re.escape("url 'https://news.example.com/0' belongs to source elsewhere")):
        ingest(folder)

    assert Source.objects.count() == 1


def test_a_changed_text_under_existing_citations_is_refused(tmp_path):
    folder = write_folder(tmp_path, {"a.txt": "The embassy spoke on Tuesday."})
    ingest(folder)
    CitationFactory(source=Source.objects.get(slug="a"))
    (folder / "a.txt").write_text("A different text.", encoding="utf-8")

    with pytest.raises(CommandError, match="refusing to change it"):
        ingest(folder)

    assert Source.objects.get(slug="a").text == "The embassy spoke on Tuesday."


def test_the_command_exits_non_zero_with_one_readable_line(tmp_path):
    folder = write_folder(tmp_path, {"a.txt": "One."}, [entry_for("a.txt", timezone="Nowhere/Land")])

    result = subprocess.run(
        [sys.executable, "manage.py", "ingest_seeds", str(folder)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
        check=False,
    )

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "a.txt: unknown time zone 'Nowhere/Land'" in lines[0]
