"""The past-tense verbs governing an entity's mention, and "he" for a person the article has named."""

import pytest

from intake.timelines.corpus import read_cat
from intake.timelines.verbs import governing_verbs, is_person, parse_documents
from tests.intake.timelines.helpers import cat_xml
from timeline.extraction import nlp

pytestmark = pytest.mark.skipif(not nlp.is_available(), reason="the spaCy model is not installed")

SENTENCES = [
    "Jobs profile",
    "May 2 , 2006",
    "Steve Jobs founded NeXT in 1985 .",
    "He returned to Apple in 1996 .",
    "Apple cut 5,000 jobs and sales fell .",
]


@pytest.fixture
def documents(tmp_path):
    path = tmp_path / "5.xml"
    path.write_text(cat_xml("5", "2006-05-02", SENTENCES), encoding="utf-8")
    return [read_cat(path)]


def test_the_verbs_governing_a_person_and_the_he_that_follows_are_found_and_others_not(documents):
    found = governing_verbs(entity="Steve Jobs", documents=documents, parses=parse_documents(documents))

    # "cut" and "fell" are Apple's and the sales'; each verb takes the year that depends on it.
    assert found == [("5-2-founded", "1985"), ("5-3-returned", "1996")]


def test_he_is_not_read_as_a_person_the_article_has_not_named(documents):
    found = governing_verbs(entity="Tim Cook", documents=documents, parses=parse_documents(documents))

    assert found == []


def test_a_speech_verb_is_the_entitys_only_when_the_entity_speaks(tmp_path):
    sentences = ["News", "May 2 , 2006", "Apple said the Zephyr sold well .", "Steve Jobs said sales rose ."]
    path = tmp_path / "6.xml"
    path.write_text(cat_xml("6", "2006-05-02", sentences), encoding="utf-8")
    documents = [read_cat(path)]
    parses = parse_documents(documents)

    assert governing_verbs(entity="Zephyr", documents=documents, parses=parses) == [("6-2-sold", "")]
    assert governing_verbs(entity="Steve Jobs", documents=documents, parses=parses) == [("6-3-said", "")]


def test_an_organisation_with_a_two_word_name_gets_no_he(tmp_path):
    sentences = ["News", "May 2 , 2006", "General Motors cut 5,000 jobs in Detroit .", "He resigned ."]
    path = tmp_path / "7.xml"
    path.write_text(cat_xml("7", "2006-05-02", sentences), encoding="utf-8")
    documents = [read_cat(path)]
    parses = parse_documents(documents)

    assert is_person("General Motors", documents, parses) is False
    assert governing_verbs(entity="General Motors", documents=documents, parses=parses) == [("7-2-cut", "")]
