"""/api/v1/feeds: editors follow feeds, change and delete them, and queue a poll whose job shows its
progress and each failed item with its reason."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intake.models import Feed, ImportJob
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from tests.feeds import article_routes, feed_items, feed_route, rss
from tests.pages import serve
from timeline.models import Source

pytestmark = pytest.mark.django_db

FEEDS = "/api/v1/feeds"


def test_an_editor_follows_a_feed_changes_it_and_stops_following_it(editor_client):
    created = editor_client.post(FEEDS, {"url": "https://news.example.org/rss", "interval_minutes": 15}, format="json")
    assert created.status_code == 201, created.json()
    feed = created.json()
    assert (feed["enabled"], feed["last_polled_at"], feed["title"]) == (True, None, "")

    changed = editor_client.patch(f"{FEEDS}/{feed['id']}", {"enabled": False, "title": "News"}, format="json")
    assert (changed.json()["enabled"], changed.json()["title"]) == (False, "News")
    assert [f["id"] for f in editor_client.get(FEEDS, {"enabled": "false"}).json()["results"]] == [feed["id"]]

    assert editor_client.delete(f"{FEEDS}/{feed['id']}").status_code == 204
    assert not Feed.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "ftp://news.example.org/rss"}, "url"),
        ({"url": "https://news.example.org/rss", "interval_minutes": 0}, "interval_minutes"),
        ({"url": "https://news.example.org/rss", "interval_minutes": "30"}, "interval_minutes"),
        ({"url": "https://taken.example.org/rss"}, "url"),
    ],
)
def test_a_bad_feed_is_a_400_naming_the_field(editor_client, body, field):
    Feed.objects.create(url="https://taken.example.org/rss")
    response = editor_client.post(FEEDS, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_feeds_are_for_editors_only(client, user_client):
    feed = Feed.objects.create(url="https://news.example.org/rss")
    assert client.get(FEEDS).status_code == 401
    assert user_client.get(FEEDS).status_code == 403
    assert user_client.post(FEEDS, {"url": "https://other.example.org/rss"}, format="json").status_code == 403
    assert user_client.post(f"{FEEDS}/{feed.pk}/poll").status_code == 403
    assert not ImportJob.objects.exists()


def test_polling_needs_the_right_to_import_articles_too(user, user_client):
    feed = Feed.objects.create(url="https://news.example.org/rss")
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_feed", "change_feed"]))
    assert user_client.post(f"{FEEDS}/{feed.pk}/poll").status_code == 403


@pytest.mark.usefixtures("fake_reader")
def test_a_poll_is_a_202_with_its_job_whose_progress_and_failures_are_read_from_the_jobs_api(editor_client, settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    routes = article_routes(range(2))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss([*feed_items(base, range(2)), ("gone", f"{base}/gone", "Gone")]))
        feed = Feed.objects.create(url=f"{base}/feed")
        response = editor_client.post(f"{FEEDS}/{feed.pk}/poll")

    assert response.status_code == 202
    job = editor_client.get(response.json()["api_url"]).json()
    assert (job["status"], job["feed"], job["done"], job["total"]) == ("succeeded", feed.pk, 3, 3)
    assert job["message"] == "imported 2 of 3 new items, 1 failed"
    assert job["failures"] == [
        {"url": f"{base}/gone", "title": "Gone", "reason": f"url: {base}/gone answered HTTP 404"}
    ]
    assert Source.objects.count() == 2
    assert editor_client.get(f"{FEEDS}/{feed.pk}").json()["last_polled_at"] is not None


def test_listing_feeds_costs_the_same_queries_at_ten_feeds_and_at_a_hundred(editor_client):
    counts = []
    for rows in (10, 90):  # 10, then 100 in all
        Feed.objects.bulk_create(
            [Feed(url=f"https://news{len(counts)}-{n}.example.org/rss", title=f"Feed {n}") for n in range(rows)]
        )
        with CaptureQueriesContext(connection) as queries:
            response = editor_client.get(FEEDS, {"page_size": 200})
        assert len(response.json()["results"]) == Feed.objects.count()
        counts.append(len(queries))
    # the token joined to its user, the user's permissions (own and groups'), the count, the page of feeds
    assert counts == [5, 5]


def test_a_poll_draws_an_imports_cost_from_the_budget_and_editing_feeds_does_not(editor_client, monkeypatch, settings):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {**SimpleRateThrottle.THROTTLE_RATES, "cost": "50/hour"})
    settings.IMPORT_THROTTLE_COST = 20
    feed = Feed.objects.create(url="http://127.0.0.1:1/feed")  # nothing listens: each poll fails at once
    edits = [editor_client.patch(f"{FEEDS}/{feed.pk}", {"title": f"t{n}"}, format="json").status_code for n in range(5)]
    polls = [editor_client.post(f"{FEEDS}/{feed.pk}/poll").status_code for _ in range(3)]

    assert edits == [200] * 5
    assert polls == [202, 202, 429]
