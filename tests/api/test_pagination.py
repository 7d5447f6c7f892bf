"""Pagination: page numbers with a capped size on lists; a cursor on the timeline that stays put
while rows are added."""

import datetime as dt

import pytest

from tests.factories import ActorFactory, EventFactory, StatementFactory, resolved_dates

pytestmark = pytest.mark.django_db


def test_lists_are_paged_by_number_with_a_count(client):
    EventFactory.create_batch(60)
    first = client.get("/api/v1/events").json()
    assert first["count"] == 60 and len(first["results"]) == 50
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 10 and second["next"] is None
    assert {r["id"] for r in first["results"]}.isdisjoint({r["id"] for r in second["results"]})


def test_the_page_size_may_be_chosen_up_to_a_cap(client):
    ActorFactory.create_batch(205)
    assert len(client.get("/api/v1/actors", {"page_size": 5}).json()["results"]) == 5
    assert len(client.get("/api/v1/actors", {"page_size": 1000}).json()["results"]) == 200


def test_a_page_past_the_end_is_a_404_json(client):
    response = client.get("/api/v1/events", {"page": 9})
    assert response.status_code == 404
    assert "detail" in response.json()


def timeline_ids(client, url, params=None) -> tuple[list[str], dict]:
    body = client.get(url, params).json()
    return [row["unique_id"] for row in body["results"]], body


def test_the_timeline_is_paged_by_a_cursor_through_events_and_statements(client):
    start = dt.date(2022, 9, 1)
    for offset in range(5):
        EventFactory(**resolved_dates(start + dt.timedelta(days=offset)))
        StatementFactory(**resolved_dates(start + dt.timedelta(days=offset)))

    seen, body = timeline_ids(client, "/api/v1/timeline", {"page_size": 3})
    assert body["previous"] is None
    while body["next"]:
        page, body = timeline_ids(client, body["next"])
        seen += page

    everything, _ = timeline_ids(client, "/api/v1/timeline", {"page_size": 100})
    assert seen == everything and len(seen) == 10
    # Events come before statements on the same day and precision.
    assert [uid.split("-")[0] for uid in seen[:2]] == ["event", "statement"]


def test_a_timeline_page_does_not_shift_when_earlier_rows_are_added(client):
    for day in range(1, 7):
        EventFactory(title=f"e{day}", **resolved_dates(dt.date(2022, 9, day)))
    titles = lambda body: [row["title"] for row in body["results"]]  # noqa: E731
    first = client.get("/api/v1/timeline", {"page_size": 3}).json()
    assert titles(first) == ["e1", "e2", "e3"]

    # Rows added while the client reads: one before the cursor, one after it.
    EventFactory(title="early", **resolved_dates(dt.date(2022, 8, 1)))
    EventFactory(title="late", **resolved_dates(dt.date(2022, 9, 30)))

    second = client.get(first["next"]).json()
    assert titles(second) == ["e4", "e5", "e6"]  # an offset would have repeated e3
    assert titles(client.get(second["next"]).json()) == ["late"]


def test_the_previous_link_returns_the_page_before(client):
    for day in range(1, 8):
        EventFactory(**resolved_dates(dt.date(2022, 9, day)))
    first, body = timeline_ids(client, "/api/v1/timeline", {"page_size": 3})
    _, body = timeline_ids(client, body["next"])
    back, back_body = timeline_ids(client, body["previous"])
    assert back == first
    assert back_body["next"] is not None


def test_the_timeline_leaves_out_undated_rows(client):
    EventFactory()
    StatementFactory()
    dated = EventFactory(**resolved_dates(dt.date(2022, 9, 27)))
    ids, _ = timeline_ids(client, "/api/v1/timeline")
    assert ids == [f"event-{dated.pk}"]


def test_the_timeline_orders_equal_starts_finest_precision_first(client):
    month = EventFactory(
        **resolved_dates(dt.date(2022, 9, 1), dt.date(2022, 9, 30), value="2022-09", precision="month")
    )
    week = EventFactory(**resolved_dates(dt.date(2022, 9, 1), dt.date(2022, 9, 7), value="2022-W35", precision="week"))
    day = StatementFactory(**resolved_dates(dt.date(2022, 9, 1)))
    ids, _ = timeline_ids(client, "/api/v1/timeline", {"page_size": 1})
    assert ids == [f"statement-{day.pk}"]
    ids, _ = timeline_ids(client, "/api/v1/timeline")
    assert ids == [f"statement-{day.pk}", f"event-{week.pk}", f"event-{month.pk}"]
