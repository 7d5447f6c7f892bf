"""Constructions of 2020s news the engine used to get wrong, one test each."""

from tests.temporal.helpers import news, only
from timeline.temporal import TimexType

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
