"""Likely duplicate actors are offered, never merged silently; a merge an editor confirms keeps one
actor with the other's statements, events and names, all or nothing, with history."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.exceptions import ValidationError

from intake.models import Proposal
from tests.factories import ActorFactory, EventFactory, SourceFactory, StatementFactory
from timeline.models import Actor
from timeline.services.actors import actor_duplicates, actors_merge

pytestmark = pytest.mark.django_db


def pairs() -> set[tuple[str, str]]:
    return {(p.first.name, p.second.name) for p in actor_duplicates()}


def test_names_that_differ_only_in_titles_case_accents_or_punctuation_are_offered_as_duplicates():
    ActorFactory(name="Recep Tayyip Erdoğan", kind="person")
    ActorFactory(name="Mr. Recep Tayyip Erdogan", kind="person")
    ActorFactory(name="Apple Inc.", kind="organisation")
    ActorFactory(name="Apple", kind="organisation")
    ActorFactory(name="Jordan", kind="country")
    ActorFactory(name="Michael Jordan", kind="person")  # a country is not a person's surname

    assert pairs() == {("Recep Tayyip Erdoğan", "Mr. Recep Tayyip Erdogan"), ("Apple Inc.", "Apple")}


def test_a_single_name_that_is_a_persons_surname_and_a_name_that_is_an_alias_are_offered():
    ActorFactory(name="Benjamin Netanyahu", kind="person")
    ActorFactory(name="Netanyahu", kind="person")
    ActorFactory(name="Vladimir Putin", kind="person", aliases=["Putin", "the Russian president"])
    ActorFactory(name="the Russian president", kind="person")

    assert pairs() == {("Benjamin Netanyahu", "Netanyahu"), ("Vladimir Putin", "the Russian president")}


def test_a_surname_the_reader_took_for_a_country_and_a_body_in_two_places_are_offered():
    ActorFactory(name="Antony Blinken", kind="person")
    ActorFactory(name="Blinken", kind="country")
    ActorFactory(name="U.S. embassy in Russia", kind="government_body")
    ActorFactory(name="US Embassy in Moscow", kind="government_body")
    ActorFactory(name="Police in Paris", kind="government_body")  # one word once the seat goes: no evidence
    ActorFactory(name="Police in London", kind="government_body")

    assert pairs() == {("Antony Blinken", "Blinken"), ("U.S. embassy in Russia", "US Embassy in Moscow")}


def test_a_surname_shared_by_many_people_is_no_evidence():
    for first in ("Ann", "Bob", "Cy", "Di", "Ed", "Flo"):
        ActorFactory(name=f"{first} Smith", kind="person")
    ActorFactory(name="Smith", kind="person")

    assert pairs() == set()


def test_nothing_is_merged_by_finding_duplicates():
    ActorFactory(name="Apple Inc.", kind="organisation")
    ActorFactory(name="Apple", kind="organisation")
    actor_duplicates()
    assert Actor.objects.count() == 2


def test_a_merge_moves_statements_events_and_names_to_the_actor_kept():
    editor = User.objects.create_user("editor")
    keep = ActorFactory(name="Benjamin Netanyahu", kind="person", aliases=["Bibi"])
    other = ActorFactory(name="Netanyahu", kind="person", aliases=["Mr Netanyahu", "bibi"])
    said = StatementFactory(speaker=other)
    both = EventFactory()
    both.actors.set([keep, other])
    only_other = EventFactory()
    only_other.actors.set([other])

    actors_merge(keep=keep, duplicates=[other], user=editor)

    keep.refresh_from_db()
    assert not Actor.objects.filter(pk=other.pk).exists()
    assert keep.aliases == ["Bibi", "Netanyahu", "Mr Netanyahu"]
    said.refresh_from_db()
    assert said.speaker == keep
    assert list(both.actors.all()) == [keep] and list(only_other.actors.all()) == [keep]
    assert said.history.latest().history_user == editor
    assert Actor.history.filter(id=other.pk, history_type="-").exists()


def test_a_merge_with_nothing_to_merge_is_refused_and_changes_nothing():
    keep = ActorFactory(name="Apple")
    with pytest.raises(ValidationError):
        actors_merge(keep=keep, duplicates=[keep])
    assert Actor.objects.get().aliases == []


def test_proposals_follow_the_merge(db):
    keep, other = ActorFactory(name="Apple Inc.", kind="organisation"), ActorFactory(name="Apple", kind="organisation")
    source = SourceFactory(text="Apple said it would appeal.")
    proposal = Proposal.objects.create(
        source=source,
        kind="statement",
        char_start=0,
        char_end=5,
        text="Apple",
        speaker=other,
        speaker_name="Apple",
        actors=[{"name": "Apple", "actor_id": other.pk}],
    )
    proposal.linked_actors.set([other])

    actors_merge(keep=keep, duplicates=[other])

    proposal.refresh_from_db()
    assert proposal.speaker == keep
    assert list(proposal.linked_actors.all()) == [keep]
    assert proposal.actors == [{"name": "Apple", "actor_id": keep.pk}]


# --- In the admin ---------------------------------------------------------------------------------

URL = "/admin/timeline/actor/duplicates/"


def test_the_admin_lists_likely_duplicates_and_merges_only_the_pair_an_editor_posts(admin_client):
    apple, apple_inc = (
        ActorFactory(name="Apple", kind="organisation"),
        ActorFactory(name="Apple Inc.", kind="organisation"),
    )
    ActorFactory(name="Google", kind="organisation")
    page = admin_client.get(URL)
    assert page.status_code == 200
    assert "Apple Inc." in page.content.decode() and "Google" not in page.content.decode()
    assert Actor.objects.count() == 3
    assert "Likely duplicates" in admin_client.get("/admin/timeline/actor/").content.decode()

    response = admin_client.post(URL, {"keep": apple_inc.pk, "merge": apple.pk})

    assert response.status_code == 302
    assert list(Actor.objects.values_list("name", flat=True)) == ["Apple Inc.", "Google"]
    assert Actor.objects.get(name="Apple Inc.").aliases == ["Apple"]


def test_merging_needs_the_change_and_delete_permissions_and_a_real_actor(client):
    apple, apple_inc = (
        ActorFactory(name="Apple", kind="organisation"),
        ActorFactory(name="Apple Inc.", kind="organisation"),
    )
    viewer = User.objects.create_user("viewer", password="pw-viewer-1", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_actor"))
    client.force_login(viewer)
    assert client.get(URL).status_code == 200
    assert client.post(URL, {"keep": apple_inc.pk, "merge": apple.pk}).status_code == 403
    assert Actor.objects.count() == 2

    viewer.user_permissions.add(*Permission.objects.filter(codename__in=["change_actor", "delete_actor"]))
    assert client.post(URL, {"keep": apple_inc.pk, "merge": "x"}).status_code == 404
    assert client.post(URL, {"keep": apple_inc.pk, "merge": "99999999999999999999"}).status_code == 404
    assert client.post(URL, {"keep": apple_inc.pk, "merge": apple_inc.pk}).status_code == 302
    assert Actor.objects.count() == 2
