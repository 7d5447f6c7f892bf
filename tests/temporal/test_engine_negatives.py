"""Words that look like dates and are not: the modal "may", the verb "march", "Sun", numbers, ordinals."""

import datetime as dt

import pytest

from timeline.temporal import Reference, annotate

REF = Reference(dt.date(2022, 9, 28))


@pytest.mark.parametrize(
    "text",
    [
        "Assistance for U.S. citizens departing Russia may be severely limited.",
        "Russia may refuse to acknowledge dual nationals.",
        "Protesters march on the Kremlin.",
        "They will March to the square.",
        "The Sun reported the story first.",
        "He read it in the Sun.",
        "More than 50,000 Russians crossed; 7,052 entered; 300,000 reservists were called.",
        "It was the first time; the second wave; a third attempt.",
        "He finished fourth in the race and second overall.",
        "A 6-year-old boy and a 44-year-old man survived.",
        "Shares rose 2000 points, to 1,995.",
        "They will fall back; prices fall sharply after the market's fall of 3%.",
        # a title, not a day
        "He told USA Today about it; this is VOA Today.",
        # an era, not a day
        "The case is for today's youth what the blockade was for their parents.",
        "If I were choosing the people of tomorrow, I would choose them.",
    ],
)
def test_no_timex_is_found_in(text):
    assert [(t.text, t.value) for t in annotate(text, REF)] == []


def test_may_as_a_month_is_still_found():
    assert [t.value for t in annotate("The talks end in May.", REF)] == ["2022-05"]
    assert [t.value for t in annotate("It opened May 5, 2021.", REF)] == ["2021-05-05"]


def test_march_as_a_month_is_still_found():
    assert [t.value for t in annotate("Since March, the army has advanced.", REF)] == ["2022-03"]


def test_empty_and_dateless_text_give_nothing():
    assert annotate("", REF) == []
    assert annotate("No dates here at all.", REF) == []


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_references_at_the_edges_of_the_calendar_never_raise(day):
    text = "Last week, this week, next year, 1/1/1, tomorrow at noon, three days ago, early this week, the 1990s."
    for t in annotate(text, Reference(day)):
        assert text[t.start : t.end] == t.text


def test_the_fall_in_prices_and_the_winter_olympics_are_not_seasons():
    assert annotate("The fall in prices hurt exporters.", REF) == []
    assert [t.text for t in annotate("Athletes went to the Winter Olympics.", REF)] == []
    assert [t.value for t in annotate("He was shot last fall in his home.", REF)] == ["2021-FA"]


def test_a_preposition_inside_a_word_does_not_license_a_season():
    assert annotate("That sale could still fall through.", REF) == []


def test_temperatures_in_the_40s_and_ages_in_his_30s_are_not_decades():
    assert annotate("Water temperatures in the 40s shocked the turtles.", REF) == []
    assert annotate("He was in his 30s.", REF) == []
    assert [t.value for t in annotate("Music of the '40s returned.", REF)] == ["194"]
