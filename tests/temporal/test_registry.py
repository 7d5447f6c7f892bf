"""The rule registry and the one Reference builder."""

import datetime as dt

from timeline.temporal import DocType, Reference, build_reference
from timeline.temporal.cues import CUE_NAMES
from timeline.temporal.registry import RULES


def test_every_rule_has_a_unique_name_known_cues_and_a_resolver():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for r in RULES:
        assert r.cues and r.cues <= CUE_NAMES, r.name
        assert callable(r.resolve), r.name
        assert "x" in r.pattern.groupindex, f"{r.name} captures no extent"


def test_only_rules_that_read_the_text_move_the_narrative_anchor():
    moving = {r.name for r in RULES if r.moves_anchor}
    assert {"month_day", "year", "weekday", "holiday"} <= moving
    assert not moving & {"offset", "anaphoric", "calendar_period", "duration"}


def test_the_reference_builder_treats_an_empty_zone_as_none_and_reads_narrative():
    day = dt.date(2024, 3, 5)
    assert build_reference(day, timezone="") == Reference(day)
    built = build_reference(day, time=dt.time(14, 30), timezone="Europe/London", narrative=True)
    assert (built.time, built.timezone, built.doc_type) == (dt.time(14, 30), "Europe/London", DocType.NARRATIVE)
