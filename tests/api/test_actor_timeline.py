"""One actor's timeline: /api/v1/actors/{id}/timeline, the main timeline's filters, pages and exports
with the actor fixed, and its pending proposals on request."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intake.models import Proposal, ProposalKind, ProposalState
from intake.services.proposals import proposals_link_actors
from tests.factories import ActorFactory, CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates

pytestmark = pytest.mark.django_db

D = dt.date


def url(actor_id: int, query: str = "") -> str:
    return f"/api/v1/actors/{actor_id}/timeline" + (f"?{query}" if query else "")


def proposal(source, actor=None, *, day: dt.date, kind=ProposalKind.STATEMENT, state=ProposalState.PENDING, **fields):
    start = fields.pop("char_start", 0)
    made = Proposal.objects.create(
        source=source,
        kind=kind,
        state=state,
        char_start=start,
        char_end=len(source.text),
        text=source.text[start:],
        speaker_name=actor.name if actor and kind == ProposalKind.STATEMENT else "",
        speaker=actor if kind == ProposalKind.STATEMENT else None,
        actors=[{"name": actor.name, "kind": actor.kind, "actor_id": actor.pk}] if actor else [],
        **resolved_dates(day),
        **fields,
    )
    proposals_link_actors(proposals=[made])
    return made


@pytest.fixture
def two_actors():
    """Abe acts in two events and speaks once; Zed acts in one other event and speaks once."""
    abe, zed = ActorFactory(name="Abe"), ActorFactory(name="Zed")
    for day, actor in ((D(2022, 9, 1), abe), (D(2022, 9, 5), zed), (D(2022, 9, 9), abe)):
        event = EventFactory(title=f"{actor.name} acts {day:%d}", **resolved_dates(day))
        event.actors.set([actor])
        CitationFactory(event=event, **resolved_dates(day))
    StatementFactory(speaker=abe, **resolved_dates(D(2022, 9, 2)))
    StatementFactory(speaker=zed, **resolved_dates(D(2022, 9, 6)))
    return abe, zed


def titles(response) -> list[str]:
    return [entry["title"] for entry in response.json()["results"]]


def test_an_actors_timeline_holds_the_events_it_takes_part_in_and_the_statements_it_makes(client, two_actors):
    abe, _zed = two_actors
    response = client.get(url(abe.pk))
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(r["kind"], r["date"]["start"]) for r in results] == [
        ("event", "2022-09-01"),
        ("statement", "2022-09-02"),
        ("event", "2022-09-09"),
    ]
    assert all(abe.pk in [a["id"] for a in r["actors"]] for r in results)


def test_the_main_timelines_filters_narrow_an_actors_timeline_and_cannot_widen_it(client, two_actors):
    abe, zed = two_actors
    assert titles(client.get(url(abe.pk, "start=2022-09-03"))) == ["Abe acts 09"]
    # Another actor named in the query does not bring that actor's rows in.
    response = client.get(url(abe.pk, f"actor={zed.pk}&kind=event"))
    assert titles(response) == ["Abe acts 01", "Abe acts 09"]


def test_an_actors_timeline_pages_by_cursor(client, two_actors):
    abe, _zed = two_actors
    first = client.get(url(abe.pk, "page_size=2")).json()
    assert len(first["results"]) == 2 and first["next"]
    second = client.get(first["next"]).json()
    assert [r["date"]["start"] for r in second["results"]] == ["2022-09-09"]
    assert second["next"] is None


def test_an_actors_timeline_exports_as_the_main_timeline_does(client, two_actors):
    abe, _zed = two_actors
    response = client.get(url(abe.pk, "format=csv"))
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "Abe acts 01" in text and "Abe acts 09" in text and "Zed acts" not in text


def test_an_unknown_actor_is_a_json_404(client, two_actors):
    response = client.get(url(999_999))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_proposals_must_be_include_or_exclude(client, two_actors):
    abe, _zed = two_actors
    response = client.get(url(abe.pk, "proposals=all"))
    assert response.status_code == 400
    assert "proposals" in response.json()["errors"]


def test_pending_proposals_naming_the_actor_come_only_when_asked_and_marked_as_proposals(client, two_actors):
    abe, zed = two_actors
    article = SourceFactory(text="Abe said the talks had failed.")
    mine = proposal(article, abe, day=D(2022, 9, 4))
    proposal(article, zed, day=D(2022, 9, 4), char_start=1)  # Zed's: not on Abe's timeline
    proposal(article, abe, day=D(2022, 9, 4), char_start=2, state=ProposalState.REJECTED)  # decided
    cited = proposal(article, abe, day=D(2022, 9, 10), kind=ProposalKind.CITATION, char_start=3, event_title="Abe wins")

    assert "proposal" not in [r["kind"] for r in client.get(url(abe.pk)).json()["results"]]

    results = client.get(url(abe.pk, "proposals=include")).json()["results"]
    assert [(r["kind"], r["date"]["start"]) for r in results] == [
        ("event", "2022-09-01"),
        ("statement", "2022-09-02"),
        ("proposal", "2022-09-04"),
        ("event", "2022-09-09"),
        ("proposal", "2022-09-10"),
    ]
    proposed = [r for r in results if r["kind"] == "proposal"]
    assert [r["unique_id"] for r in proposed] == [f"proposal-{mine.pk}", f"proposal-{cited.pk}"]
    assert proposed[0]["title"].startswith("Abe: ") and proposed[1]["title"] == "Abe wins"
    assert proposed[0]["actors"] == [{"id": abe.pk, "name": "Abe", "kind": abe.kind}]


def test_paging_forward_shows_each_pending_proposal_once(client, two_actors):
    abe, _zed = two_actors
    article = SourceFactory(text="Abe said things on many days.")
    days = [D(2022, 8, 30), D(2022, 9, 1), D(2022, 9, 2), D(2022, 9, 3), D(2022, 9, 9), D(2022, 9, 20)]
    made = {proposal(article, abe, day=day, char_start=i).pk for i, day in enumerate(days)}
    seen, link = [], url(abe.pk, "proposals=include&page_size=1")
    while link:
        page = client.get(link).json()
        seen += [r["id"] for r in page["results"] if r["kind"] == "proposal"]
        link = page["next"]
    assert sorted(seen) == sorted(made)

    # And back from the last page, by the previous links: the same entries in the same order.
    forward, link = [], url(abe.pk, "proposals=include&page_size=2")
    while link:
        page = client.get(link).json()
        forward += [r["unique_id"] for r in page["results"]]
        last, link = page, page["next"]
    backward, link = [], last["previous"]
    while link:
        page = client.get(link).json()
        backward = [r["unique_id"] for r in page["results"]] + backward
        link = page["previous"]
    assert backward + [r["unique_id"] for r in last["results"]] == forward


@pytest.mark.parametrize("rows", [10, 100])
def test_an_actors_timeline_with_proposals_runs_a_fixed_number_of_queries(client, rows):
    actor = ActorFactory()
    article = SourceFactory(text="An article long enough for a proposal at each of its first 100 offsets. " * 3)
    for i in range(rows):
        day = D(2022, 9, 1) + dt.timedelta(days=i)
        event = EventFactory(**resolved_dates(day))
        event.actors.set([actor])
        CitationFactory(event=event, **resolved_dates(day))
        StatementFactory(speaker=actor, **resolved_dates(day))
        proposal(article, actor, day=day, char_start=i)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url(actor.pk, "proposals=include&page_size=200"))
    assert response.status_code == 200
    assert len(response.json()["results"]) == min(3 * rows, 200)
    assert len(queries) <= 9, [q["sql"][:80] for q in queries.captured_queries]


def test_an_actor_made_after_a_proposal_named_it_finds_that_proposal(client):
    article = SourceFactory(text="Lincoln said the war was over.")
    said = Proposal.objects.create(
        source=article,
        kind=ProposalKind.STATEMENT,
        char_start=0,
        char_end=len(article.text),
        text=article.text,
        speaker_name="Lincoln",
        actors=[{"name": "Lincoln", "kind": "person", "actor_id": None}],
        **resolved_dates(D(1865, 4, 9)),
    )
    other = Proposal.objects.create(
        source=article, kind=ProposalKind.STATEMENT, char_start=1, char_end=5, text=article.text[1:5],
        speaker_name="Lincolnshire Police", **resolved_dates(D(1865, 4, 9)),
    )  # fmt: skip

    lincoln = ActorFactory(name="Abraham Lincoln", aliases=["Lincoln"])

    assert list(said.linked_actors.all()) == [lincoln] and not other.linked_actors.exists()
    results = client.get(url(lincoln.pk, "proposals=include")).json()["results"]
    assert [r["unique_id"] for r in results] == [f"proposal-{said.pk}"]
