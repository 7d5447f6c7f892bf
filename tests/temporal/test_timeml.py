"""The TimeML reader: stripped text, gold offsets that index it, the DCT, and the corpora's quirks."""

import datetime as dt
from pathlib import Path

import pytest

from timeline.temporal.timeml import iter_timeml, parse_dct_value, parse_timeml, read_timeml
from timeline.temporal.types import DocType

CORPORA = Path("/work/shared/data")

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27T08:17:00" functionInDocument="CREATION_TIME">19980227</TIMEX3></DCT>
<TITLE>Not part of the text <TIMEX3 tid="t9" type="DATE" value="1998">1998</TIMEX3></TITLE>
<TEXT>
AT&amp;T <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-02-26">Thursday</TIMEX3> that \
<TIMEX3 tid="t2" type="DURATION" value="P2W">two <EVENT eid="e2">busy</EVENT> weeks</TIMEX3> of “talks” \
end <TIMEX3 tid="t3" type="DATE" value="1998-03" functionInDocument="PUBLICATION_TIME">in March</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_text_is_the_text_element_with_tags_stripped_and_entities_decoded():
    doc = parse_timeml(DOC, name="X1")

    assert doc.text == "\nAT&T said Thursday that two busy weeks of “talks” end in March.\n"


def test_every_gold_offset_indexes_the_stripped_text():
    doc = parse_timeml(DOC)

    assert [(g.text, g.type, g.value) for g in doc.gold] == [
        ("Thursday", "DATE", "1998-02-26"),
        ("two busy weeks", "DURATION", "P2W"),
        ("in March", "DATE", "1998-03"),
    ]
    assert all(doc.text[g.start : g.end] == g.text for g in doc.gold)


def test_the_creation_time_is_the_reference_and_is_not_gold():
    doc = parse_timeml(DOC)

    assert doc.dct == dt.date(1998, 2, 27)
    assert doc.dct_time == dt.time(8, 17)
    assert "t0" not in {g.tid for g in doc.gold}
    reference = doc.reference(DocType.NARRATIVE)
    assert (reference.date, reference.time, reference.doc_type) == (dt.date(1998, 2, 27), dt.time(8, 17), "narrative")


def test_a_document_without_a_creation_time_refuses_to_make_a_reference():
    doc = parse_timeml("<TimeML><TEXT>On Monday.</TEXT></TimeML>", name="nodct")

    assert doc.dct is None
    with pytest.raises(ValueError, match="nodct"):
        doc.reference()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1998-01-08", (dt.date(1998, 1, 8), None)),
        ("1990-08-15T13:37", (dt.date(1990, 8, 15), dt.time(13, 37))),
        ("1998-02-27T08:17:00", (dt.date(1998, 2, 27), dt.time(8, 17))),
        ("19980108", (dt.date(1998, 1, 8), None)),
        ("PRESENT_REF", (None, None)),
        ("1998-02-30", (None, None)),
    ],
)
def test_creation_time_values_are_read_in_the_shapes_the_corpora_use(value, expected):
    assert parse_dct_value(value) == expected


def test_crlf_line_ends_become_newlines_as_an_xml_parser_would_make_them():
    doc = parse_timeml(
        '<TimeML>\r\n<TEXT>\r\nHello\r\nworld <TIMEX3 type="DATE" value="2011-11-26">today</TIMEX3>\r</TEXT></TimeML>'
    )

    assert doc.text == "\nHello\nworld today\n"
    assert doc.text[doc.gold[0].start : doc.gold[0].end] == "today"


def test_a_timex_nested_inside_another_keeps_both_spans():
    doc = parse_timeml(
        '<TimeML><TEXT>Since <TIMEX3 tid="t1" type="DATE" value="1998-W05">the week of '
        '<TIMEX3 tid="t2" type="DATE" value="1998-01-26">Jan. 26</TIMEX3></TIMEX3>.</TEXT></TimeML>'
    )

    assert [(g.tid, g.text) for g in doc.gold] == [("t1", "the week of Jan. 26"), ("t2", "Jan. 26")]
    assert all(doc.text[g.start : g.end] == g.text for g in doc.gold)


def test_markup_that_is_not_well_formed_is_still_read():
    doc = parse_timeml(
        "<TimeML><TEXT>R&D <EVENT>rose &nbsp;<!-- note --> <TIMEX3 type='DATE' value='1999'>in 1999</TIMEX3>"
        " <b/><![CDATA[a < b]]></TEXT></TimeML>"
    )

    assert doc.text == "R&D rose \xa0 in 1999 a < b"
    assert doc.gold[0].text == "in 1999"


def test_read_timeml_keeps_non_ascii_and_replaces_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_bytes(
        "<TimeML><TEXT>Mendès-France ".encode()
        + b"\xff"
        + b' <TIMEX3 type="DATE" value="1954-11-12">November 12</TIMEX3></TEXT></TimeML>'
    )

    doc = read_timeml(path)

    assert doc.name == "doc"
    assert doc.text == "Mendès-France \ufffd November 12"
    assert doc.text[doc.gold[0].start : doc.gold[0].end] == "November 12"


def test_iter_timeml_walks_subfolders_in_path_order_and_names_documents_by_relative_path(tmp_path):
    for rel in ["trainingset/test_1.tml", "testset/test_1.tml", "testset/notes.txt", "a.tml"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<TimeML><TEXT>x</TEXT></TimeML>", encoding="utf-8")

    names = [doc.name for doc in iter_timeml(tmp_path)]

    assert names == ["a", "testset/test_1", "trainingset/test_1"]


@pytest.mark.parametrize(
    ("corpus", "documents", "gold"),
    [("te3-train", 256, 1822), ("tcr", 25, 217), ("wikiwars-tml", 22, 2636), ("tweets-syntime", 942, 1129)],
)
def test_the_shared_corpora_read_with_the_counts_their_readmes_give(corpus, documents, gold):
    if not (CORPORA / corpus).is_dir():
        pytest.skip(f"{CORPORA / corpus} is not present")

    docs = list(iter_timeml(CORPORA / corpus))

    assert len(docs) == documents
    assert sum(len(d.gold) for d in docs) == gold
    assert all(d.dct is not None for d in docs)
    assert all(d.text[g.start : g.end] == g.text for d in docs for g in d.gold)
