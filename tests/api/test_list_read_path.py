"""The events and statements lists' read path: pages built from `.values()` rows (api.payloads) are
byte for byte what the serializers give through ModelViewSet.list, at a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework import viewsets
from rest_framework.test import APIRequestFactory

from api.views import EventViewSet, StatementViewSet
from tests.factories import (
    ActorFactory,
    CitationFactory,
    EventFactory,
    SourceFactory,
    StatementFactory,
    StoryFactory,
    resolved_dates,
)
from timeline.services.stories import story_add

pytestmark = pytest.mark.django_db

D = dt.date


class SerializedEvents(EventViewSet):
    """The list as it was: model instances through EventSerializer."""

    list = viewsets.ModelViewSet.list


class SerializedStatements(StatementViewSet):
    list = viewsets.ModelViewSet.list


SERIALIZED = {"events": SerializedEvents, "statements": SerializedStatements}


def serialized(url: str):
    """The response the serializers give for a list URL."""
    view = SERIALIZED[url.split("?")[0].rsplit("/", 1)[-1]]
    response = view.as_view({"get": "list"})(APIRequestFactory().get(url))
    response.render()
    return response


@pytest.fixture
def varied() -> dict:
    """Rows that exercise every branch of the two payloads."""
    cnn = SourceFactory(publisher="CNN", published_time=dt.time(14, 30), timezone="America/New_York")
    post = SourceFactory(publisher="New York Post", url="", published_date=D(2022, 9, 27))
    zed, abe = ActorFactory(name="Zed", kind="organisation"), ActorFactory(name="Abe")
    alert = EventFactory(
        title="Alert\u2028line", location="Moscow", description="Leave now.", **resolved_dates(D(2022, 9, 27))
    )
    alert.actors.set([zed, abe])
    CitationFactory(
        event=alert, source=cnn, date_text="Tuesday", date_anchor=D(2022, 9, 28), **resolved_dates(D(2022, 9, 27))
    )
    CitationFactory(event=alert, source=post, date_text="Wednesday", **resolved_dates(D(2022, 9, 28)))
    CitationFactory(event=alert, source=cnn, char_start=1, date_text="Tuesday night", **resolved_dates(D(2022, 9, 27)))
    CitationFactory(event=alert, source=post, char_start=2, date_text="now")  # undated: contradicts nothing
    month = EventFactory(
        title="Month",
        category="security",
        **resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09", precision="month"),
    )
    month.actors.set([abe])
    CitationFactory(event=month, source=post, **resolved_dates(D(2022, 9, 1), D(2022, 9, 30), value="2022-09"))
    undated = EventFactory(title="Undated", category="")
    CitationFactory(event=undated, source=cnn, date_text="recently")
    for day in range(3):
        EventFactory(**resolved_dates(D(2022, 9, 10 + day)))
    StatementFactory(source=cnn, event=alert, speaker=zed, text="x\u2029" * 100, **resolved_dates(D(2022, 9, 27)))
    StatementFactory(source=post, speaker=abe, **resolved_dates(D(2022, 9, 27)))
    StatementFactory(source=post, char_start=1, event=month, speaker=abe)  # undated
    StatementFactory(source=cnn, char_start=1, mode="direct", **resolved_dates(D(2022, 9, 2)))
    story = StoryFactory(slug="alert")
    story_add(story=story, sources=[cnn])
    return {"cnn": cnn.pk, "post": post.pk, "zed": zed.pk, "abe": abe.pk, "alert": alert.pk, "month": month.pk}


URLS = [
    "/api/v1/events",
    "/api/v1/events?page_size=2",
    "/api/v1/events?page_size=2&page=2",
    "/api/v1/events?page_size=2&page=3",
    "/api/v1/events?publisher=cnn",
    "/api/v1/events?source={post}&actor={abe}",
    "/api/v1/events?start=2022-09-20&end=2022-09-30&category=diplomacy",
    "/api/v1/events?status=unresolved",
    "/api/v1/events?story=alert&q=alert",
    "/api/v1/statements",
    "/api/v1/statements?page_size=3&page=2",
    "/api/v1/statements?event={alert}",
    "/api/v1/statements?actor={abe}&publisher=new+york+post",
    "/api/v1/statements?category=security",
    "/api/v1/statements?story=alert&start=2022-09-01",
]


@pytest.mark.parametrize("url", URLS)
def test_a_list_page_is_byte_for_byte_what_the_serializers_give(client, varied, url):
    url = url.format(**varied)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.content == serialized(url).content
    assert response.json()["results"]  # every URL above finds something


def test_the_fixture_reaches_every_branch(client, varied):
    events = {event["title"]: event for event in client.get("/api/v1/events").json()["results"]}
    alert = events["Alert\u2028line"]
    assert alert["sources_disagree"] is True and len(alert["date_readings"]) == 2
    assert [citation["agrees_with_event"] for citation in alert["citations"]] == [
        False,
        None,
        True,
        True,
    ]  # by publication
    assert [actor["name"] for actor in alert["actors"]] == ["Abe", "Zed"]
    assert alert["api_url"] == f"http://testserver/api/v1/events/{varied['alert']}"
    assert events["Undated"]["date"]["start"] is None and events["Undated"]["date_readings"] == []
    assert list(events)[-1] == "Undated"  # undated last
    statements = client.get("/api/v1/statements").json()["results"]
    assert {statement["event"] and statement["event"]["id"] for statement in statements} == {
        None,
        varied["alert"],
        varied["month"],
    }
    assert statements[-1]["date"]["start"] is None


@pytest.mark.parametrize("url", ["/api/v1/events?page=9", "/api/v1/events?page=0", "/api/v1/statements?page_size=x"])
def test_a_page_that_is_not_there_is_the_same_error(client, varied, url):
    response = client.get(url)
    assert response.status_code in (400, 404)
    expected = serialized(url)
    assert (response.status_code, response.content) == (expected.status_code, expected.content)


def build(events: int) -> None:
    """`events` events (two actors, two citations from two sources each) and as many statements."""
    shared = ActorFactory()
    for i in range(events):
        day = D(2022, 9, 1) + dt.timedelta(days=i)
        event = EventFactory(**resolved_dates(day))
        event.actors.set([shared, ActorFactory()])
        for k in range(2):
            CitationFactory(event=event, source=SourceFactory(), **resolved_dates(day + dt.timedelta(days=k)))
        StatementFactory(event=event if i % 2 else None, speaker=shared, **resolved_dates(day))


# count, then the page; for events, the page's actors and its citations joined to their sources
QUERIES = {
    "/api/v1/events": 4,
    "/api/v1/events?category=diplomacy&start=2022-01-01": 4,
    "/api/v1/events?page=2": 4,
    "/api/v1/statements": 2,
    "/api/v1/statements?publisher=example+news&page=2": 2,
}


@pytest.mark.parametrize("url", list(QUERIES))
def test_five_rows_and_fifty_cost_the_same_queries(client, url):
    build(101)
    separator = "&" if "?" in url else "?"
    counts = []
    for size in (5, 50):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{url}{separator}page_size={size}")
        assert response.status_code == 200
        assert len(response.json()["results"]) == size
        counts.append(len(queries))
    assert counts == [QUERIES[url]] * 2
