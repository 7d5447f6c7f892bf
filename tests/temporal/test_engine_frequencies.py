"""Frequencies: how often something recurs is a SET ("twice a year" P1Y, freq 2X), never a date."""

from tests.temporal.helpers import news, only
from timeline.temporal import TimexType, annotate


def test_twice_a_year_is_a_yearly_set_that_happens_two_times():
    t = only("The committee reviews the fees twice a year.", news(2024, 2, 6), "twice a year")
    assert (t.type, t.value, t.extra["freq"]) == (TimexType.SET, "P1Y", "2X")
    assert t.start_date is None


def test_a_count_of_times_per_week_is_a_weekly_set():
    t = only("Patients visit the clinic four times per week.", news(2024, 2, 6), "four times per week")
    assert (t.type, t.value, t.extra["freq"]) == (TimexType.SET, "P1W", "4X")


def test_an_ordinal_before_annual_makes_it_a_yearly_set():
    t = only("The insurer reported its second annual deficit.", news(2024, 2, 6), "annual")
    assert (t.type, t.value) == (TimexType.SET, "P1Y")


def test_a_bare_annual_is_left_alone():
    assert annotate("Shareholders gathered for the annual meeting.", news(2024, 2, 6)) == []


def test_each_season_in_a_sports_report_recurs_yearly():
    t = only("The club sells out its stadium each season.", news(2024, 2, 6), "each season")
    assert (t.type, t.value) == (TimexType.SET, "P1Y")


def test_every_winter_is_the_set_of_winters_not_a_date():
    t = only("The road closes every winter.", news(2024, 2, 6), "every winter")
    assert (t.type, t.value) == (TimexType.SET, "XXXX-WI")
