"""Days: weekdays by tense, parts of the day, today/yesterday/tomorrow, and dates with or without a year."""

import datetime as dt

from tests.temporal.helpers import news, only
from timeline.temporal import Precision, TimexType, annotate


def test_a_bare_weekday_in_a_past_report_is_the_latest_one_on_or_before_the_reference():
    t = only("Peskov told reporters on Tuesday that the vote was legal.", news(2022, 9, 28), "Tuesday")
    assert t.value == "2022-09-27"
    assert (t.start_date, t.end_date, t.precision) == (dt.date(2022, 9, 27), dt.date(2022, 9, 27), Precision.DAY)
    assert t.rule == "weekday"
    assert "2022-09-28" in t.explanation


def test_the_reference_days_own_weekday_is_the_reference_day():
    assert only("The embassy said on Wednesday it was worried.", news(2022, 9, 28), "Wednesday").value == "2022-09-28"


def test_a_weekday_after_will_is_the_next_one():
    t = only("The ministers will meet on Tuesday in Brussels.", news(2022, 9, 28), "Tuesday")
    assert t.value == "2022-10-04"


def test_last_and_next_weekday_skip_the_reference_day():
    ref = news(2022, 9, 28)
    assert only("It happened last Wednesday.", ref, "last Wednesday").value == "2022-09-21"
    assert only("It happens next Wednesday.", ref, "next Wednesday").value == "2022-10-05"


def test_a_possessive_weekday_names_an_event_already_past():
    t = only("Lawyers will try to get around Wednesday's ruling.", news(2000, 1, 7), "Wednesday")
    assert t.value == "2000-01-05"


def test_tuesday_night_is_a_time_of_that_day():
    t = only("In a statement on Tuesday night, the embassy warned citizens.", news(2022, 9, 28), "Tuesday night")
    assert t.value == "2022-09-27TNI"
    assert t.type == TimexType.TIME
    assert t.precision == Precision.TIME
    assert t.start_date == dt.date(2022, 9, 27)


def test_parts_of_the_day_have_their_timex3_codes():
    ref = news(2022, 9, 28)
    text = "He left Monday morning, returned Friday afternoon and spoke Sunday evening."
    values = {t.text: t.value for t in annotate(text, ref)}
    assert values == {
        "Monday morning": "2022-09-26TMO",
        "Friday afternoon": "2022-09-23TAF",
        "Sunday evening": "2022-09-25TEV",
    }


def test_today_yesterday_tomorrow_and_tonight_count_from_the_reference():
    ref = news(2023, 2, 13)
    values = {t.text: t.value for t in annotate("Today, yesterday, tomorrow and tonight.", ref)}
    assert values == {
        "Today": "2023-02-13",
        "yesterday": "2023-02-12",
        "tomorrow": "2023-02-14",
        "tonight": "2023-02-13TNI",
    }


def test_earlier_today_is_the_reference_day():
    t = only("It added in a message earlier today.", news(2023, 2, 13), "earlier today")
    assert t.value == "2023-02-13"
    assert t.mod == "START"


def test_last_night_and_this_morning():
    ref = news(1998, 1, 20)
    assert only("Police said last night that two men fled.", ref, "last night").value == "1998-01-19TNI"
    assert only("Markets fell this morning.", ref, "this morning").value == "1998-01-20TMO"


def test_a_full_date_in_the_usual_news_formats():
    ref = news(2022, 9, 28)
    text = "Signed on June 30, 2022, then 27 September 2022, Tuesday, Sept. 27, 2022 and 2022-09-26."
    values = [t.value for t in annotate(text, ref)]
    assert values == ["2022-06-30", "2022-09-27", "2022-09-27", "2022-09-26"]


def test_a_numeric_date_is_read_month_first():
    assert only("The order dated 9/28/2022 was lifted.", news(2022, 10, 1), "9/28/2022").value == "2022-09-28"


def test_a_day_and_month_without_a_year_takes_the_nearest_year():
    ref = news(2022, 9, 28)
    assert only("The address was changed on June 22.", ref, "June 22").value == "2022-06-22"
    assert only("The dividend is payable Jan. 2 to holders.", news(1989, 11, 2), "Jan. 2").value == "1990-01-02"


def test_february_24_in_february_2023_depends_on_tense():
    ref = news(2023, 2, 13)
    assert only("Russia invaded Ukraine on February 24.", ref, "February 24").value == "2022-02-24"
    assert only("Leaders will gather on February 24.", ref, "February 24").value == "2023-02-24"


def test_a_weekday_beside_the_date_is_part_of_it():
    t = only(
        "The Times said in an editorial on Saturday, April 25: the court erred.",
        news(1998, 4, 24),
        "Saturday, April 25",
    )
    assert t.value == "1998-04-25"


def test_march_eighth_spelled_as_an_ordinal():
    t = only("It opens this coming Sunday, March eighth.", news(1998, 3, 5), "this coming Sunday, March eighth")
    assert t.value == "1998-03-08"


def test_last_before_a_day_and_month_is_the_one_before_the_reference():
    t = only("He was shot to death last Oct. 23 at his home.", news(1999, 4, 19), "last Oct. 23")
    assert t.value == "1998-10-23"


def test_a_present_passive_is_not_read_as_past():
    assert only("The appeal is heard in May.", news(2000, 3, 29), "May").value == "2000-05"


def test_a_deadline_day_without_a_year_is_the_coming_one():
    assert only("The offer was extended to Nov. 16.", news(1989, 10, 30), "Nov. 16").value == "1989-11-16"
    assert only("The pact takes hold effective June 1.", news(1989, 10, 26), "June 1").value == "1990-06-01"


def test_a_day_named_as_a_deadline_is_the_coming_one_whatever_the_verb():
    # Reference 2000-01-05: "gave" is past, but "the Jan. 14 deadline" is nine days ahead.
    text = "Meissner gave no reason for the Jan. 14 deadline."
    assert only(text, news(2000, 1, 5), "Jan. 14").value == "2000-01-14"
    # A deadline a week gone is still the past one.
    assert only("The Oct. 3 deadline passed quietly.", news(1989, 10, 10), "Oct. 3").value == "1989-10-03"


def test_a_day_and_month_of_last_year():
    assert only("It began on Feb. 24 last year.", news(2023, 2, 13), "Feb. 24 last year").value == "2022-02-24"


def test_a_range_of_days_gives_both_ends():
    found = [(t.text, t.value) for t in annotate("Talks were held Sept. 27-28.", news(2022, 9, 28))]
    assert found == [("Sept. 27", "2022-09-27"), ("28", "2022-09-28")]


def test_informal_spellings_of_the_deictic_days():
    found = {t.text: t.value for t in annotate("see u tmrw, party 2nite, happy xmas", news(2011, 12, 20))}
    assert found == {"tmrw": "2011-12-21", "2nite": "2011-12-20TNI", "xmas": "2011-12-25"}


def test_this_saturday_is_the_one_in_the_reference_week_and_abbreviations_need_a_cue():
    ref = news(2011, 12, 20)
    assert only("party this sat!", ref, "this sat").value == "2011-12-24"
    assert only("We meet next Fri. at noon.", ref, "next Fri.").value == "2011-12-23"
    assert annotate("He sat down with the Sun.", ref) == []


def test_likely_to_looks_ahead():
    t = only("The U.S. is likely to make an announcement Friday.", news(2023, 2, 13), "Friday")
    assert t.value == "2023-02-17"


def test_the_period_of_a_m_does_not_cut_the_clause_off_from_its_future_verb():
    # Reference Wednesday 2000-04-05: "will leave ... 4 a.m. EDT Thursday" is the coming Thursday.
    text = "The father will leave at 4 a.m. EDT Thursday, Castro said."
    assert only(text, news(2000, 4, 5), "4 a.m. EDT Thursday").value == "2000-04-06T04:00"


def test_the_day_before_a_named_day_counts_from_that_day():
    # Reference Thursday 2000-02-24: last Tuesday is 2000-02-22, the day before it Monday 2000-02-21.
    text = "The day before last Tuesday's court hearing, Manuel went to Miami."
    assert only(text, news(2000, 2, 24), "The day before last Tuesday").value == "2000-02-21"
    assert only("They met the day after Oct. 12.", news(1989, 10, 30), "the day after Oct. 12").value == "1989-10-13"


def test_an_opening_until_gives_way_to_the_main_verb():
    # Reference Friday 1999-05-07: "had not called" is past, so Thursday is 1999-05-06.
    text = "Until Thursday, they had not called Kopp a suspect."
    assert only(text, news(1999, 5, 7), "Thursday").value == "1999-05-06"
    # With no verb to go by, "until" still points ahead.
    assert only("Until Thursday, the offer stands.", news(1999, 5, 7), "Thursday").value == "1999-05-13"


def test_an_adjective_that_looks_like_a_past_verb_does_not_set_the_tense():
    # Reference Friday 1989-10-27: "preferred shares" is no past verb; "will redeem" makes Oct. 31 the coming one.
    text = "The company said it will redeem 9.5 million Series H preferred shares on Oct. 31 at C$27.75 each."
    assert only(text, news(1989, 10, 27), "Oct. 31").value == "1989-10-31"


def test_a_plan_for_an_event_looks_ahead_but_as_planned_does_not():
    # Reference Friday 2000-01-07: the planned demonstration is the coming Saturday, 2000-01-08.
    text = "Protesters planned a large demonstration in Little Havana on Saturday."
    assert only(text, news(2000, 1, 7), "Saturday").value == "2000-01-08"
    # "as previously planned" reports a plan carried out: the past Saturday.
    text = "The offensive began as previously planned Saturday night."
    assert only(text, news(1991, 2, 25), "Saturday night").value == "1991-02-23TNI"


def test_a_clock_time_takes_the_day_of_a_dated_clock_time_beside_it():
    # Reference Wednesday 2000-04-05: "4 a.m. EDT Thursday" restates "4 in the morning", so both are 2000-04-06.
    text = "''He will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said."
    assert only(text, news(2000, 4, 5), "4 in the morning").value == "2000-04-06T04:00"
    text = "The office will be open from 9 a.m. to 5 p.m. Thursday."
    assert only(text, news(2000, 4, 5), "9 a.m.").value == "2000-04-06T09:00"
    # A time converted to another zone is on a day of its own.
    assert only("Call at 11 pm, so 6 am tomorrow my time.", news(2000, 4, 5), "11 pm").value == "2000-04-05T23:00"


def test_could_not_be_reached_reports_an_attempt_already_made():
    # Reference Thursday 2000-01-06: the search for the grandparents was on Wednesday 2000-01-05.
    text = "Neither he nor the grandparents could be located Wednesday in their hometown."
    assert only(text, news(2000, 1, 6), "Wednesday").value == "2000-01-05"
    text = "The minister could not be reached for comment Monday."
    assert only(text, news(2000, 1, 6), "Monday").value == "2000-01-03"
    # A deal that "could be reached" is a possibility ahead.
    assert only("A deal could be reached Friday.", news(2000, 1, 6), "Friday").value == "2000-01-07"


def test_today_of_a_named_event_or_a_deadline_is_still_the_day():
    ref = news(1989, 11, 2)
    assert only("Turnout in today's vote was high.", ref, "today").value == "1989-11-02"
    assert only("The offer ends as of today.", ref, "today").value == "1989-11-02"
    assert only("Bids are due by the end of today.", ref, "today").value == "1989-11-02"


def test_a_range_of_days_written_with_and_or_to_gives_both_ends_in_one_year():
    ref = news(1999, 2, 10)
    found = [(t.text, t.value) for t in annotate("The summit will be held on April 24 and 25.", ref)]
    assert found == [("April 24", "1999-04-24"), ("25", "1999-04-25")]
    found = [(t.text, t.value) for t in annotate("Talks were held Sept. 27-28 and on May 3 to 5.", ref)]
    assert found[2:] == [("May 3", "1998-05-03"), ("5", "1998-05-05")]


def test_a_count_after_a_day_and_and_is_no_range():
    text = "On June 4 and 5,000 people marched; June 4 and 25 percent; on May 5 and 6 others were hurt."
    assert [t.text for t in annotate(text, news(1999, 2, 10))] == ["June 4", "June 4", "May 5"]


def test_both_ends_of_a_range_take_the_same_year():
    found = [(t.text, t.value) for t in annotate("Surrendering on May 4 and 5 were the units.", news(1999, 2, 10))]
    assert found == [("May 4", "1999-05-04"), ("5", "1999-05-05")]


def test_the_day_before_an_event_in_news_is_not_dated_from_the_last_date_mentioned():
    # Reference 1999-05-07: "the day before authorities issued a warrant" counts from an undated event.
    text = "He was last seen Nov. 3, the day before authorities issued a warrant."
    assert [t.text for t in annotate(text, news(1999, 5, 7))] == ["Nov. 3"]
    # Alone, or before a conjunction, "the day before" still counts back from the day last mentioned.
    ref = news(2000, 2, 24)
    assert only("He arrived Monday. He had left the day before.", ref, "the day before").value == "2000-02-20"
    text = "He arrived Monday. He had left the day before and flown home."
    assert only(text, ref, "the day before").value == "2000-02-20"


def test_a_plural_after_a_pair_of_weekdays_makes_both_recurring():
    text = "Two new flights will leave Bombay on Monday and Tuesday nights from March 30."
    found = [(t.text, t.value, t.type) for t in annotate(text, news(1998, 2, 13))][:2]
    assert found == [
        ("Monday", "XXXX-WXX-1TNI", TimexType.SET),
        ("Tuesday nights", "XXXX-WXX-2TNI", TimexType.SET),
    ]
    # Without the plural, they are two dates.
    assert only("He met them Monday and Tuesday.", news(1998, 2, 13), "Monday").value == "1998-02-09"


def test_an_intention_to_act_on_a_weekday_looks_ahead():
    # Wednesday 29 March 2000: the plan is about the coming Thursday, even in a past-tense report.
    t = only("Officials said they did not plan to remove him on Thursday.", news(2000, 3, 29), "Thursday")
    assert t.value == "2000-03-30"


def test_a_timetable_verb_in_the_present_looks_ahead():
    # Sunday 3 January 2010: the market re-opens the next day.
    t = only("The Tokyo market re-opens on Monday for the first time this year.", news(2010, 1, 3), "Monday")
    assert t.value == "2010-01-04"
    t = only("The Tokyo market re-opened on Monday after the holiday.", news(2010, 1, 7), "Monday")
    assert t.value == "2010-01-04"


def test_the_previous_weekday_after_naming_that_weekday_is_the_week_before_it():
    ref = news(1989, 10, 30)
    text = "Shares rose 2% on Friday, up 4.5% from the previous Friday."
    assert only(text, ref, "Friday").value == "1989-10-27"
    assert only(text, ref, "the previous Friday").value == "1989-10-20"
    # with no Friday named before it, it is the last one before the reference
    assert only("He died the previous Friday.", ref, "the previous Friday").value == "1989-10-27"


def test_could_with_a_verb_looks_ahead_but_could_not_be_reached_does_not():
    ref = news(2023, 2, 15)  # a Wednesday
    assert only("The vote could come as early as Friday.", ref, "Friday").value == "2023-02-17"
    assert only("The rebels could not be reached Friday.", ref, "Friday").value == "2023-02-10"
    # "last" after a modal is the verb, not "last year"
    t = only("The strike began late last month and could last into the spring.", ref, "the spring")
    assert t.value == "2023-SP"


def test_is_expected_and_is_set_for_look_ahead():
    ref = news(2023, 2, 15)  # a Wednesday
    assert only("Thanksgiving travel is expected to hit records.", ref, "Thanksgiving").value == "2023-11-23"
    assert only("The summit is set for Friday.", ref, "Friday").value == "2023-02-17"


def test_a_clock_time_with_a_generic_us_zone_joins_the_weekday_after_it():
    t = only("The offer expires at 5 p.m. ET Friday.", news(2023, 2, 15), "5 p.m. ET Friday")
    assert (t.rule, t.extra["timezone"]) == ("clock_with_day", "ET")
    assert t.value.endswith("T17:00")


def test_the_day_in_a_market_report_is_the_last_day_the_report_named():
    text = "Tokyo stocks slipped on Thursday. The Nikkei shed 140 points to close the day at 38,210."
    assert only(text, news(2024, 5, 17), "the day").value == "2024-05-16"


def test_the_day_with_no_day_named_before_it_is_the_publication_day():
    t = only("The home side started the day two runs behind.", news(2023, 7, 8), "the day")
    assert (t.value, t.rule) == ("2023-07-08", "narrated_day")


def test_a_gain_on_the_day_dates_to_the_day_narrated():
    text = "Gold climbed on Monday, and silver was up 1.2% on the day."
    assert only(text, news(2024, 4, 10), "the day").value == "2024-04-08"


def test_the_day_when_or_the_day_before_is_no_narrated_day():
    ref = news(2024, 4, 10)
    assert [t.text for t in annotate("They will open the day when the rain stops.", ref)] == []
    assert "narrated_day" not in [t.rule for t in annotate("Markets closed the day before the election.", ref)]


def test_february_29_without_a_year_is_the_leap_day_of_a_leap_years_article():
    t = only("The council met on February 29 to set the budget.", news(2028, 4, 3), "February 29")
    assert (t.value, t.start_date) == ("2028-02-29", dt.date(2028, 2, 29))


def test_february_29_in_another_years_article_is_the_nearest_leap_day():
    assert only("Sales peaked on Feb. 29.", news(2025, 3, 1), "Feb. 29").value == "2024-02-29"


def test_black_monday_is_the_1987_crash_not_the_last_monday():
    t = only("The index suffered its worst fall since Black Monday.", news(2024, 8, 6), "Black Monday")
    assert (t.value, t.rule) == ("1987-10-19", "named_day")


def test_named_days_of_history_keep_their_one_date():
    text = "Veterans who landed on D-Day marked VE Day, long before 9/11."
    found = {t.text: t.value for t in annotate(text, news(2024, 5, 8))}
    assert found == {"D-Day": "1944-06-06", "VE Day": "1945-05-08", "9/11": "2001-09-11"}


def test_a_name_several_days_share_is_no_date_and_no_weekday_either():
    assert annotate("Marchers remembered Bloody Sunday.", news(2024, 1, 30)) == []


def test_black_friday_recurs_the_day_after_thanksgiving():
    t = only("Retailers expect crowds on Black Friday.", news(2024, 11, 20), "Black Friday")
    assert t.value == "2024-11-29"


def test_a_full_numeric_date_starting_9_11_stays_that_date():
    assert only("The memo is dated 9/11/2003.", news(2024, 1, 2), "9/11/2003").value == "2003-09-11"


def test_a_line_break_between_a_headline_and_its_dateline_ends_the_expression():
    text = "Strike to last until Monday\nMarch 4, 2024\nLONDON - Rail workers said on Friday ..."
    found = [(t.text, t.value) for t in annotate(text, news(2024, 3, 4))]
    assert found[:2] == [("Monday", "2024-03-04"), ("March 4, 2024", "2024-03-04")]


def test_a_comma_before_the_line_break_keeps_the_weekday_and_date_together():
    text = "The hearing is set for Tuesday,\nApril 9, 2024."
    assert only(text, news(2024, 3, 4), "Tuesday,\nApril 9, 2024").value == "2024-04-09"


def test_a_plan_that_calls_for_a_month_points_to_the_coming_one():
    t = only("The rescue plan calls for a first payment in August.", news(2024, 5, 21), "August")
    assert t.value == "2024-08"


def test_a_change_starting_in_a_month_points_ahead():
    assert only("Starting in October, bus fares go up.", news(2024, 5, 21), "October").value == "2024-10"


def test_a_weekday_in_a_planned_clause_is_the_coming_one():
    assert only("The schedule calls for a vote on Thursday.", news(2024, 5, 21), "Thursday").value == "2024-05-23"


def test_a_past_verb_after_that_dates_its_month_back_in_a_future_sentence():
    text = "The pool will reopen next week after repairs that began in January."
    assert only(text, news(2024, 5, 21), "January").value == "2024-01"


def test_a_possessive_after_a_name_is_no_present_tense_verb():
    text = "The chain agreed to buy Acme Foods's bakery unit for $40 million in March."
    assert only(text, news(2023, 11, 20), "March").value == "2024-03"


def test_a_capitalised_name_ending_in_ed_is_no_past_tense_verb():
    # "Ted" is no verb: the "will" before it decides
    assert only("The band will play with Ted on Friday.", news(2024, 5, 21), "Friday").value == "2024-05-24"


def test_a_plural_subject_meeting_on_a_weekday_meets_the_coming_one():
    text = "The two foreign ministers meet Thursday in Vienna."
    assert only(text, news(2024, 5, 21), "Thursday").value == "2024-05-23"


def test_a_meeting_that_did_not_happen_stays_in_the_past():
    text = "The ministers said they did not meet Thursday because of the strike."
    assert only(text, news(2024, 5, 21), "Thursday").value == "2024-05-16"
