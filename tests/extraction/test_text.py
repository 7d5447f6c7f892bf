"""Sentences and quotations, with their offsets."""

from timeline.extraction.text import content_words, split_article


def texts(article: str) -> list[str]:
    return [s.text for s in split_article(article)]


def test_sentences_split_at_full_stops_but_not_after_abbreviations_or_initials():
    article = "The U.S. Embassy said Mr. Smith left. John F. Kennedy Airport was shut. It reopened."

    assert texts(article) == [
        "The U.S. Embassy said Mr. Smith left.",
        "John F. Kennedy Airport was shut.",
        "It reopened.",
    ]


def test_a_quotation_of_several_sentences_stays_in_one_sentence():
    article = '"We waited. Nobody came. We left," she said. Then it rained.'

    assert texts(article) == ['"We waited. Nobody came. We left," she said.', "Then it rained."]


def test_two_sentences_glued_by_page_extraction_are_split():
    assert texts("Your support matters.All staff were sent home.") == [
        "Your support matters.",
        "All staff were sent home.",
    ]


def test_each_sentence_knows_its_quotations_in_every_style():
    article = "“One,” ‘two’ and ``three'' and \"four\" but not Russia’s."

    (sentence,) = split_article(article)

    assert [article[q.inner_start : q.inner_end] for q in sentence.quotes] == ["One,", "two", "three", "four"]


def test_an_unclosed_quotation_runs_to_the_end_of_its_paragraph():
    article = '"We will rebuild the school.\nThe work starts in May."'

    first = split_article(article)[0]

    assert article[first.quotes[0].inner_start : first.quotes[0].inner_end] == "We will rebuild the school."
    assert not first.quotes[0].closed


def test_content_words_leave_out_function_words_dates_and_possessives():
    words = content_words("On Tuesday the minister’s office announced new flood barriers")

    assert words == {"minist", "offic", "announc", "flood", "barri"}


def test_a_sentence_ends_after_a_quotation_that_closes_with_its_full_stop():
    article = "He said: ``We will go on.'' Officials met on Thursday."

    assert texts(article) == ["He said: ``We will go on.''", "Officials met on Thursday."]
