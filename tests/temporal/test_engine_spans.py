"""Durations, sets, *_REF values and clock times."""

import datetime as dt

from tests.temporal.helpers import news, only
from timeline.temporal import Precision, Reference, TimexType, annotate

REF = news(2022, 9, 28)


def test_durations_have_iso_values_and_no_interval():
    text = "She was sentenced to nine years; the eight-month war; over the past week; 24 hours later."
    found = {t.text: (t.value, t.type) for t in annotate(text, REF)}
    assert found["nine years"] == ("P9Y", TimexType.DURATION)
    assert found["eight-month"] == ("P8M", TimexType.DURATION)
    assert found["the past week"] == ("P1W", TimexType.DURATION)  # "over" is the preposition here
    t = only("It lasted 24 hours.", REF, "24 hours")
    assert (t.value, t.start_date, t.end_date, t.precision) == ("PT24H", None, None, None)


def test_fractions_and_vague_counts_in_durations():
    assert only("It took 2 1/2 years.", REF, "2 1/2 years").value == "P2Y6M"
    assert only("It took several months.", REF, "several months").value == "PXM"
    assert only("It took a couple of years.", REF, "a couple of years").value == "P2Y"


def test_amount_modifiers_go_into_mod():
    t = only("It took more than four hours.", REF, "more than four hours")
    assert (t.value, t.mod) == ("PT4H", "MORE_THAN")
    assert only("It took nearly two years.", REF, "nearly two years").mod == "LESS_THAN"


def test_sets():
    found = {t.text: (t.value, t.type) for t in annotate("They meet every Monday and publish weekly, annually.", REF)}
    assert found == {
        "every Monday": ("XXXX-WXX-1", TimexType.SET),
        "weekly": ("P1W", TimexType.SET),
        "annually": ("P1Y", TimexType.SET),
    }
    assert only("Flights leave on Tuesday nights.", REF, "Tuesday nights").value == "XXXX-WXX-2TNI"
    assert only("He visits each July.", REF, "each July").value == "XXXX-07"


def test_present_past_and_future_references():
    text = "He is now in custody, currently held; he was recently moved, and borders may close in the near future."
    found = {t.text: t.value for t in annotate(text, REF)}
    assert found == {
        "now": "PRESENT_REF",
        "currently": "PRESENT_REF",
        "recently": "PAST_REF",
        "the near future": "FUTURE_REF",
    }
    assert only("Things were different in the past.", REF, "the past").value == "PAST_REF"


def test_now_opening_a_sentence_is_a_discourse_marker():
    assert annotate("Now, the alliance's mission is less clear.", REF) == []


def test_clock_times_take_the_reference_date_or_the_day_named_beside_them():
    t = only("The alert went out at 3 p.m. local time.", REF, "3 p.m.")
    assert (t.value, t.type, t.precision, t.start_date) == (
        "2022-09-28T15:00",
        TimexType.TIME,
        Precision.TIME,
        REF.date,
    )
    gmt = only("Trading opens at 09:00 GMT.", REF, "09:00 GMT")
    assert gmt.value == "2022-09-28T09:00Z"  # a time given in UTC says so in its value
    assert gmt.extra == {"timezone": "GMT"}
    assert only("The deadline is 9 a.m. EST Tuesday.", REF, "9 a.m. EST Tuesday").value == "2022-09-27T09:00"
    assert (
        only("It occurred at about 10:35 a.m. (0735 GMT) Friday.", REF, "about 10:35 a.m.").value == "2022-09-23T10:35"
    )
    assert only("They left at noon.", REF, "noon").value == "2022-09-28T12:00"


def test_hours_ago_use_the_publication_time_when_it_is_known():
    ref = Reference(dt.date(2023, 2, 13), time=dt.time(1, 30))
    t = only("The blast came three hours ago.", ref, "three hours ago")
    assert (t.value, t.type, t.start_date) == ("2023-02-12T22:30", TimexType.TIME, dt.date(2023, 2, 12))
    assert only("The blast came three hours ago.", news(2023, 2, 13), "three hours ago").value == "2023-02-13"


def test_military_times_with_a_zone_are_clock_times_not_years():
    t = only("The strike came at 1800 GMT.", REF, "1800 GMT")
    assert (t.value, t.extra) == ("2022-09-28T18:00Z", {"timezone": "GMT"})
    assert [x.value for x in annotate("The project took more than 1000 hours.", REF)] == ["PT1000H"]


def test_and_a_half_and_the_middle_of_the_afternoon():
    assert only("It took an hour and a half.", REF, "an hour and a half").value == "PT1H30M"
    t = only("At mid-afternoon yesterday, shares were up.", REF, "mid-afternoon yesterday")
    assert (t.value, t.mod, t.type) == ("2022-09-27TAF", "MID", TimexType.TIME)


def test_a_duration_from_now_is_a_duration_and_the_present_as_timeml_annotates_it():
    found = [(t.text, t.type, t.value) for t in annotate("The bridge may open five years from now.", news(2024, 1, 9))]
    assert found == [("five years", TimexType.DURATION, "P5Y"), ("now", TimexType.DATE, "PRESENT_REF")]


def test_the_first_half_of_a_range_takes_the_unit_written_after_the_second():
    text = "Repairs will take between six and nine weeks, the council said."
    found = [(t.text, t.value) for t in annotate(text, news(2024, 1, 9))]
    assert found == [("six", "P6W"), ("nine weeks", "P9W")]


def test_a_range_of_ages_or_of_counts_has_no_first_half_to_tag():
    ref = news(2024, 1, 9)
    assert annotate("Voters between 18 and 24 years old stayed home.", ref) == []
    assert annotate("Between 40 and 50 people gathered.", ref) == []


def test_a_finishing_time_with_seconds_is_a_duration_not_a_time_of_day():
    t = only("The winner crossed the line in 2:11:04 after a late surge.", news(2024, 4, 16), "2:11:04")
    assert (t.type, t.value, t.start_date) == (TimexType.DURATION, "PT2H11M4S", None)


def test_a_time_of_with_tenths_of_a_second_keeps_them():
    t = only("She set a time of 0:52:07.3 in the heats.", news(2024, 4, 16), "0:52:07.3")
    assert t.value == "PT52M7.3S"


def test_a_clock_time_with_seconds_and_no_in_stays_a_time_of_day():
    t = only("The rocket lifted off at 14:03:20 GMT.", news(2024, 4, 16), "14:03:20 GMT")
    assert (t.type, t.value) == (TimexType.TIME, "2024-04-16T14:03Z")


def test_between_one_number_to_another_splits_the_range_too():
    found = [(t.text, t.value) for t in annotate("Delivery takes between three to five days.", news(2024, 1, 9))]
    assert found == [("three", "P3D"), ("five days", "P5D")]


def test_a_range_without_between_stays_one_vague_length():
    assert only("Delivery takes three to five days.", news(2024, 1, 9), "three to five days").value == "PXD"
