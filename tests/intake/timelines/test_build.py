"""An entity's timeline from found events: which take part, one line per event, ordered by date."""

import datetime as dt

import pytest

from intake.timelines.build import FoundEvent, FoundMention, article_days, entity_timeline, known_date
from intake.timelines.corpus import read_cat
from tests.intake.timelines.helpers import cat_xml

ONE = ["Acme news", "May 2 , 2006", "Acme launched the Zephyr .", "Acme said sales grew ."]
TWO = ["More news", "May 9 , 2006", "Zephyr launch praised .", "Rivals sued Acme ."]


@pytest.fixture
def documents(tmp_path):
    found = {}
    for doc_id, created, sentences in (("1", "2006-05-02", ONE), ("2", "2006-05-09", TWO)):
        path = tmp_path / f"{doc_id}.xml"
        path.write_text(cat_xml(doc_id, created, sentences), encoding="utf-8")
        found[doc_id] = read_cat(path)
    return found


def _mention(documents, doc_id, word, names=()):
    document = documents[doc_id]
    start = document.text.index(word)
    line = document.text[:start].count("\n")
    return FoundMention(doc_id, start, document.text.splitlines()[line], tuple(names))


def test_one_event_cited_by_two_articles_is_one_line_with_both_mentions(documents):
    launch = FoundEvent(
        1, "2006-05-01", dt.date(2006, 5, 1), (_mention(documents, "1", "launched"), _mention(documents, "2", "launch"))
    )

    timeline = entity_timeline(entity="Zephyr", events=[launch], documents=documents, match="words")

    assert [(line.order, line.date, line.mentions) for line in timeline.lines] == [
        (1, "2006-05-01", ("1-2-launched", "2-2-launch"))
    ]


def test_events_are_ordered_by_date_with_undated_ones_at_zero_and_one_position_per_date(documents):
    events = [
        FoundEvent(1, "2006-05", dt.date(2006, 5, 1), (_mention(documents, "1", "said"),)),
        FoundEvent(2, "", None, (_mention(documents, "2", "sued"),)),
        FoundEvent(3, "2006", dt.date(2006, 1, 1), (_mention(documents, "1", "launched"),)),
        FoundEvent(4, "2006-05", dt.date(2006, 5, 1), (_mention(documents, "1", "grew"),)),
    ]

    timeline = entity_timeline(entity="Acme", events=events, documents=documents, match="words")

    assert [(line.order, line.date, line.mentions) for line in timeline.lines] == [
        (0, "XXXX-XX-XX", ("2-3-sued",)),
        (1, "2006-XX-XX", ("1-2-launched",)),
        (2, "2006-05-XX", ("1-3-grew",)),
        (2, "2006-05-XX", ("1-3-said",)),
    ]


def test_actors_match_by_the_readers_names_and_words_by_the_sentence(documents):
    named = FoundEvent(1, "", None, (_mention(documents, "2", "praised", names=("Zephyr",)),))
    unnamed = FoundEvent(2, "", None, (_mention(documents, "1", "launched"),))  # "Zephyr" in its sentence only

    by_actors = entity_timeline(entity="Zephyr", events=[named, unnamed], documents=documents, match="actors")
    by_words = entity_timeline(entity="Zephyr", events=[named, unnamed], documents=documents, match="words")
    both = entity_timeline(entity="Zephyr", events=[named, unnamed], documents=documents, match="both")

    assert [line.mentions for line in by_actors.lines] == [("2-2-praised",)]
    assert sorted(line.mentions for line in by_words.lines) == [("1-2-launched",), ("2-2-praised",)]
    assert len(both.lines) == 2


def test_an_articles_day_is_its_first_event_dated_shortly_before_publication(documents):
    early = FoundEvent(1, "2006-04-30", dt.date(2006, 4, 30), (_mention(documents, "1", "launched"),))
    long_ago = FoundEvent(2, "1999-01-01", dt.date(1999, 1, 1), (_mention(documents, "2", "praised"),))

    days = article_days([early, long_ago], documents)

    assert days == {"1": dt.date(2006, 4, 30), "2": dt.date(2006, 5, 9)}  # else the publication day


def test_a_week_inside_one_month_is_that_month_and_a_decade_is_not_a_date():
    assert known_date(dt.date(2006, 3, 27), dt.date(2006, 4, 2), "week") == "2006"
    assert known_date(dt.date(2006, 3, 20), dt.date(2006, 3, 26), "week") == "2006-03"
    assert known_date(dt.date(2006, 3, 28), dt.date(2006, 3, 28), "day") == "2006-03-28"
    assert known_date(dt.date(1980, 1, 1), dt.date(1989, 12, 31), "decade") == ""


def test_governing_verbs_join_the_reader_events_dated_by_their_own_date_or_their_articles_day(documents):
    launch = FoundEvent(1, "2006-04-30", dt.date(2006, 4, 30), (_mention(documents, "1", "launched"),))

    timeline = entity_timeline(
        entity="Acme",
        events=[launch],
        documents=documents,
        match="words",
        governed=[("1-2-launched", ""), ("1-3-said", ""), ("2-3-sued", ""), ("2-2-praised", "2005")],
    )

    assert [(line.order, line.date, line.mentions) for line in timeline.lines] == [
        (1, "2005-XX-XX", ("2-2-praised",)),  # a verb with its own date keeps it
        (2, "2006-04-30", ("1-2-launched",)),  # the reader's, not repeated
        (2, "2006-04-30", ("1-3-said",)),
        (3, "2006-05-09", ("2-3-sued",)),
    ]
