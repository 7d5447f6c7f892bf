"""The wire shape of a timex (used by the API and annotate_dates) and the inline TimeML writer."""

import datetime as dt
import json
import xml.etree.ElementTree as ET

from timeline.temporal.serialize import TIMEX_KEYS, timex_to_dict, to_timeml
from timeline.temporal.timeml import parse_timeml
from timeline.temporal.types import Precision, Timex, TimexType


def test_a_timex_becomes_plain_json_types_under_the_agreed_keys():
    timex = Timex(
        start=3,
        end=15,
        text="last weekend",
        type=TimexType.DATE,
        value="2024-W09-WE",
        start_date=dt.date(2024, 3, 2),
        end_date=dt.date(2024, 3, 3),
        precision=Precision.WEEKEND,
        rule="last_weekend",
        mod=None,
        explanation="the weekend before 2024-03-05",
        anchor=dt.date(2024, 3, 5),
        extra={"not": "exported"},
    )

    data = timex_to_dict(timex)

    assert list(data) == list(TIMEX_KEYS)
    assert data == {
        "start": 3,
        "end": 15,
        "text": "last weekend",
        "type": "DATE",
        "value": "2024-W09-WE",
        "start_date": "2024-03-02",
        "end_date": "2024-03-03",
        "precision": "weekend",
        "rule": "last_weekend",
        "mod": None,
        "explanation": "the weekend before 2024-03-05",
        "anchor": "2024-03-05",
    }
    assert json.loads(json.dumps(data)) == data
    assert type(data["type"]) is str


def test_a_timex_without_an_interval_exports_nulls():
    data = timex_to_dict(Timex(0, 9, "two weeks", TimexType.DURATION, "P2W"))

    assert (data["start_date"], data["end_date"], data["precision"], data["anchor"]) == (None, None, None, None)


def test_inline_timeml_escapes_the_text_and_the_attribute_values():
    text = 'R&D <up> "today" & 5 > 3'
    start = text.index("today")
    timex = Timex(start, start + 5, "today", TimexType.DATE, 'a"b<&', mod="APPROX")

    out = to_timeml(text, [timex])

    assert out == (
        'R&amp;D &lt;up&gt; "<TIMEX3 tid="t1" type="DATE" value=\'a"b&lt;&amp;\' mod="APPROX">today</TIMEX3>"'
        " &amp; 5 &gt; 3"
    )
    assert ET.fromstring(f"<TEXT>{out}</TEXT>").find("TIMEX3").get("value") == 'a"b<&'


def test_inline_timeml_numbers_tags_in_text_order_and_drops_a_timex_that_would_cross_another():
    text = "From March to May 2024."
    timexes = [
        Timex(14, 22, "May 2024", TimexType.DATE, "2024-05"),
        Timex(5, 10, "March", TimexType.DATE, "2024-03"),
        Timex(11, 17, "to May", TimexType.DATE, "2024-05"),  # crosses "May 2024": cannot be written inline
    ]

    out = to_timeml(text, timexes)

    assert out == (
        'From <TIMEX3 tid="t1" type="DATE" value="2024-03">March</TIMEX3> '
        '<TIMEX3 tid="t2" type="DATE" value="2024-05">to May</TIMEX3> 2024.'
    )


def test_inline_timeml_reads_back_to_the_same_text_and_offsets():
    text = "Le 5 mars\r\n« Mendès » vit “Tuesday” & 2024 — fin."
    timexes = [
        Timex(3, 9, "5 mars", TimexType.DATE, "XXXX-03-05"),
        Timex(text.index("Tuesday"), text.index("Tuesday") + 7, "Tuesday", TimexType.DATE, "2024-03-05"),
        Timex(text.index("2024"), text.index("2024") + 4, "2024", TimexType.DATE, "2024"),
    ]

    doc = parse_timeml(f"<TimeML><TEXT>{to_timeml(text, timexes)}</TEXT></TimeML>")

    assert doc.text == text
    assert [(g.start, g.end, g.text, g.value) for g in doc.gold] == [(t.start, t.end, t.text, t.value) for t in timexes]
