"""timeline.services.annotation: the date engine's reading for callers outside the timeline."""

import datetime as dt

import pytest

from tests.factories import SourceFactory
from timeline.services.annotation import dates_annotate, source_dates


def test_a_text_is_read_against_the_reference_date_as_the_command_prints_it():
    [found] = dates_annotate(
        text="The embassy on Wednesday issued an alert.", reference_date=dt.date(2022, 9, 28), timezone=None
    )

    assert (found["text"], found["value"], found["start_date"]) == ("Wednesday", "2022-09-28", "2022-09-28")


@pytest.mark.django_db
def test_a_sources_dates_are_read_against_its_publication_day():
    source = SourceFactory(text="It happened on Tuesday.", published_date=dt.date(2022, 9, 28))

    [found] = source_dates(source=source)

    assert found.value == "2022-09-27" and found.start_date == dt.date(2022, 9, 27)
