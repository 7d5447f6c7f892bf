"""Calendar periods: weeks, weekends, months, quarters, seasons, years, decades, centuries, and offsets."""

import datetime as dt

from tests.temporal.helpers import news, only
from timeline.temporal import DocType, Precision, Reference, annotate


def test_last_this_and_next_week_are_iso_weeks():
    ref = news(2022, 9, 28)
    values = {t.text: t.value for t in annotate("Last week, this week, next week.", ref)}
    assert values == {"Last week": "2022-W38", "this week": "2022-W39", "next week": "2022-W40"}
    t = only("It was said last week.", ref, "last week")
    assert (t.start_date, t.end_date, t.precision) == (dt.date(2022, 9, 19), dt.date(2022, 9, 25), Precision.WEEK)


def test_last_weekend_is_saturday_and_sunday_of_the_previous_week():
    t = only("Last weekend saw a record number of crossings.", news(2022, 9, 28), "Last weekend")
    assert t.value == "2022-W38-WE"
    assert (t.start_date, t.end_date, t.precision) == (dt.date(2022, 9, 24), dt.date(2022, 9, 25), Precision.WEEKEND)


def test_earlier_and_later_this_week_month_year_keep_the_period_and_mark_the_part():
    ref = news(2022, 9, 28)
    earlier = only("Earlier this month, Russia rejected the claim.", ref, "Earlier this month")
    assert (earlier.value, earlier.mod) == ("2022-09", "START")
    assert only("A vote is due later this year.", ref, "later this year").value == "2022"
    assert only("He wrote earlier this week.", ref, "earlier this week").value == "2022-W39"


def test_last_month_and_next_year():
    ref = news(2022, 9, 28)
    month = only("Prices rose last month.", ref, "last month")
    assert (month.value, month.start_date, month.end_date) == ("2022-08", dt.date(2022, 8, 1), dt.date(2022, 8, 31))
    assert only("It ends next year.", ref, "next year").value == "2023"
    assert only("It began last year.", ref, "last year").value == "2021"


def test_last_december_in_february_is_the_previous_year():
    t = only("Last December, Griner was released in a swap.", news(2023, 2, 13), "Last December")
    assert t.value == "2022-12"
    assert t.precision == Precision.MONTH
    assert (
        t.explanation
        == "'Last December' in an article of 2023-02-13: the December before the reference month → 2022-12"
    )


def test_a_bare_past_month_is_the_latest_one_before_the_reference():
    assert only("The last such warning was in September.", news(2023, 2, 13), "September").value == "2022-09"
    assert only("Its invasion began in February.", news(2022, 9, 28), "February").value == "2022-02"


def test_a_month_just_ahead_with_a_future_verb_is_the_coming_one():
    assert only("The case will be heard in May.", news(2000, 3, 29), "May").value == "2000-05"
    assert only("It will pay down the loan by February.", news(1989, 10, 30), "February").value == "1990-02"


def test_used_to_be_held_is_a_past_habit_not_a_plan():
    assert only("The fair used to be held in May.", news(1999, 2, 10), "May").value == "1998-05"


def test_through_a_month_long_gone_this_year_is_not_next_years():
    # Reference 1989-10-27: the next August is ten months away, too far for a deadline.
    text = "Sales were flat this year through August."
    assert only(text, news(1989, 10, 27), "August").value == "1989-08"


def test_a_commitment_made_in_the_past_points_ahead():
    # Reference 1999-02-10: "has decided to admit ... in early March" is the coming March.
    text = "NATO has decided to admit Poland and Hungary in early March, an official said."
    assert only(text, news(1999, 2, 10), "early March").value == "1999-03"
    # A plain past verb still points back.
    assert only("NATO admitted Poland in early March.", news(1999, 5, 10), "early March").value == "1999-03"
    assert only("NATO admitted Poland in early March.", news(1999, 2, 10), "early March").value == "1998-03"


def test_a_participle_after_to_be_looks_ahead_instead_of_back():
    # Reference Monday 1989-10-30: "to be published" is a plan, not a past "-ed" verb.
    text = "He added that final guidelines to be published in early November will settle it."
    assert only(text, news(1989, 10, 30), "early November").value == "1989-11"


def test_the_third_quarter_is_the_reference_years_and_a_not_yet_begun_quarter_the_previous_years():
    assert only("Profit rose in the third quarter.", news(2022, 10, 20), "the third quarter").value == "2022-Q3"
    q = only("Sales fell in the fourth quarter.", news(1998, 1, 26), "the fourth quarter")
    assert (q.value, q.start_date, q.end_date, q.precision) == (
        "1997-Q4",
        dt.date(1997, 10, 1),
        dt.date(1997, 12, 31),
        Precision.QUARTER,
    )
    assert only("third-quarter profit", news(1989, 10, 26), "third-quarter").value == "1989-Q3"


def test_the_year_earlier_quarter_in_an_earnings_report():
    assert (
        only("Net fell from the year-earlier quarter.", news(1989, 10, 26), "the year-earlier quarter").value
        == "1988-Q3"
    )


def test_a_quarter_ended_on_a_named_month_end_is_the_calendar_quarter_it_mostly_covers():
    ref = news(1989, 10, 30)
    # May to July is mostly the second calendar quarter; the month-end taken is the latest one passed.
    assert only("In the quarter ended July 31, sales rose.", ref, "the quarter").value == "1989-Q2"
    assert only("Profit fell in the quarter ended Oct. 31.", ref, "the quarter").value == "1988-Q3"
    # a clause that looks ahead takes the coming month-end
    assert only("Sales will rise in the quarter ending March 31.", ref, "the quarter").value == "1990-Q1"


def test_seasons_follow_the_meteorological_calendar():
    ref = news(2022, 9, 28)
    spring = only("The offensive came last spring.", ref, "last spring")
    assert (spring.value, spring.start_date, spring.end_date, spring.precision) == (
        "2022-SP",
        dt.date(2022, 3, 1),
        dt.date(2022, 5, 31),
        Precision.SEASON,
    )
    winter = only("Troops dug in for the winter of 1941.", ref, "the winter of 1941")
    assert (winter.value, winter.start_date, winter.end_date) == ("1941-WI", dt.date(1941, 12, 1), dt.date(1942, 2, 28))


def test_years_decades_and_centuries():
    ref = news(2022, 9, 28)
    year = only("The treaty was signed in 1990.", ref, "1990")
    assert (year.value, year.start_date, year.end_date, year.precision) == (
        "1990",
        dt.date(1990, 1, 1),
        dt.date(1990, 12, 31),
        Precision.YEAR,
    )
    decade = only("Tension grew in the 1990s.", ref, "the 1990s")
    assert (decade.value, decade.start_date, decade.end_date, decade.precision) == (
        "199",
        dt.date(1990, 1, 1),
        dt.date(1999, 12, 31),
        Precision.DECADE,
    )
    century = only("It was built in the 19th century.", ref, "the 19th century")
    assert (century.value, century.start_date, century.end_date, century.precision) == (
        "18",
        dt.date(1800, 1, 1),
        dt.date(1899, 12, 31),
        Precision.CENTURY,
    )
    assert only("Results for fiscal 1989 were weak.", ref, "fiscal 1989").value == "1989"
    assert only("In nineteen ninety-six a bomb went off.", ref, "nineteen ninety-six").value == "1996"


def test_the_end_of_a_year_keeps_the_year_and_marks_the_end():
    t = only("Troops should leave by the end of 1990.", news(1989, 10, 26), "the end of 1990")
    assert (t.value, t.mod) == ("1990", "END")


def test_offsets_from_the_reference():
    ref = news(2022, 9, 28)
    assert only("He left three days ago.", ref, "three days ago").value == "2022-09-25"
    assert only("It was built five years ago.", ref, "five years ago").value == "2017"
    assert only("They met a month ago.", ref, "a month ago").value == "2022-08"


def test_a_week_earlier_is_the_week_before():
    assert only("A week earlier, the talks had failed.", news(2022, 9, 28), "A week earlier").value == "2022-W38"


def test_modern_wire_formats():
    ref = news(2023, 2, 13)
    iso = only("Posted 2022-09-28T10:00Z.", ref, "2022-09-28T10:00Z")
    assert (iso.value, iso.extra) == ("2022-09-28T10:00", {"timezone": "Z"})
    assert only("Q3 2022 results beat forecasts.", ref, "Q3 2022").value == "2022-Q3"
    assert only("Growth slowed in the first half of 2022.", ref, "the first half of 2022").value == "2022-H1"
    assert only("A deal is expected by mid-2023.", ref, "mid-2023").value == "2023"
    assert only("Prices rose late last year.", ref, "late last year").value == "2022"


def test_a_range_of_years_gives_both_ends():
    found = [
        (t.text, t.value) for t in annotate("During the Indochina War (1947-54), officers left.", news(2009, 12, 19))
    ]
    assert found == [("1947", "1947"), ("54", "1954")]


def test_a_year_written_at_the_end_of_a_range_covers_its_start():
    text = "Troops withdrew from May 15 to August 16, 1988."
    assert [t.value for t in annotate(text, news(2009, 12, 19))] == ["1988-05-15", "1988-08-16"]


def test_a_two_digit_year_is_the_latest_such_year_up_to_the_anchor():
    assert only("The class of '99 met again.", news(2009, 6, 1), "'99").value == "1999"


def test_the_year_at_the_end_of_a_month_or_season_range_covers_its_first_member():
    ref = Reference(dt.date(2009, 12, 19), doc_type=DocType.NARRATIVE)
    found = [(t.text, t.value) for t in annotate("In August/September 1956, the leadership met.", ref)]
    assert found == [("August", "1956-08"), ("September 1956", "1956-09")]
    found = [(t.text, t.value) for t in annotate("Troops arrived in the spring and summer of 1979.", ref)]
    assert found == [("the spring", "1979-SP"), ("summer of 1979", "1979-SU")]


def test_in_narrative_an_offset_from_an_event_counts_from_the_last_date_mentioned():
    ref = Reference(dt.date(2009, 12, 19), doc_type=DocType.NARRATIVE)
    text = "Girona fell on 5 February 1939. Five days after the fall of Girona, the army entered."
    assert [(t.text, t.value) for t in annotate(text, ref)] == [
        ("5 February 1939", "1939-02-05"),
        ("Five days after", "1939-02-10"),
    ]


def test_the_week_of_a_day_and_the_first_week_of_a_month_are_iso_weeks():
    ref = news(2000, 2, 24)
    assert only("A hearing the week of March 6 may settle it.", ref, "the week of March 6").value == "2000-W10"
    first = only("They meet in the first week of March.", ref, "the first week of March")
    assert (first.value, first.start_date, first.end_date) == ("2000-W09", dt.date(2000, 2, 28), dt.date(2000, 3, 5))


def test_a_narrative_before_the_common_era_counts_in_years_bc():
    ref = Reference(dt.date(2009, 12, 19), doc_type=DocType.NARRATIVE)
    text = "In 491 BC Darius sent envoys. The following year, his army landed. In August 480 BC the fleet sailed."
    found = [(t.text, t.value) for t in annotate(text, ref)]
    assert found == [("491 BC", "BC0491"), ("The following year", "BC0490"), ("August 480 BC", "BC0480-08")]
    assert [t.start_date for t in annotate(text, ref)] == [None, None, None]


def test_a_year_ago_is_a_quarter_only_in_a_report_on_quarterly_results():
    ref = news(1989, 10, 26)
    earnings = "Third-quarter profit rose to $5 million from $4 million a year ago."
    assert only(earnings, ref, "a year ago").value == "1988-Q3"
    population = "A quarter of the population moved; prices were lower a year ago."
    assert only(population, ref, "a year ago").value == "1988"


def test_a_holiday_week_the_reference_falls_in_is_that_week():
    # Reference Monday 2000-04-17; Easter was Sunday 2000-04-23, so its ISO week is 2000-W16.
    assert only("Protesters prayed as Easter week began.", news(2000, 4, 17), "Easter week").value == "2000-W16"
    # A week later it is still this year's Easter week that is past.
    assert only("Protesters prayed during Easter week.", news(2000, 5, 1), "Easter week").value == "2000-W16"


def test_election_day_is_the_tuesday_after_the_first_monday_of_november():
    # Reference 1998-10-26: Election Day 1998 was Tuesday, Nov. 3; in 2022 it fell on Nov. 8 (Nov. 1 was a Tuesday).
    text = "It is the theme of our campaign from now to Election Day."
    assert only(text, news(1998, 10, 26), "Election Day").value == "1998-11-03"
    assert only("Voters turn out on Election Day.", news(2022, 10, 20), "Election Day").value == "2022-11-08"


def test_an_un_adjective_after_the_month_is_no_past_verb():
    # Reference 1998-02-13: "will almost double ... by August" is the coming August; "untouched" is an adjective.
    text = (
        "Qantas will almost double its flights between Australia and India by August"
        " in the search for markets untouched by the crisis."
    )
    assert only(text, news(1998, 2, 13), "August").value == "1998-08"


def test_a_date_before_a_commitment_is_when_it_was_made():
    ref = news(1999, 6, 10)
    assert only("In March, the company agreed to buy the unit.", ref, "March").value == "1999-03"
    assert only("On Tuesday, the board voted to sell it.", ref, "Tuesday").value == "1999-06-08"
    # After the commitment, the date is the one committed to.
    assert only("The board voted to sell it on Tuesday.", ref, "Tuesday").value == "1999-06-15"


def test_an_approximate_count_ago_is_one_timex_marked_approximate():
    t = only("Then, a week or so ago, the general picked Saturday.", news(1991, 2, 25), "a week or so ago")
    assert (t.value, t.mod, t.rule) == ("1991-W08", "APPROX", "offset")
    assert only("It closed a month or two ago.", news(1991, 2, 25), "a month or two ago").value == "1991-01"


def test_a_capitalised_period_after_an_opening_quote_mid_sentence_is_a_programme():
    hits = annotate('Baker, speaking on ABC News\' "This Week," said the request was fair.', news(1990, 8, 13))
    assert [t.text for t in hits] == []


def test_the_following_or_previous_month_counts_from_the_date_last_mentioned():
    ref = news(2023, 2, 15)
    text = "Schools closed in March 2020 and reopened the following September."
    assert only(text, ref, "the following September").value == "2020-09"
    text = "In May 2019 he left; that September he returned; the previous January he had quit."
    values = {t.text: t.value for t in annotate(text, ref)}
    assert values["that September"] == "2019-09"
    assert values["the previous January"] == "2019-01"


def test_the_year_or_day_before_counts_back_from_the_date_last_mentioned():
    ref = news(2023, 2, 15)
    assert only("The year before, the company lost $2 billion.", ref, "The year before").value == "2022"
    text = "Sales peaked in 2019. The year after, they fell by half."
    assert only(text, ref, "The year after").value == "2020"
    assert only("The day before, police had raided the house.", ref, "The day before").value == "2023-02-14"
