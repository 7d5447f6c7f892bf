"""Texts the reader cannot read: a one-line error, or nothing proposed; never a crash."""

import pytest

from timeline.extraction import UnreadableText
from timeline.extraction.guard import MAX_CHARS

from .helpers import read
from .needs_model import requires_model

pytestmark = requires_model


def test_empty_text_is_refused_with_one_line():
    with pytest.raises(UnreadableText, match=r"^the text is empty$"):
        read("   \n ")


def test_a_five_megabyte_page_is_refused_before_parsing():
    with pytest.raises(UnreadableText, match="the reader takes at most") as caught:
        read("The council met on Tuesday. " * (5_000_000 // 28))
    assert "\n" not in str(caught.value)
    assert MAX_CHARS < 5_000_000


def test_text_in_another_language_is_refused():
    german = (
        "Die Regierung hat am Dienstag beschlossen, die Steuern zu senken. Der Minister sagte, die "
        "Wirtschaft werde im nächsten Jahr wachsen. Die Opposition kritisierte den Plan scharf und "
        "forderte eine Abstimmung im Parlament noch in dieser Woche, bevor die Ferien beginnen."
    )
    with pytest.raises(UnreadableText, match="does not read as English"):
        read(german)
    with pytest.raises(UnreadableText, match="does not read as English"):
        read("政府は火曜日に減税を決定した。大臣は経済が来年成長すると述べた。" * 5)


def test_text_with_no_sentences_proposes_nothing():
    assert read("* * *\n---\n12 34 56\n") == read("§")
    found = read("* * *\n---\n12 34 56\n")
    assert (found.statements, found.citations) == ((), ())
