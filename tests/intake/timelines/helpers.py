"""Hand-written CAT files and a mini corpus in the task's layout, for tests that must not need the shared data."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

TRIAL = Path(__file__).resolve().parents[4] / "shared" / "data" / "semeval2015-timeline-trial"


def cat_xml(doc_id: str, created: str, sentences: list[str], *, markables: str = "") -> str:
    """A CAT document: sentence 0 the headline, sentence 1 the dateline (the creation time's tokens)."""
    rows, t_id, number, dateline = [], 0, 0, []
    for index, sentence in enumerate(sentences):
        for word in sentence.split():
            t_id += 1
            rows.append(f'<token number="{number}" sentence="{index}" t_id="{t_id}">{escape(word)}</token>')
            number += 1
            if index == 1:
                dateline.append(t_id)
    anchors = "".join(f'<token_anchor t_id="{t}"/>' for t in dateline)
    return (
        f'<?xml version="1.0" ?><Document doc_id="{doc_id}" doc_name="{doc_id}-test">\n'
        + "\n".join(rows)
        + "\n<Markables>\n"
        + markables
        + f'<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="{created}">{anchors}</TIMEX3>\n'
        + "</Markables>\n</Document>"
    )


def write_corpus(folder: Path, documents: dict[str, tuple[str, list[str]]], entities: list[str], gold: dict) -> Path:
    """documents: doc id -> (creation date, sentences); gold: file name -> timeline text (none: no gold folder)."""
    cat = folder / "corpus_CAT"
    cat.mkdir(parents=True)
    for doc_id, (created, sentences) in documents.items():
        (cat / f"{doc_id}-test.xml").write_text(cat_xml(doc_id, created, sentences), encoding="utf-8")
    (folder / "list_target_entities.txt").write_text("\n".join(entities) + "\n", encoding="utf-8")
    if gold:
        (folder / "TimeLines_Gold_Standard").mkdir()
        for name, text in gold.items():
            (folder / "TimeLines_Gold_Standard" / name).write_text(text, encoding="utf-8")
    return folder
