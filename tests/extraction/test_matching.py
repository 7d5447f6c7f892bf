"""Putting a citation on an existing event: dates, words, actors and wire copy."""

import datetime as dt

from timeline.extraction import EventCandidate, Mention, ProposedCitation, match_event
from timeline.extraction.citations import event_keywords
from timeline.temporal import Timex, TimexType


def citation(sentence: str, day: dt.date | None, *, actors=(), speakers=(), end: dt.date | None = None):
    timex = None
    if day is not None:
        timex = Timex(0, 1, "x", TimexType.DATE, day.isoformat(), day, end or day)
    return ProposedCitation(
        0,
        len(sentence),
        sentence,
        timex,
        title=sentence,
        actors=tuple(Mention(a, 0, 0, "organisation") for a in actors),
        keywords=event_keywords(sentence),
        speakers=tuple(Mention(s, 0, 0, "organisation") for s in speakers),
    )


def event(key: str, sentence: str, day: dt.date | None, *, actors=(), speakers=(), end=None) -> EventCandidate:
    return EventCandidate(
        key,
        sentence,
        day,
        end or day,
        actor_names=tuple(actors),
        keywords=event_keywords(sentence),
        sentences=(sentence,),
        speaker_names=tuple(speakers),
    )


TUE, WED = dt.date(2024, 3, 5), dt.date(2024, 3, 6)
FLOOD = "The river burst its banks and flooded the old town, forcing hundreds of families from their homes."


def test_the_same_wire_copy_is_one_event_even_when_outlets_date_it_differently():
    copy = "The river burst its banks and flooded the old town, forcing hundreds of families out of their homes."

    match = match_event(citation(copy, dt.date(2024, 1, 2)), [event("e1", FLOOD, TUE)])

    assert match.key == "e1" and "same wire copy" in match.reasons


def test_a_day_apart_is_near_enough_when_the_words_agree():
    report = "Hundreds of families were forced from their homes when the river flooded the old town."

    match = match_event(citation(report, WED), [event("e1", FLOOD, TUE)])

    assert match.key == "e1"
    assert "dates 1 day apart" in match.reasons


def test_dates_far_apart_are_never_the_same_happening():
    report = "Hundreds of families were forced from their homes when the river flooded the old town."

    assert match_event(citation(report, dt.date(2024, 2, 1)), [event("e1", FLOOD, TUE)]) is None


def test_a_day_within_a_month_agrees():
    report = "Hundreds of families were forced from their homes when the river flooded the old town."

    match = match_event(citation(report, dt.date(2024, 3, 1), end=dt.date(2024, 3, 31)), [event("e1", FLOOD, TUE)])

    assert match.key == "e1" and "dates agree" in match.reasons


def test_the_same_day_alone_is_not_enough():
    other = "The central bank raised its interest rate by half a point."

    assert match_event(citation(other, TUE), [event("e1", FLOOD, TUE)]) is None


def test_one_institution_on_one_day_is_one_happening_even_in_other_words():
    first = "The Harbour Board closed berths four and five."
    second = "Ships were told to wait outside the port, the Harbour Board said."

    match = match_event(
        citation(second, TUE, actors=["Harbour Board"]), [event("e1", first, TUE, actors=["Harbour Board"])]
    )

    assert match.key == "e1" and "1 shared actor" in match.reasons


def test_what_different_people_said_on_one_day_are_different_events():
    said = "The minister said the flood defences had failed in the old town."
    rebuttal = "The engineer said the flood defences had not failed in the old town."

    candidates = [event("e1", said, TUE, speakers=["Joan Okafor"])]

    assert match_event(citation(rebuttal, TUE, speakers=["Amos Reyes"]), candidates) is None


def test_the_best_of_several_candidates_is_chosen():
    report = "Hundreds of families were forced from their homes when the river flooded the old town."
    candidates = [
        event("rates", "The central bank raised its interest rate by half a point.", TUE),
        event("flood", FLOOD, TUE),
    ]

    assert match_event(citation(report, TUE), candidates).key == "flood"


def test_no_candidates_means_a_new_event():
    assert match_event(citation(FLOOD, TUE), []) is None
