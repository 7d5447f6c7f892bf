"""The parts of speech set in plain Python, in place of the model's attribute ruler, are the ruler's own."""

from timeline.extraction import nlp

from .needs_model import requires_model

pytestmark = requires_model

# Shapes each rule of the table is there for: a tag alone, a word the tag misreads, and the rules that
# look at the parse (an auxiliary, "did" heading a clause, "that" standing alone, "there is", spaces).
TEXT = (
    "There is a storm coming, but the ferries did sail on Monday.  The minister said that nothing had been "
    "decided, and that it was not his call. Who did it? They did. That is what we wanted; those were the days. "
    "He's gone, she'd said,   and they'll have been told whether it will rain. All of this happened in 2013 "
    "(or so the BBC reported) - $5 million, #1, e.g. 50%. Ugh! Being there was enough; but still, I do. "
    "Two men got arrested after the match ended, as the police said before they left. He was but a boy."
)


def test_every_token_gets_the_part_of_speech_tag_and_dependency_the_attribute_ruler_sets():
    pipeline = nlp._nlp()
    doc = pipeline(TEXT)
    words, after = [], ""
    for t in doc:
        words.append(nlp._Word(t.tag_, t.lower_, t.dep_, t.is_space, after))
        after = t.dep_
    ruled = pipeline.get_pipe("attribute_ruler")(doc)

    ours = [nlp.pos_of(w) for w in words]
    theirs = [t.pos_ for t in ruled]

    assert [(t.text, p) for t, p in zip(ruled, ours, strict=True)] == [(t.text, t.pos_) for t in ruled]
    assert {"AUX", "VERB", "SCONJ", "PRON", "PART", "SPACE", "PUNCT"} <= set(theirs)


def test_a_parsed_space_keeps_the_tag_and_dependency_the_ruler_gives_it():
    (space,) = [t for t in nlp.parse("The ferries sailed.   The storm passed.").tokens if not t.text.strip()]

    assert (space.pos, space.tag) == ("SPACE", "_SP")
    assert space.dep == "dep"


def test_the_attribute_ruler_is_not_run_by_the_pipeline():
    assert "attribute_ruler" not in nlp._nlp().pipe_names
