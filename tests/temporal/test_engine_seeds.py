"""The seed articles' date expressions, resolved against their publication dates (seeds/manifest.json)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from timeline.temporal import Reference, annotate, resolve_expression

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def article(stem: str) -> tuple[str, Reference]:
    manifest = json.loads((SEEDS / "manifest.json").read_text())
    entry = next(s for s in manifest["sources"] if s["file"].startswith(stem))
    text = (SEEDS / entry["file"]).read_text()
    return text, Reference(dt.date.fromisoformat(entry["published_date"]))


def values_of(stem: str) -> dict[str, set[str]]:
    text, ref = article(stem)
    found: dict[str, set[str]] = {}
    for t in annotate(text, ref):
        assert text[t.start : t.end] == t.text
        found.setdefault(t.text, set()).add(t.value)
    return found


def test_the_ibtimes_article_of_2023_02_13():
    found = values_of("000_")
    assert found["Monday"] == {"2023-02-13"}
    assert found.get("In December", found.get("December")) == {"2022-12"}
    assert found["September"] == {"2022-09"}
    assert found["nine years"] == {"P9Y"}
    assert found["currently"] == {"PRESENT_REF"}
    assert found["April 2, 2018"] == {"2018-04-02"}


def test_the_metro_article_of_2023_02_13():
    found = values_of("001_")
    assert found["earlier today"] == {"2023-02-13"}
    assert found["Last December"] == {"2022-12"}
    assert found["September"] == {"2022-09"}


def test_the_cnn_live_page_of_2022_09_28():
    found = values_of("002_")
    assert found["June 30, 2022"] == {"2022-06-30"}
    assert found["June 22"] == {"2022-06-22"}
    assert found["September 27"] == {"2022-09-27"}
    assert found["Wednesday"] == {"2022-09-28"}
    assert found["Tuesday"] == {"2022-09-27"}
    assert found["Last weekend"] == {"2022-W38-WE"}
    assert found["Saturday"] == {"2022-09-24"}
    assert found["Sunday"] == {"2022-09-25"}


def test_the_new_york_post_article_of_2022_09_28():
    found = values_of("003_")
    assert found["Wednesday"] == {"2022-09-28"}
    assert found["Monday morning"] == {"2022-09-26TMO"}
    assert found["Last week"] == {"2022-W38"}
    assert found["the near future"] == {"FUTURE_REF"}
    assert found["eight-month"] == {"P8M"}


def test_the_independent_article_of_2022_09_28():
    found = values_of("004_")
    assert found["Tuesday night"] == {"2022-09-27TNI"}
    assert found["last week"] == {"2022-W38"}


@pytest.mark.parametrize(
    ("stem", "expression", "value"),
    [
        ("004_", "on Tuesday night", "2022-09-27TNI"),
        ("002_", "on Wednesday", "2022-09-28"),
        ("000_", "Monday", "2023-02-13"),
        ("001_", "earlier today", "2023-02-13"),
        ("001_", "last December", "2022-12"),
        ("003_", "this week", "2022-W39"),
        ("002_", "over the past week", "P1W"),
    ],
)
def test_an_editors_expression_from_a_seed_resolves_against_its_publication_date(stem, expression, value):
    _, ref = article(stem)
    assert resolve_expression(expression, ref).value == value
