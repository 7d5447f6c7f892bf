"""Actors linked automatically: a name the reader finds that is a known actor's name, surname or alias
links the proposal to that actor (through the real reader, so it needs the spaCy model)."""

import datetime as dt

import pytest

from intake.models import Proposal, ProposalKind
from intake.services.proposals import proposals_propose
from tests.extraction.needs_model import requires_model
from tests.factories import ActorFactory, SourceFactory

pytestmark = [pytest.mark.django_db, requires_model]


def test_a_surname_and_an_alias_link_their_proposals_to_the_known_actor():
    netanyahu = ActorFactory(name="Benjamin Netanyahu", kind="person", aliases=["Bibi"])
    ActorFactory(name="Recep Tayyip Erdogan", kind="person")
    text = "Mr Netanyahu said on Friday that he regretted the loss of life. Bibi told reporters the talks would go on."
    proposals_propose(source=SourceFactory(text=text, published_date=dt.date(2013, 3, 22)))

    statements = Proposal.objects.filter(kind=ProposalKind.STATEMENT).order_by("char_start")
    assert [p.text for p in statements] == ["he regretted the loss of life", "the talks would go on"]
    assert [[a.name for a in p.linked_actors.all()] for p in statements] == [[netanyahu.name]] * 2
    assert all(p.speaker == netanyahu for p in statements)
