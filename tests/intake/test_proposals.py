import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from intake.models import Proposal, ProposalState
from intake.services.proposals import (
    event_candidates,
    proposal_accept,
    proposal_reject,
    proposal_update,
    proposals_accept,
    proposals_propose,
)
from tests.factories import ActorFactory, SourceFactory
from tests.fake_reader import SPEAKER, fake_reader  # noqa: F401 (a fixture)
from timeline.models import Actor, Citation, DateStatus, Event, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_reader")]

ALERT_TUESDAY = "The embassy in Moscow issued a security alert on Tuesday urging citizens to leave."
ALERT_WEDNESDAY = "The embassy in Moscow issued a security alert on Wednesday urging citizens to leave."
SAID = "Citizens should not travel to Russia, the embassy said."


def article(*sentences: str, publisher: str = "Example News", published: dt.date = dt.date(2022, 9, 28)):
    return SourceFactory(text=" ".join(sentences), publisher=publisher, published_date=published)


@pytest.fixture
def editor() -> User:
    return User.objects.create_user("editor")


def test_each_proposal_is_tied_to_its_words_with_its_rule_confidence_and_date():
    source = article(ALERT_TUESDAY, SAID)

    report = proposals_propose(source=source)

    assert report.created == 2
    citation = Proposal.objects.get(kind="citation")
    assert source.text[citation.char_start : citation.char_end] == citation.text == ALERT_TUESDAY
    assert (citation.rule, citation.confidence) == ("fake_dated", 0.8)
    assert (citation.date_text, citation.date_value, citation.date_status) == ("Tuesday", "2022-09-27", "resolved")
    statement = Proposal.objects.get(kind="statement")
    assert (statement.speaker_name, statement.mode, statement.state) == (SPEAKER, "reported", "pending")


def test_a_proposal_that_does_not_point_at_its_words_is_dropped(monkeypatch):
    from timeline import extraction

    real = extraction.extract

    def shifted(text, reference, *, known_actors=()):
        found = real(text, reference, known_actors=known_actors)
        moved = [
            c.__class__(**{**{f: getattr(c, f) for f in c.__slots__}, "char_start": c.char_start + 1})
            for c in found.citations
        ]
        return extraction.Extraction(statements=found.statements, citations=tuple(moved))

    monkeypatch.setattr(extraction, "extract", shifted)
    report = proposals_propose(source=article(ALERT_TUESDAY, SAID))

    assert (report.created, report.misplaced) == (1, 1)


def test_accepting_a_statement_creates_it_with_a_new_speaker_and_records_who_accepted(editor):
    source = article(SAID)
    proposals_propose(source=source)
    proposal = Proposal.objects.get()

    proposal_accept(proposal=proposal, user=editor)

    statement = Statement.objects.get()
    assert (statement.text, statement.speaker.name, statement.source) == (SAID, SPEAKER, source)
    # No date in the words: the statement is dated by its publication, as resolve_dates does.
    assert (statement.date_status, statement.date_value) == (DateStatus.INFERRED, "2022-09-28")
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reviewed_by, proposal.statement) == ("accepted", editor, statement)


def test_a_known_speaker_is_linked_not_created_again():
    embassy = ActorFactory(name=SPEAKER, kind="government_body")
    proposals_propose(source=article(SAID))

    proposal_accept(proposal=Proposal.objects.get())

    assert Statement.objects.get().speaker == embassy
    assert Actor.objects.count() == 1


def test_citations_of_one_happening_in_two_articles_make_one_event_whose_readings_disagree(editor):
    proposals_propose(source=article(ALERT_TUESDAY, publisher="Paper A"))
    proposals_propose(source=article(ALERT_WEDNESDAY, publisher="Paper B", published=dt.date(2022, 9, 29)))
    first, second = Proposal.objects.order_by("pk")
    assert second.same_event_as == first
    assert "dates agree" in second.match_reasons

    proposals_accept(proposals=Proposal.objects.all(), user=editor)

    event = Event.objects.get()
    assert event.citations.count() == 2
    assert event.date_status == DateStatus.AMBIGUOUS
    assert "Paper B says 2022-09-28 ('Wednesday')" in event.date_explanation


def test_a_proposed_new_event_is_a_candidate_described_by_its_grouped_citations_read_in_four_queries(
    django_assert_num_queries,
):
    proposals_propose(source=article(ALERT_TUESDAY, publisher="Paper A"))
    proposals_propose(source=article(ALERT_WEDNESDAY, publisher="Paper B", published=dt.date(2022, 9, 29)))
    proposals_propose(source=article("The ferry to Helsinki sank on Monday.", publisher="Paper C"))
    head = Proposal.objects.get(source__publisher="Paper A")

    # Accepted citations' words, events (none: their prefetches are skipped), pending heads, their members.
    with django_assert_num_queries(4):
        candidates = {c.key: c for c in event_candidates()}

    assert len(candidates) == 2
    grouped = candidates[f"proposal:{head.pk}"]
    assert grouped.sentences == (ALERT_TUESDAY, ALERT_WEDNESDAY)
    assert grouped.date_start == head.date_start


def test_a_citation_is_put_on_an_existing_event_that_reports_the_same_happening():
    proposals_propose(source=article(ALERT_TUESDAY, publisher="Paper A"))
    proposal_accept(proposal=Proposal.objects.get())
    event = Event.objects.get()

    proposals_propose(source=article(ALERT_TUESDAY.replace("urging", "telling"), publisher="Paper B"))
    later = Proposal.objects.get(state=ProposalState.PENDING)
    assert later.event == event
    proposal_accept(proposal=later)

    assert Event.objects.count() == 1
    assert sorted(Citation.objects.values_list("source__publisher", flat=True)) == ["Paper A", "Paper B"]


def test_reading_again_never_proposes_what_was_accepted_or_rejected_and_never_changes_a_record():
    source = article(ALERT_TUESDAY, SAID)
    proposals_propose(source=source)
    citation, statement = Proposal.objects.order_by("kind")
    proposal_accept(proposal=citation)
    proposal_reject(proposal=statement)
    Event.objects.update(title="Edited by an editor")

    report = proposals_propose(source=source)

    assert (report.created, report.already) == (0, 2)
    assert Proposal.objects.count() == 2
    assert Event.objects.get().title == "Edited by an editor"
    assert Proposal.objects.get(pk=statement.pk).state == "rejected"


def test_a_reviewed_proposal_cannot_be_accepted_or_edited_again():
    proposals_propose(source=article(SAID))
    proposal = Proposal.objects.get()
    proposal_reject(proposal=proposal)

    with pytest.raises(ValidationError, match="already rejected"):
        proposal_accept(proposal=proposal)
    with pytest.raises(ValidationError, match="already rejected"):
        proposal_update(proposal=proposal, speaker_name="Someone")
    assert Statement.objects.count() == 0


def test_a_bulk_accept_is_all_or_nothing():
    proposals_propose(source=article(ALERT_TUESDAY, SAID))
    citation, statement = Proposal.objects.order_by("kind")
    proposal_reject(proposal=statement)

    with pytest.raises(ValidationError):
        proposals_accept(proposals=[citation, statement])

    assert Proposal.objects.get(pk=citation.pk).state == "pending"
    assert (Event.objects.count(), Citation.objects.count()) == (0, 0)


def test_editing_offsets_takes_the_words_found_there_and_a_new_date_expression_is_read_on_accept():
    source = article(ALERT_TUESDAY, SAID)
    proposals_propose(source=source)
    proposal = Proposal.objects.get(kind="statement")
    start = source.text.index("Citizens should")

    proposal_update(proposal=proposal, char_start=start, char_end=start + 36, speaker_name="U.S. Embassy")
    assert proposal.text == "Citizens should not travel to Russia"
    with pytest.raises(ValidationError, match="outside the source text"):
        proposal_update(proposal=proposal, char_end=10_000)

    proposal = Proposal.objects.get(kind="citation")
    proposal_update(proposal=proposal, date_text="Monday")
    proposal_accept(proposal=proposal)
    assert Citation.objects.get().date_value == "2022-09-26"


def test_a_proposal_is_linked_to_the_known_actors_it_names_so_their_timelines_find_it():
    embassy = ActorFactory(name=SPEAKER, kind="government_body")
    proposals_propose(source=article(SAID, ALERT_TUESDAY))

    statement = Proposal.objects.get(kind="statement")
    assert list(statement.linked_actors.all()) == [embassy]
    # Reading again links nothing twice.
    proposals_propose(source=statement.source)
    assert statement.linked_actors.count() == 1
