"""The review desk's services: accept with corrections, reject, undo, bulk accept, two editors at once."""

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intake.models import Proposal, ProposalKind, ProposalState
from intake.services.bulk_accept import proposals_accept_above
from intake.services.proposals import proposals_accept, proposals_propose
from intake.services.review import (
    Corrections,
    DecisionConflict,
    review_accept,
    review_reject,
    review_undo,
    sentence_bounds,
)
from tests.factories import ActorFactory, EventFactory, SourceFactory
from tests.fake_reader import SPEAKER, fake_reader  # noqa: F401 (a fixture)
from timeline.models import Actor, Citation, Event, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_reader")]

ALERT = "The embassy in Moscow issued a security alert on Tuesday urging citizens to leave."
SAID = "Citizens should not travel to Russia, the embassy said."


def article(*sentences: str, published: dt.date = dt.date(2022, 9, 28)):
    source = SourceFactory(text=" ".join(sentences), published_date=published)
    proposals_propose(source=source)
    return source


@pytest.fixture
def editor() -> User:
    return User.objects.create_user("editor")


@pytest.fixture
def other() -> User:
    return User.objects.create_user("other")


def test_accepting_with_a_picked_speaker_writes_the_statement_with_that_actor(editor):
    article(SAID)
    proposal = Proposal.objects.get()
    kremlin = ActorFactory(name="Kremlin")

    review_accept(proposal_id=proposal.pk, user=editor, corrections=Corrections(speaker_id=kremlin.pk))

    assert Statement.objects.get().speaker == kremlin
    assert not Actor.objects.filter(name=SPEAKER).exists()


def test_accepting_with_a_new_speaker_name_creates_that_actor_with_history(editor):
    article(SAID)
    proposal = Proposal.objects.get()

    review_accept(proposal_id=proposal.pk, user=editor, corrections=Corrections(speaker_name="State Department"))

    actor = Statement.objects.get().speaker
    assert actor.name == "State Department"
    assert actor.history.count() == 1


def test_corrected_words_within_the_sentence_get_their_own_offsets(editor):
    source = article(SAID)
    proposal = Proposal.objects.get()

    review_accept(proposal_id=proposal.pk, user=editor, corrections=Corrections(words="should not travel to Russia"))

    statement = Statement.objects.get()
    assert statement.text == "should not travel to Russia"
    assert source.text[statement.char_start : statement.char_end] == statement.text
    assert statement.char_start == SAID.index("should")


def test_a_corrected_event_title_names_the_new_event(editor):
    article(ALERT)
    proposal = Proposal.objects.get()

    review_accept(proposal_id=proposal.pk, user=editor, corrections=Corrections(event_title="Embassy alert"))

    assert Event.objects.get().title == "Embassy alert"


def test_a_citation_can_be_put_on_another_event(editor):
    article(ALERT)
    proposal = Proposal.objects.get()
    chosen = EventFactory(title="Chosen event")

    review_accept(proposal_id=proposal.pk, user=editor, corrections=Corrections(event_id=chosen.pk))

    assert Citation.objects.get().event == chosen
    assert Event.objects.count() == 1


def test_a_corrected_date_is_read_by_the_engine_and_the_engines_reading_is_kept_beside(editor):
    article(ALERT)
    proposal = Proposal.objects.get()

    review_accept(proposal_id=proposal.pk, user=editor, corrections=Corrections(date_text="Monday"))

    citation = Citation.objects.get()
    assert (citation.date_text, citation.date_value) == ("Monday", "2022-09-26")
    proposal.refresh_from_db()
    assert proposal.engine_date["text"] == "Tuesday"
    assert proposal.engine_date["value"] == "2022-09-27"


@pytest.mark.parametrize(
    ("fix", "field"),
    [
        (Corrections(words="words that are nowhere"), "words"),
        (Corrections(date_text="the blue moon of never"), "date_text"),
        (Corrections(speaker_name="x" * 10_000), "speaker_name"),
        (Corrections(speaker_id=999_999), "speaker_id"),
        (Corrections(mode="shouted"), "mode"),
    ],
)
def test_bad_corrections_name_their_field_and_write_nothing(editor, fix, field):
    article(SAID)
    proposal = Proposal.objects.get()

    with pytest.raises(ValidationError) as raised:
        review_accept(proposal_id=proposal.pk, user=editor, version=proposal.version, corrections=fix)

    assert field in raised.value.message_dict
    assert Statement.objects.count() == 0
    assert Actor.objects.count() == 0
    after = Proposal.objects.get()
    assert (after.state, after.version, after.text) == ("pending", proposal.version, proposal.text)


def test_words_of_the_next_sentence_are_not_within_the_sentence(editor):
    article(SAID, ALERT)
    proposal = Proposal.objects.get(kind=ProposalKind.STATEMENT)

    with pytest.raises(ValidationError) as raised:
        review_accept(proposal_id=proposal.pk, user=editor, corrections=Corrections(words="security alert"))

    assert "words" in raised.value.message_dict


def test_a_sentence_ends_at_its_stop_and_a_closing_quote():
    text = 'He left. "We stay," she said. Then rain.'
    start = text.index("We")

    assert text[slice(*sentence_bounds(text, start, start + 2))] == '"We stay," she said.'


def test_the_second_editor_of_a_proposal_is_told_the_first_ones_decision_and_nothing_changes(editor, other):
    article(SAID)
    seen = Proposal.objects.get()
    review_reject(proposal_id=seen.pk, user=editor, version=seen.version)

    with pytest.raises(DecisionConflict) as raised:
        review_accept(proposal_id=seen.pk, user=other, version=seen.version)

    assert "Already rejected by editor" in str(raised.value)
    assert Statement.objects.count() == 0
    assert Proposal.objects.get().state == ProposalState.REJECTED


def test_a_decision_on_a_version_edited_meanwhile_is_refused(editor, other):
    article(SAID)
    seen = Proposal.objects.get()
    Proposal.objects.filter(pk=seen.pk).update(version=seen.version + 1)  # another editor's edit

    with pytest.raises(DecisionConflict, match="changed by another editor"):
        review_reject(proposal_id=seen.pk, user=other, version=seen.version)


def test_undo_of_an_accepted_statement_removes_it_and_the_speaker_it_created(editor):
    article(SAID)
    proposal = Proposal.objects.get()
    review_accept(proposal_id=proposal.pk, user=editor)
    statement = Statement.objects.get()

    undone = review_undo(user=editor)

    assert undone.pk == proposal.pk
    assert (Statement.objects.count(), Actor.objects.count()) == (0, 0)
    # The deletion is in the statement's history.
    assert statement.history.model.objects.filter(id=statement.pk, history_type="-").exists()
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reviewed_by, proposal.statement, proposal.speaker) == ("pending", None, None, None)


def test_undo_keeps_a_speaker_that_existed_before(editor):
    article(SAID)
    embassy = ActorFactory(name=SPEAKER)
    review_accept(proposal_id=Proposal.objects.get().pk, user=editor)

    review_undo(user=editor)

    assert list(Actor.objects.all()) == [embassy]


def test_undo_of_an_accepted_citation_removes_the_event_it_made(editor):
    article(ALERT)
    review_accept(proposal_id=Proposal.objects.get().pk, user=editor)

    review_undo(user=editor)

    assert (Citation.objects.count(), Event.objects.count()) == (0, 0)


def test_undo_of_a_citation_on_an_existing_event_keeps_the_event(editor):
    article(ALERT)
    chosen = EventFactory(title="Chosen event")
    proposal = Proposal.objects.get()
    Proposal.objects.filter(pk=proposal.pk).update(event=chosen)
    review_accept(proposal_id=proposal.pk, user=editor)

    review_undo(user=editor)

    assert Citation.objects.count() == 0
    assert list(Event.objects.all()) == [chosen]


def test_undo_goes_back_one_decision_at_a_time_and_only_the_users_own(editor, other):
    article(SAID, ALERT)
    said, alert = Proposal.objects.get(kind="statement"), Proposal.objects.get(kind="citation")
    review_reject(proposal_id=said.pk, user=editor)
    review_accept(proposal_id=alert.pk, user=editor)

    assert review_undo(user=other) is None
    assert review_undo(user=editor).pk == alert.pk
    assert review_undo(user=editor).pk == said.pk
    assert review_undo(user=editor) is None
    assert set(Proposal.objects.values_list("state", flat=True)) == {"pending"}


def many_sentences(count: int) -> list[str]:
    return [f"Official {n} of the ministry said the talks went on." for n in range(count)]


def test_bulk_accept_takes_only_proposals_at_or_above_the_confidence(editor):
    source = article(SAID, ALERT)  # statement 0.9, citation 0.8

    accepted = proposals_accept_above(source=source, min_confidence=0.85, user=editor)

    assert [p.kind for p in accepted] == ["statement"]
    assert Statement.objects.get().speaker.name == SPEAKER
    assert Proposal.objects.get(kind="citation").state == "pending"


def test_bulk_accept_writes_what_accepting_one_by_one_writes(editor):
    one = article(SAID, ALERT, "Lawmakers met on Monday to discuss the embassy alert.")
    proposals_accept(proposals=Proposal.objects.filter(source=one), user=editor)
    by_one = (
        sorted((c.sentence, c.event.title, c.date_value) for c in Citation.objects.select_related("event").all()),
        sorted((s.text, s.speaker.name, s.date_value) for s in Statement.objects.select_related("speaker")),
    )
    for model in (Citation, Statement, Event, Actor):
        model.objects.all().delete()
    one.delete()

    two = article(SAID, ALERT, "Lawmakers met on Monday to discuss the embassy alert.")
    proposals_accept_above(source=two, min_confidence=0.0, user=editor)

    in_bulk = (
        sorted((c.sentence, c.event.title, c.date_value) for c in Citation.objects.select_related("event").all()),
        sorted((s.text, s.speaker.name, s.date_value) for s in Statement.objects.select_related("speaker")),
    )
    assert in_bulk == by_one
    assert Statement.objects.get().history.earliest().history_user == editor


def bulk_queries(count: int, user) -> int:
    """Queries to bulk accept an article of `count` statements and two citations, on an empty timeline."""
    for model in (Citation, Statement, Event, Actor):
        model.objects.all().delete()
    source = article(*many_sentences(count), ALERT, "Lawmakers met on Monday to discuss it.")
    with CaptureQueriesContext(connection) as queries:
        accepted = proposals_accept_above(source=source, min_confidence=0.0, user=user)
    assert len(accepted) == count + 2
    return len(queries)


def test_bulk_accept_costs_the_same_queries_for_3_and_for_30_proposals(editor):
    assert bulk_queries(3, editor) == bulk_queries(30, editor)


def test_bulk_accept_stays_within_its_query_budget(editor, django_assert_max_num_queries):
    source = article(*many_sentences(25), ALERT)
    # Lock and read the proposals; the actors; the statements and citations already there; a new speaker,
    # statements, an event (slugs taken), citations and event actors, each with its history rows; the
    # pending proposals elsewhere that name the new speaker, and their links; the proposals' update; the
    # stories; then resolve_dates on the source (about fifteen, by batch).
    with django_assert_max_num_queries(35):
        proposals_accept_above(source=source, min_confidence=0.0, user=editor)
    assert Statement.objects.count() == 25


def test_bulk_accept_is_all_or_nothing(editor):
    source = article(SAID, ALERT)
    Proposal.objects.filter(kind="statement").update(char_start=1)  # its offsets no longer hold its words

    with pytest.raises(ValidationError):
        proposals_accept_above(source=source, min_confidence=0.0, user=editor)

    assert (Statement.objects.count(), Citation.objects.count(), Event.objects.count()) == (0, 0, 0)
    assert set(Proposal.objects.values_list("state", flat=True)) == {"pending"}


def test_a_bulk_accepted_speaker_is_removed_again_by_undo(editor):
    source = article(SAID)
    proposals_accept_above(source=source, min_confidence=0.0, user=editor)

    review_undo(user=editor)

    assert (Statement.objects.count(), Actor.objects.count()) == (0, 0)
