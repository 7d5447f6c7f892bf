"""The review decisions through the API: accept with corrections, reject with a version, undo, 409 on a race."""

import pytest
from rest_framework.test import APIClient

from intake.models import Proposal
from intake.services.proposals import proposals_propose
from tests.factories import ActorFactory, SourceFactory
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from timeline.models import Actor, Citation, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_reader")]

ALERT = "The embassy in Moscow issued a security alert on Tuesday urging citizens to leave."
SAID = "Citizens should not travel to Russia, the embassy said."


@pytest.fixture
def source():
    source = SourceFactory(text=f"{SAID} {ALERT}")
    proposals_propose(source=source)
    return source


def url(proposal: Proposal, action: str) -> str:
    return f"/api/v1/proposals/{proposal.pk}/{action}"


def test_accept_takes_corrections_in_its_body(editor_client, source):
    said = Proposal.objects.get(kind="statement")
    kremlin = ActorFactory(name="Kremlin")

    response = editor_client.post(
        url(said, "accept"),
        {"version": said.version, "words": "should not travel to Russia", "speaker_id": kremlin.pk},
        format="json",
    )

    assert response.status_code == 200, response.json()
    assert response.json()["state"] == "accepted"
    statement = Statement.objects.get()
    assert (statement.text, statement.speaker) == ("should not travel to Russia", kremlin)


def test_accept_without_a_body_accepts_as_proposed(editor_client, source):
    said = Proposal.objects.get(kind="statement")

    assert editor_client.post(url(said, "accept")).status_code == 200
    assert Statement.objects.get().text == SAID


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"words": "nowhere in it"}, "words"),
        ({"date_text": "the blue moon of never"}, "date_text"),
        ({"speaker_name": "x" * 10_000}, "speaker_name"),
        # JSON of the wrong type is refused, not coerced ("event_title": 0 was stored as "0")
        ({"event_title": 0}, "event_title"),
        ({"words": ["should"]}, "words"),
        ({"version": "0"}, "version"),
        ({"speaker_id": 1.0}, "speaker_id"),
    ],
)
def test_a_bad_correction_is_a_400_naming_the_field_and_writes_nothing(editor_client, source, body, field):
    said = Proposal.objects.get(kind="statement")

    response = editor_client.post(url(said, "accept"), body, format="json")

    assert response.status_code == 400 and field in response.json()["errors"]
    assert Statement.objects.count() == Actor.objects.count() == 0
    assert Proposal.objects.get(pk=said.pk).state == "pending"


def test_a_decision_on_a_version_already_decided_is_a_409_naming_that_decision(editor_client, source):
    said = Proposal.objects.get(kind="statement")
    editor_client.post(url(said, "reject"), {"version": said.version}, format="json")

    response = editor_client.post(url(said, "accept"), {"version": said.version}, format="json")

    assert response.status_code == 409
    assert response.json()["errors"]["state"][0].startswith("Already rejected by editor")
    assert Statement.objects.count() == 0


def test_undo_removes_what_the_last_accept_wrote(editor_client, source):
    alert = Proposal.objects.get(kind="citation")
    editor_client.post(url(alert, "accept"))

    response = editor_client.post("/api/v1/proposals/undo", {"source": source.pk}, format="json")

    assert response.status_code == 200 and response.json()["id"] == alert.pk
    assert response.json()["state"] == "pending"
    assert Citation.objects.count() == 0


def test_undo_with_nothing_to_undo_is_a_404(editor_client, source):
    assert editor_client.post("/api/v1/proposals/undo").status_code == 404


@pytest.mark.parametrize("action", ["accept", "reject"])
def test_deciding_needs_the_change_proposal_permission(client: APIClient, user_client, source, action):
    said = Proposal.objects.get(kind="statement")

    assert client.post(url(said, action)).status_code == 401
    assert user_client.post(url(said, action)).status_code == 403
    assert Proposal.objects.get(pk=said.pk).state == "pending"


def test_undo_needs_the_change_proposal_permission(client, user_client, source):
    assert client.post("/api/v1/proposals/undo").status_code == 401
    assert user_client.post("/api/v1/proposals/undo").status_code == 403


def test_an_edit_made_meanwhile_makes_a_decision_on_the_version_seen_before_it_a_409(editor_client, source):
    said = Proposal.objects.get(kind="statement")
    editor_client.patch(f"/api/v1/proposals/{said.pk}", {"mode": "direct"}, format="json")

    response = editor_client.post(url(said, "accept"), {"version": said.version}, format="json")

    assert response.status_code == 409 and "changed by another editor" in response.json()["errors"]["state"][0]
    assert Statement.objects.count() == 0
