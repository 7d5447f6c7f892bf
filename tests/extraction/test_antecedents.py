"""Antecedents: the other happening a sentence names ("after the board approved the merger"), read
from the parse on sentences written for the test, and matched to the event that reports it."""

import datetime as dt

from timeline.extraction import Antecedent, EventCandidate, Mention, Trigger, match_antecedent

from .helpers import read
from .needs_model import requires_model
from .test_matching import citation

D = dt.date


def antecedents(text: str) -> list[tuple[str, str, list[str]]]:
    (found,) = read(text).citations
    return [(a.text, a.relation, sorted(a.core)) for a in found.antecedents]


@requires_model
def test_a_clause_after_after_is_the_happening_before():
    text = "The strike began on Monday after the airline's board cancelled the pay agreement."
    assert antecedents(text) == [
        ("after the airline's board cancelled the pay agreement", "before", ["agre", "board", "cancell"])
    ]


@requires_model
def test_an_event_noun_after_following_is_one_and_a_stretch_of_time_is_not():
    assert antecedents("Shares fell 9% on Tuesday following the collapse of the merger talks.") == [
        ("following the collapse of the merger talks", "before", ["collaps"])
    ]
    assert antecedents("The mayor resigned on Tuesday after two years in office.") == []


@requires_model
def test_what_a_happening_brought_about_comes_after_it():
    text = "The verdict, announced by the court on Monday, has sparked protests in several cities."
    assert antecedents(text) == [("sparked protests in several cities", "after", ["protest"])]


@requires_model
def test_a_person_named_only_in_the_antecedent_is_no_actor_of_the_sentence():
    text = "The embassy issued a travel warning on Tuesday after President Ana Ruiz ordered a general strike."
    (found,) = read(text).citations
    assert "Ana Ruiz" not in {a.name for a in found.actors}
    assert [m.name for m in found.antecedents[0].actors] == ["Ana Ruiz"]


def antecedent(text: str, core: set[str], *, relation: str = "before", actors=()) -> Antecedent:
    from timeline.extraction.citations import event_keywords

    return Antecedent(
        text,
        0,
        len(text),
        Trigger("x", 0, 1),
        relation=relation,
        core=frozenset(core),
        keywords=event_keywords(text),
        actors=tuple(Mention(a, 0, 0, "person") for a in actors),
    )


def strike(key: str, day: dt.date, core: set[str]) -> EventCandidate:
    sentence = "President Ana Ruiz ordered a general strike of the public services."
    return EventCandidate(
        key, sentence, day, day, actor_names=("Ana Ruiz",), sentences=(sentence,), core=frozenset(core)
    )


WARNING = "The embassy issued a travel warning on Tuesday."


def test_the_antecedent_is_the_event_whose_happening_it_names_and_that_came_before():
    ant = antecedent("after President Ana Ruiz ordered a general strike", {"order", "strike"}, actors=["Ana Ruiz"])
    warning = citation(WARNING, D(2024, 3, 5))
    from dataclasses import replace

    warning = replace(warning, antecedents=(ant,))

    match = match_antecedent(warning, [strike("before", D(2024, 3, 1), {"order", "strike"})])
    assert match is not None and match.key == "before"
    assert any("named as what came before" in r for r in match.reasons)
    # A week later than the warning it came before: not that happening.
    assert match_antecedent(warning, [strike("later", D(2024, 3, 12), {"order", "strike"})]) is None
    # An event that only mentions a strike in passing (its own happening is a vote) is not it.
    assert match_antecedent(warning, [strike("vote", D(2024, 3, 1), {"vote", "parliament"})]) is None


@requires_model
def test_a_possibility_or_a_denial_places_nothing_after_the_antecedent():
    text = "The embassy warned on Tuesday that dual nationals may be drafted following the mobilisation."
    assert antecedents(text) == []
    assert antecedents("The army said on Monday that its troops did not leave after the ceasefire.") == []
    assert antecedents("The embassy told citizens on Friday they should leave after the vote on the budget.") == [
        ("after the vote on the budget", "before", ["vote"])
    ]
