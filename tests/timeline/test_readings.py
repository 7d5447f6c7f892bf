"""timeline.readings: the one rule for when sources disagree, which the pages, the serializers and
the API's row payloads share."""

import datetime as dt

from timeline.readings import dates_agree, intervals_disagree

D = dt.date
TUESDAY = (D(2022, 9, 27), D(2022, 9, 27))
WEDNESDAY = (D(2022, 9, 28), D(2022, 9, 28))
SEPTEMBER = (D(2022, 9, 1), D(2022, 9, 30))
UNDATED = (None, None)


def test_readings_disagree_only_when_neither_interval_lies_within_the_other():
    assert intervals_disagree([TUESDAY, WEDNESDAY])
    assert not intervals_disagree([TUESDAY, SEPTEMBER, TUESDAY])
    assert intervals_disagree([SEPTEMBER, TUESDAY, WEDNESDAY])


def test_an_undated_reading_contradicts_nothing():
    assert not intervals_disagree([TUESDAY, UNDATED])
    assert not intervals_disagree([])


def test_agreement_with_an_undated_date_is_unknown_not_false():
    assert dates_agree(*TUESDAY, *SEPTEMBER) is True
    assert dates_agree(*TUESDAY, *WEDNESDAY) is False
    assert dates_agree(*UNDATED, *TUESDAY) is None


def test_iso_text_agrees_as_the_dates_do():
    # Rows read on SQLite carry dates as ISO text.
    assert dates_agree("2022-09-27", "2022-09-27", "2022-09-01", "2022-09-30") is True
    assert intervals_disagree([("2022-09-27", "2022-09-27"), ("2022-09-28", "2022-09-28")])
