"""Constructions of 2020s news the engine used to get wrong, one test each."""

import datetime as dt

from tests.temporal.helpers import news, only
from timeline.temporal import Precision, TimexType, annotate, resolve_expression

REF = news(2024, 5, 15)  # a Wednesday


def test_a_clock_time_in_utc_carries_z_in_its_value_and_takes_the_day_beside_it():
    t = only("The launch is set for 12:00 UTC Monday.", REF, "12:00 UTC Monday")
    assert (t.value, t.type, t.extra["timezone"]) == ("2024-05-20T12:00Z", TimexType.TIME, "UTC")


def test_a_bracketed_offset_from_gmt_is_part_of_the_time_and_of_its_value():
    t = only("The plane landed at 6:40 p.m. (GMT +8) on Tuesday.", REF, "6:40 p.m. (GMT +8) on Tuesday")
    assert t.value == "2024-05-14T18:40+08"
    assert only("The vote closes at 21:00 UTC+5:30.", REF, "21:00 UTC+5:30").value == "2024-05-15T21:00+0530"


def test_a_regional_zone_name_stays_out_of_the_value_as_news_annotation_keeps_it_local():
    t = only("Polls open at 9 a.m. EST.", REF, "9 a.m. EST")
    assert (t.value, t.extra["timezone"]) == ("2024-05-15T09:00", "EST")


def test_the_same_month_a_year_ago_is_that_month_of_last_year_not_this_one():
    t = only("Sales fell 5% from the same month a year ago.", REF, "the same month a year ago")
    assert (t.value, t.start_date, t.end_date) == ("2023-05", dt.date(2023, 5, 1), dt.date(2023, 5, 31))
    t = only("Sales in April rose 4% from the same month last year.", REF, "the same month last year")
    assert t.value == "2023-04"  # the month it points back to, a year before


def test_the_year_previous_with_the_relation_word_after_the_unit_is_the_year_before():
    assert only("Prices rose 3% from the year previous.", REF, "the year previous").value == "2023"
    assert only("Output fell from the month prior.", REF, "the month prior").value == "2024-04"


def test_a_range_of_years_recorded_as_one_expression_keeps_its_second_year():
    t = resolve_expression("from 2009 to 2011", REF)
    assert (t.value, t.start_date, t.end_date, t.precision) == (
        "2009/2011",
        dt.date(2009, 1, 1),
        dt.date(2011, 12, 31),
        Precision.YEAR,
    )
    context = "Prices climbed between 2014 and 2016, the agency said."
    t = resolve_expression("between 2014 and 2016", REF, context=context)
    assert (t.text, t.value, t.end_date) == ("2014 and 2016", "2014/2016", dt.date(2016, 12, 31))


def test_running_text_keeps_the_two_years_of_a_range_apart_as_timeml_does():
    assert [(t.text, t.value) for t in annotate("He served from 2009 to 2011.", REF)] == [
        ("2009", "2009"),
        ("2011", "2011"),
    ]


def test_later_this_year_covers_what_is_left_of_the_year_and_earlier_this_month_what_came_before():
    t = only("Elections will be held later this year.", REF, "later this year")
    assert (t.value, t.mod, t.start_date, t.end_date) == ("2024", "END", dt.date(2024, 5, 16), dt.date(2024, 12, 31))
    t = only("The firm cut jobs earlier this month.", REF, "earlier this month")
    assert (t.value, t.mod, t.start_date, t.end_date) == ("2024-05", "START", dt.date(2024, 5, 1), dt.date(2024, 5, 14))
    t = only("Rates will rise late this year.", REF, "late this year")
    assert (t.start_date, t.end_date) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )  # a part of the year, not "after now"


def test_the_last_week_of_a_month_is_the_last_week_with_most_of_its_days_in_it():
    # March 31, 2021 was a Wednesday: its ISO week is mostly April
    t = only("Talks resumed in the last week of March 2021.", REF, "the last week of March 2021")
    assert (t.value, t.start_date, t.end_date) == ("2021-W12", dt.date(2021, 3, 22), dt.date(2021, 3, 28))
    # March 1, 2024 was a Friday: the first week of March starts on the 4th
    assert only("Sales rose in the first week of March.", REF, "the first week of March").value == "2024-W10"


def test_over_before_the_past_is_a_preposition_not_more_than():
    t = only("Over the past 12 months, prices rose 3.4%.", REF, "the past 12 months")
    assert (t.value, t.mod) == ("P12M", None)
    assert only("The repairs took over a year.", REF, "over a year").mod == "MORE_THAN"


def test_end_with_a_hyphen_marks_the_end_of_a_year_or_month():
    t = only("By end-2025, the plan is due.", REF, "end-2025")
    assert (t.value, t.mod) == ("2025", "END")
    t = only("Stocks had recovered at end-March, the bank said.", REF, "end-March")
    assert (t.value, t.mod) == ("2024-03", "END")


def test_the_week_before_last_is_two_weeks_back_from_publication():
    assert only("It happened the week before last.", REF, "the week before last").value == "2024-W18"
    assert only("He came the year before last, and left.", REF, "the year before last").value == "2022"


def test_fiscal_years_and_seasons_written_short_are_years():
    assert only("Revenue for FY24 rose 8%.", REF, "FY24").value == "2024"
    assert [(t.text, t.value) for t in annotate("The 2023/24 season ended.", REF)] == [
        ("2023", "2023"),
        ("24", "2024"),
    ]


def test_overnight_before_a_weekday_is_that_day_s_night():
    t = only("The storm hit overnight Tuesday.", REF, "overnight Tuesday")
    assert (t.value, t.type) == ("2024-05-14TNI", TimexType.TIME)


def test_the_end_of_the_decade_is_a_date_though_the_decade_alone_is_not():
    t = only("Emissions must halve by the end of the decade.", REF, "the end of the decade")
    assert (t.value, t.mod) == ("202", "END")
    assert annotate("Prices rose over the decade.", REF) == []
