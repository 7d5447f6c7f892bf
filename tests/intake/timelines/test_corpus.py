"""The CAT reader: tokens back into text with their offsets, the creation time as the publication date."""

import datetime as dt

import pytest

from intake.timelines.corpus import CorpusError, entity_filename, read_cat, read_corpus
from tests.intake.timelines.helpers import cat_xml, write_corpus

SENTENCES = [
    "Acme sues Apple",
    "March 28 , 2006",
    'Apple \'s chief said " we will fight " .',
    "The case ( filed in London ) was heard .",
]
# An EVENT_MENTION markable, which Track A must never read: it would not change what is read.
MARKABLE = '<EVENT_MENTION m_id="9"><token_anchor t_id="9"/></EVENT_MENTION>\n'


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "42-test.xml"
    path.write_text(cat_xml("42", "2006-03-28", SENTENCES, markables=MARKABLE), encoding="utf-8")
    return read_cat(path)


def test_the_text_leaves_out_the_headline_and_dateline_and_puts_each_sentence_on_its_own_line(document):
    assert document.text == 'Apple\'s chief said "we will fight".\nThe case (filed in London) was heard.'
    assert document.headline == "Acme sues Apple"
    assert document.created == dt.date(2006, 3, 28)
    assert document.doc_id == "42"


def test_every_token_keeps_its_offsets_and_maps_back_to_doc_sentence_word(document):
    assert all(document.text[t.start : t.end] == t.text for t in document.tokens)
    said = document.text.index("said")
    assert document.mention(document.token_at(said + 2)) == "42-2-said"
    heard = document.text.index("heard")
    assert document.mention(document.token_at(heard)) == "42-3-heard"


def test_an_offset_on_a_space_is_read_as_the_next_word_but_never_across_a_line(document):
    space = document.text.index(" chief")
    assert document.token_at(space).text == "chief"
    end_of_line = document.text.index("\n")
    assert document.token_at(end_of_line) is None


def test_a_file_without_a_creation_time_is_refused_with_its_name(tmp_path):
    path = tmp_path / "7-test.xml"
    path.write_text(cat_xml("7", "2006-03-28", SENTENCES).replace("CREATION_TIME", "NONE"), encoding="utf-8")

    with pytest.raises(CorpusError, match=r"7-test\.xml: no TIMEX3 with functionInDocument=CREATION_TIME"):
        read_cat(path)


def test_a_file_that_is_not_xml_is_refused_with_its_name(tmp_path):
    path = tmp_path / "8-test.xml"
    path.write_text("<Document", encoding="utf-8")

    with pytest.raises(CorpusError, match=r"8-test\.xml: not XML"):
        read_cat(path)


def test_the_corpus_reads_the_track_a_folder_of_the_test_corpora_and_notes_a_missing_gold_folder(tmp_path):
    write_corpus(tmp_path, {"1": ("2006-01-02", SENTENCES)}, ["Apple"], gold={})
    (tmp_path / "corpus_CAT").rename(tmp_path / "corpus_trackA_CAT")

    corpus = read_corpus(tmp_path)

    assert [d.doc_id for d in corpus.documents] == ["1"]
    assert corpus.entities == ["Apple"]
    assert corpus.gold is None


def test_the_documents_come_in_publication_order(tmp_path):
    write_corpus(tmp_path, {"1": ("2007-01-02", SENTENCES), "2": ("2006-01-02", SENTENCES)}, ["Apple"], gold={})

    assert [d.doc_id for d in read_corpus(tmp_path).documents] == ["2", "1"]


def test_a_folder_without_a_cat_folder_is_refused(tmp_path):
    with pytest.raises(CorpusError, match="no corpus_CAT/ or corpus_trackA_CAT/ folder"):
        read_corpus(tmp_path)


def test_entity_files_are_named_as_the_gold_names_them():
    assert entity_filename("Beatles Apple Corps") == "beatles_apple_corps.txt"
    assert entity_filename("iPhone 4") == "iphone_4.txt"


def test_a_creation_time_anchored_to_no_tokens_leaves_the_dateline_in_the_text(tmp_path):
    path = tmp_path / "9-test.xml"
    xml = cat_xml("9", "2006-03-28", SENTENCES)
    start = xml.index("CREATION_TIME")
    anchors = xml[xml.index(">", start) + 1 : xml.index("</TIMEX3>")]
    path.write_text(xml.replace(anchors, ""), encoding="utf-8")

    document = read_cat(path)

    assert document.text.startswith("March 28, 2006\n")
    assert document.created == dt.date(2006, 3, 28)
