"""Statements: each construction on sentences written for the test (none is from the seeds)."""

from timeline.extraction import KnownActor

from .helpers import read


def only(text: str, **kwargs):
    statements = read(text, **kwargs).statements
    assert len(statements) == 1, statements
    return statements[0]


def test_a_quote_then_its_speaker_and_the_day_they_spoke():
    s = only('"The bridge will reopen in May," the Harbour Board said Tuesday.')

    assert (s.text, s.mode, s.rule) == ("The bridge will reopen in May", "direct", "quote_then_said")
    assert (s.speaker.name, s.speaker.kind) == ("Harbour Board", "organisation")
    assert s.timex.text == "Tuesday" and s.timex.value == "2024-03-05"


def test_an_inverted_attribution_strips_the_title_from_the_name():
    s = only("“We are ready,” said Mayor Lena Ortiz.")

    assert (s.text, s.speaker.name, s.speaker.kind) == ("We are ready", "Lena Ortiz", "person")


def test_a_speaker_then_a_colon_then_the_quote_and_a_surname_resolved_to_the_full_name():
    s = only('Lena Ortiz toured the site. Ortiz said: "Nobody was hurt in the fire."')

    assert (s.rule, s.speaker.name) == ("said_then_quote", "Lena Ortiz")
    assert s.text.startswith("Nobody was hurt")


def test_british_single_quotes_and_apostrophes_inside_words():
    s = only("‘The council’s plan is the wrong one,’ Joan Okafor said.")

    assert (s.text, s.speaker.name) == ("The council’s plan is the wrong one", "Joan Okafor")


def test_typewriter_quotes_of_older_wire_copy():
    s = only("``We will not pay the ransom,'' Interior Minister Karl Brandt said.")

    assert (s.text, s.speaker.name) == ("We will not pay the ransom", "Karl Brandt")


def test_according_to_attributes_the_clause_before_it():
    s = only("The ferry service will resume next week, according to the Port Authority.")

    assert (s.mode, s.rule, s.text) == ("reported", "according_to", "The ferry service will resume next week")
    assert s.speaker.name == "Port Authority"


def test_reported_speech_after_said_that():
    s = only("Transport Minister Joan Okafor said that fares would rise in April.")

    assert (s.mode, s.rule, s.speaker.name, s.text) == (
        "reported",
        "said_that",
        "Joan Okafor",
        "fares would rise in April",
    )


def test_other_reporting_verbs_and_an_adverb_before_them():
    s = only("The Coast Guard also warned that the storm would reach the islands overnight.")

    assert (s.speaker.name, s.text) == ("Coast Guard", "the storm would reach the islands overnight")


def test_told_skips_the_audience():
    s = only("Joan Okafor told reporters that the depot would close.")

    assert s.text == "the depot would close"


def test_he_is_the_last_person_named():
    statements = read("Fire chief Amos Reyes arrived at noon. He said the blaze was under control.").statements

    assert [(s.speaker.name, s.text) for s in statements] == [("Amos Reyes", "the blaze was under control")]


def test_a_document_speaks_for_the_institution_that_issued_it():
    text = 'The Harbour Board issued a notice on Monday.\n"Berths four and five are closed," the notice said.'

    assert only(text).speaker.name == "Harbour Board"


def test_it_is_the_last_institution_that_spoke():
    text = 'The Coast Guard said that two boats had sunk.\n"Search teams are on the water," it added.'

    assert [s.speaker.name for s in read(text).statements] == ["Coast Guard", "Coast Guard"]


def test_a_paragraph_that_is_all_quote_continues_the_previous_speaker():
    text = 'Joan Okafor said the plan was sound.\n"We have costed every line of it and the money is there."'

    statements = read(text).statements

    assert [(s.speaker.name, s.rule) for s in statements] == [
        ("Joan Okafor", "said_that"),
        ("Joan Okafor", "quote_continues"),
    ]


def test_a_second_quote_in_the_sentence_goes_with_the_first():
    text = 'The driver shouted: "Get back," and "Stay off the road."'

    statements = read(text).statements
    # No name is given: the description the article uses is the speaker an editor can correct.
    assert [(s.text, s.speaker.name, s.rule) for s in statements] == [
        ("Get back", "driver", "said_then_quote"),
        ("Stay off the road.", "driver", "said_then_quote"),
    ]


def test_a_pull_quote_repeated_at_the_end_is_proposed_once():
    text = '"Prices will fall by summer," Joan Okafor said.\nOther news followed.\n"Prices will fall by summer."'

    assert len(read(text).statements) == 1


def test_anonymous_sources_are_not_speakers():
    assert read("Witnesses said the car was speeding through the square.").statements == ()
    assert read("Officials said the road would stay closed.").statements == ()


def test_scare_quotes_are_not_statements():
    assert read('The council called the plan a "disaster" in its annual report.').statements == ()


def test_the_clause_before_a_trailing_attribution_is_the_statement():
    s = only("Fares will rise by five percent next year, the Transport Ministry has said.")

    assert (s.rule, s.speaker.name, s.text) == (
        "clause_then_said",
        "Transport Ministry",
        "Fares will rise by five percent next year",
    )


def test_adding_that_gives_a_second_statement_by_the_same_speaker():
    text = "Trains were cancelled on Monday, Northern Rail said, adding that buses would replace them."

    statements = read(text).statements

    assert [(s.speaker.name, s.text) for s in statements] == [
        ("Northern Rail", "Trains were cancelled on Monday"),
        ("Northern Rail", "buses would replace them"),
    ]


def test_a_speaker_is_linked_to_a_known_actor_by_alias():
    known = (KnownActor(7, "Harbour Board", ("the port authority",), "government_body"),)

    s = only("The port authority said that berths would reopen on Friday.", known=known)

    assert (s.speaker.name, s.speaker.actor_id) == ("Harbour Board", 7)


def test_a_headline_without_final_punctuation_quotes_no_one():
    assert read("Mayor says bridge will reopen in May").statements == ()


def test_a_fragment_quoted_inside_a_paraphrase_gives_the_whole_clause():
    s = only('Sales were a "moderate disappointment," the analyst Ruth Bakker said.')

    assert (s.mode, s.text) == ("reported", 'Sales were a "moderate disappointment')


def test_a_parenthetical_attribution_gives_the_whole_sentence():
    text = "Karl Brandt arrived late. Once the bid was known, he said, the board met at night."

    s = only(text)

    assert (s.rule, s.speaker.name) == ("parenthetical_said", "Karl Brandt")
    assert s.text == "Once the bid was known, he said, the board met at night"


def test_said_in_a_relative_clause_is_not_a_statement():
    assert read("The 800 jobs that Northern Rail said last month would go are safe.").statements == ()
