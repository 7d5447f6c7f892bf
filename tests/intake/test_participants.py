"""Named entities become actors: accepting an event creates its named participants that are no actor
yet (never a description such as "Israel's prime minister"), links known ones by name or alias, and
undo takes back what it made."""

import datetime as dt

import pytest
from django.contrib.auth.models import User

from intake.models import Proposal, ProposalKind
from intake.services.bulk_accept import proposals_accept_above
from intake.services.proposals import is_proper_name, proposal_accept
from intake.services.review import review_accept, review_undo
from tests.factories import ActorFactory, SourceFactory, resolved_dates
from timeline.models import Actor, Event

pytestmark = pytest.mark.django_db

SENTENCE = "Israel's prime minister apologised to Recep Tayyip Erdogan and Turkey on Friday."


def citation(source, start: int = 0) -> Proposal:
    mentions = [
        {"name": "Israel's prime minister", "kind": "person", "actor_id": None, "participant": True},
        {"name": "Recep Tayyip Erdogan", "kind": "person", "actor_id": None, "participant": True},
        {"name": "Turkey", "kind": "country", "actor_id": None, "participant": True},
        {"name": "Friday Times", "kind": "organisation", "actor_id": None},  # named, not a participant
    ]
    return Proposal.objects.create(
        source=source,
        kind=ProposalKind.CITATION,
        char_start=start,
        char_end=start + len(SENTENCE),
        text=SENTENCE,
        event_title="Israel apologises to Turkey",
        actors=mentions,
        confidence=0.9,
        **resolved_dates(dt.date(2013, 3, 22)),
    )


@pytest.mark.parametrize(
    ("name", "proper"),
    [
        ("Recep Tayyip Erdogan", True),
        ("the Bank of England", True),
        ("U.S. Embassy in Moscow", True),
        ("Israel's prime minister", False),
        ("officials", False),
        ("the", False),
    ],
)
def test_a_proper_name_is_told_from_a_description(name, proper):
    assert is_proper_name(name) is proper


def test_accepting_an_event_makes_its_named_participants_actors_and_links_known_ones_by_alias():
    turkey = ActorFactory(name="Republic of Turkey", kind="country", aliases=["Turkey"])
    proposal = citation(SourceFactory(text=SENTENCE))

    proposal_accept(proposal=proposal)

    event = Event.objects.get()
    assert sorted(a.name for a in event.actors.all()) == ["Recep Tayyip Erdogan", "Republic of Turkey"]
    assert Actor.objects.get(name="Recep Tayyip Erdogan").kind == "person"
    assert not Actor.objects.filter(name__in=["Israel's prime minister", "Friday Times", "Turkey"]).exists()
    assert turkey.events.get() == event


def test_undo_takes_back_the_actors_accepting_made():
    editor = User.objects.create_user("editor")
    proposal = citation(SourceFactory(text=SENTENCE))
    review_accept(proposal_id=proposal.pk, user=editor, version=proposal.version)
    assert Actor.objects.filter(name="Recep Tayyip Erdogan").exists()

    review_undo(user=editor)

    assert not Actor.objects.filter(name="Recep Tayyip Erdogan").exists()
    assert not Event.objects.exists()


def test_a_bulk_accept_makes_each_new_participant_once():
    source = SourceFactory(text=SENTENCE + " " + SENTENCE)
    citation(source)
    citation(source, start=len(SENTENCE) + 1)

    proposals_accept_above(source=source, min_confidence=0.5)

    assert Actor.objects.filter(name="Recep Tayyip Erdogan").count() == 1
    assert Actor.objects.count() == 2  # Erdogan and Turkey
    assert all(e.actors.count() == 2 for e in Event.objects.all())
