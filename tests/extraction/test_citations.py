"""Event citations: which sentences are proposed, how they are dated, titled and described."""

from timeline.extraction.citations import is_furniture, make_title

from .helpers import read


def test_a_sentence_with_a_date_is_a_citation_dated_by_the_engine():
    (c,) = read("The council approved the budget on Tuesday.").citations

    assert (c.timex.text, c.timex.value, c.rule) == ("Tuesday", "2024-03-05", "dated_sentence")
    assert c.title == "Council approves budget"  # who did what, not the clipped sentence
    assert {"council", "approv", "budget"} <= c.keywords


def test_actors_are_named_and_places_are_not_content_words():
    (c,) = read("Finance Minister Joan Okafor met Polish bankers in Warsaw on Monday.").citations

    assert "Joan Okafor" in {a.name for a in c.actors}
    assert not {"polish", "warsaw", "joan", "okafor"} & c.keywords


def test_a_date_inside_a_quotation_does_not_date_the_sentence():
    assert read('"We will finish the bridge by Friday," the engineer said.').citations == ()


def test_durations_and_sets_date_nothing_but_a_period_reaching_back_does():
    assert read("He served nine years in prison.").citations == ()
    assert read("Buses run every day.").citations == ()

    (c,) = read("More than 2,000 people crossed the border within the last week.").citations

    assert (c.rule, c.timex.type) == ("backward_duration", "DURATION")


def test_a_happening_placed_only_relative_to_another_is_proposed_without_a_date():
    (c,) = read("Police earlier closed the bridge to traffic.").citations

    assert (c.rule, c.timex) == ("relative_time", None)
    assert read("The bridge is long and narrow.").citations == ()


def test_page_furniture_is_skipped():
    assert is_furniture("(Photo by Ana Diaz / AFP)")
    assert is_furniture("The mayor is pictured at the opening on June 3, 2023.")
    assert is_furniture("Subscribe to our newsletter today.")
    assert is_furniture("Get in touch with our news team by emailing us.")
    assert is_furniture("Mayor opens bridge on Tuesday")  # a headline: no final stop
    assert not is_furniture("The mayor opened the bridge on Tuesday.")


def test_a_caption_printed_twice_is_cited_once():
    text = "The mayor opened the bridge on Tuesday.\nThe mayor opened the bridge on Tuesday."

    assert len(read(text).citations) == 1


def test_titles_leave_out_the_date_an_opening_adverbial_and_appositions():
    sentence = "Last December, Joan Okafor, a former judge, was elected mayor."
    title = make_title(sentence, None, 0)

    assert title == "Joan Okafor was elected mayor"


def test_a_citation_carries_the_speakers_of_its_statements():
    (c,) = read('"The bridge will reopen in May," the Harbour Board said Tuesday.').citations

    assert [s.name for s in c.speakers] == ["Harbour Board"]
    assert "Harbour Board" in {a.name for a in c.actors}


def test_a_figure_compared_with_a_year_ago_is_not_dated_by_the_comparison():
    text = "Net income rose to 235 million euros, or 6.70 euros a share, from 144 million euros a year ago."

    assert read(text).citations == ()
    (c,) = read("A year ago, the company opened a plant in Lyon.").citations
    assert c.timex.text == "A year ago"
    # A figure held ("had a profit", "were $14 million") is a state, not a happening, dated or not.
    assert read("A year ago, the company had a profit of 1.8 million euros.").citations == ()


def test_no_comment_is_not_a_happening_and_up_from_last_year_does_not_date():
    assert read("Rally officials weren't available to comment late yesterday.").citations == ()
    assert read("Sales were 2.49 billion euros, up from last year's 2.34 billion.").citations == ()


def test_the_date_of_a_which_clause_or_after_since_does_not_date_the_sentence():
    (c,) = read("The governments, which hope to end the talks by May, invited the party back two weeks ago.").citations
    assert c.timex.text == "two weeks ago"

    assert read("The province has been ruled from the capital since 1972.").citations == ()
