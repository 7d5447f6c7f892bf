"""Feeds: each poll a job that imports the items no poll imported before, against a feed and article
pages served on 127.0.0.1 by the test; bad feeds and bad items end as clear errors on the job."""

from __future__ import annotations

import datetime as dt
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from intake.models import Feed, FeedItem, ImportJob, JobStatus
from intake.services import feeds, fetching
from intake.services.job_runs import import_job_run
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from tests.feeds import article_routes, feed_items, feed_route, rss
from tests.pages import serve
from timeline.models import Source

pytestmark = pytest.mark.usefixtures("fake_reader")


@pytest.fixture(autouse=True)
def _local_server_allowed(settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True  # the test server is on 127.0.0.1


def poll(feed: Feed) -> ImportJob:
    job = feeds.feed_poll_enqueue(feed=feed)  # the immediate backend: it has run
    job.refresh_from_db()
    return job


@pytest.mark.django_db
def test_a_poll_imports_each_item_and_a_second_poll_imports_only_what_is_new():
    routes = article_routes(range(5))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, range(3))))
        feed = Feed.objects.create(url=f"{base}/feed")
        first = poll(feed)
        routes["/feed"] = feed_route(rss(feed_items(base, range(5))))  # two new items on top
        second = poll(feed)
        third = poll(feed)

    assert (first.status, first.total, first.done, first.progress) == (JobStatus.SUCCEEDED, 3, 3, 100)
    assert first.proposals_created == 9  # the fake reader: two "said" lines and one dated sentence an article
    assert first.message == "imported 3 of 3 new items"
    assert (second.total, second.done, second.message) == (2, 2, "imported 2 of 2 new items")
    assert (third.status, third.total, third.message) == (JobStatus.SUCCEEDED, 0, "imported 0 of 0 new items")
    assert Source.objects.count() == 5
    assert sorted(FeedItem.objects.values_list("state", flat=True)) == ["imported"] * 5
    feed.refresh_from_db()
    assert (feed.title, feed.last_error) == ("Example Wire", "")


@pytest.mark.django_db
def test_an_article_already_imported_from_elsewhere_is_recorded_as_such_and_is_no_failure():
    routes = article_routes(range(2))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, range(2))))
        call_command("import_article", f"{base}/news/0", stdout=StringIO(), stderr=StringIO())
        job = poll(Feed.objects.create(url=f"{base}/feed"))

    assert job.status == JobStatus.SUCCEEDED
    assert job.message == "imported 1 of 2 new items, 1 already imported"
    assert job.failures == [
        {
            "url": f"{base}/news/0",
            "title": "Bridge 0",
            "reason": f"url: already imported as source {Source.objects.get(url=f'{base}/news/0').slug!r}",
        }
    ]


@pytest.mark.django_db
def test_a_feed_that_is_not_xml_fails_its_job_with_the_reason_and_nothing_else_is_written():
    routes = {"/feed": (200, "application/xml", b"<html><body><p>Our news, today", {})}
    with serve(routes) as base:
        feed = Feed.objects.create(url=f"{base}/feed")
        job = poll(feed)

    assert job.status == JobStatus.FAILED
    assert job.error.startswith(f"feed: {base}/feed is not an RSS or Atom feed")
    assert (FeedItem.objects.count(), Source.objects.count(), job.total) == (0, 0, 0)
    feed.refresh_from_db()
    assert feed.last_error == job.error


@pytest.mark.django_db
def test_a_page_served_as_a_feed_url_is_refused_by_its_content_type():
    with serve({"/feed": (200, "text/html", b"<html></html>", {})}) as base:
        job = poll(Feed.objects.create(url=f"{base}/feed"))

    assert job.error == f"feed: {base}/feed is not a feed (Content-Type 'text/html')"


@pytest.mark.django_db
def test_a_feed_of_ten_thousand_items_is_cut_at_the_cap_and_the_job_names_it(settings):
    settings.FEED_MAX_ITEMS = 4
    routes = article_routes(range(4))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, range(10_000))))
        job = poll(Feed.objects.create(url=f"{base}/feed"))

    assert (job.status, job.total, job.done) == (JobStatus.SUCCEEDED, 4, 4)
    assert job.message == (
        "imported 4 of 4 new items; the feed has 10000 items; only the first 4 were read (FEED_MAX_ITEMS=4)"
    )
    assert FeedItem.objects.count() == 4


@pytest.mark.django_db
def test_the_cap_is_two_hundred_items_unless_configured():
    from django.conf import settings

    assert settings.FEED_MAX_ITEMS == 200


@pytest.mark.django_db
def test_an_item_that_redirects_to_a_private_address_is_refused_and_the_others_go_on(settings, monkeypatch):
    # The test server is on 127.0.0.1, which private-address checks refuse: let that one host through
    # by its IP, so that a redirect to "localhost" meets the real check.
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = False
    check = fetching._check_address
    monkeypatch.setattr(fetching, "_check_address", lambda address, host: host != "127.0.0.1" and check(address, host))
    routes = article_routes([1, 2])
    with serve(routes) as base:
        port = base.rsplit(":", 1)[1]
        routes["/jump"] = (302, "text/html", b"", {"Location": f"http://localhost:{port}/news/2"})
        items = [("urn:1", f"{base}/news/1", "One"), ("urn:jump", f"{base}/jump", "Jump")]
        routes["/feed"] = feed_route(rss(items))
        job = poll(Feed.objects.create(url=f"{base}/feed"))

    assert (job.status, job.message) == (JobStatus.SUCCEEDED, "imported 1 of 2 new items, 1 failed")
    [failure] = job.failures
    assert failure["url"] == f"{base}/jump"
    assert failure["reason"].startswith("url: localhost resolves to 127.0.0.1, a private, loopback")
    assert list(Source.objects.values_list("url", flat=True)) == [f"{base}/news/1"]
    assert FeedItem.objects.get(key="urn:jump").state == "failed"


@pytest.mark.django_db
def test_a_feed_whose_items_all_fail_fails_its_job_with_each_reason_and_writes_no_article():
    menu = (200, "text/html", b"<html><body><a href=/>Home</a></body></html>", {})
    routes = {"/menu": menu}
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss([("a", f"{base}/gone", "Gone"), ("b", f"{base}/menu", "Menu")]))
        feed = Feed.objects.create(url=f"{base}/feed")
        job = poll(feed)

    assert job.status == JobStatus.FAILED
    assert job.error.startswith("none of the new items could be imported (imported 0 of 2 new items, 2 failed)")
    assert job.error.endswith(f"the first failed with url: {base}/gone answered HTTP 404")
    assert [f["reason"] for f in job.failures] == [
        f"url: {base}/gone answered HTTP 404",
        f"{base}/menu: no article text found on the page (4 characters of text)",
    ]
    assert (job.total, job.done, Source.objects.count()) == (2, 2, 0)
    feed.refresh_from_db()
    assert feed.last_error == job.error


@pytest.mark.django_db
def test_two_polls_in_separate_transactions_import_each_item_once():
    routes = article_routes(range(3))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, range(3))))
        feed = Feed.objects.create(url=f"{base}/feed")
        # Both queued before either runs, as two workers would take them.
        jobs = [ImportJob.objects.create(feed=feed, url=feed.url) for _ in range(2)]
        first, second = (import_job_run(job_id=job.pk) for job in jobs)

    assert (first.total, second.total) == (3, 0)
    assert Source.objects.count() == 3
    assert set(FeedItem.objects.values_list("job", flat=True)) == {first.pk}


@pytest.mark.django_db(transaction=True)
def test_two_workers_polling_at_once_import_each_item_exactly_once():
    if connection.vendor == "sqlite":
        pytest.skip("real concurrency needs PostgreSQL (SQLite's one writer serialises the workers)")
    items = range(30)
    routes = article_routes(items)
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, items)))
        feed = Feed.objects.create(url=f"{base}/feed")
        jobs = [ImportJob.objects.create(feed=feed, url=feed.url) for _ in range(2)]
        start = threading.Barrier(2)
        done: list[ImportJob] = []

        def worker(job_id: int) -> None:
            try:
                start.wait()
                done.append(import_job_run(job_id=job_id))
            finally:
                connection.close()

        threads = [threading.Thread(target=worker, args=(job.pk,)) for job in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert sorted(job.status for job in done) == ["succeeded", "succeeded"]
    assert sum(job.total for job in done) == 30
    assert Source.objects.count() == 30
    assert FeedItem.objects.filter(state="imported").count() == 30
    assert not any(job.failures for job in done)


@pytest.mark.django_db
def test_feeds_poll_queues_the_due_feeds_only_and_a_second_run_at_once_queues_none():
    routes = article_routes(range(1))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, range(1))))
        due = Feed.objects.create(url=f"{base}/feed", interval_minutes=60)
        Feed.objects.create(url=f"{base}/recent", last_polled_at=timezone.now() - dt.timedelta(minutes=5))
        Feed.objects.create(url=f"{base}/off", enabled=False)
        late = Feed.objects.create(
            url=f"{base}/late", interval_minutes=10, last_polled_at=timezone.now() - dt.timedelta(minutes=11)
        )
        out = StringIO()
        call_command("feeds_poll", stdout=out)
        again = StringIO()
        call_command("feeds_poll", stdout=again)

    assert set(ImportJob.objects.values_list("feed", flat=True)) == {due.pk, late.pk}
    assert "2 feeds due" in out.getvalue()
    assert "0 feeds due" in again.getvalue()
    assert Source.objects.count() == 1


@pytest.mark.django_db
def test_a_feed_poll_that_stops_progressing_is_failed_as_dead_but_not_one_that_runs_long(settings):
    settings.IMPORT_JOB_DEADLINE = 60
    feed = Feed.objects.create(url="http://127.0.0.1:1/feed")
    long_ago = timezone.now() - dt.timedelta(hours=1)
    busy = ImportJob.objects.create(feed=feed, status="running", started_at=long_ago, progressed_at=timezone.now())
    dead = ImportJob.objects.create(feed=feed, status="running", started_at=long_ago, progressed_at=long_ago)

    from intake.services.jobs import import_jobs_fail_stale

    assert import_jobs_fail_stale() == 1
    busy.refresh_from_db()
    dead.refresh_from_db()
    assert (busy.status, dead.status) == ("running", "failed")


@pytest.mark.django_db
def test_editors_add_a_feed_in_the_admin_see_its_items_and_poll_it_from_the_list(admin_client):
    from django.urls import reverse

    routes = article_routes(range(2))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, range(2))))
        added = admin_client.post(
            reverse("admin:intake_feed_add"),
            {"url": f"{base}/feed", "title": "", "interval_minutes": 30, "enabled": "on", **INLINE_EMPTY},
        )
        assert added.status_code == 302, added.content.decode()[:2000]
        feed = Feed.objects.get()
        polled = admin_client.post(
            reverse("admin:intake_feed_changelist"), {"action": "poll_selected", "_selected_action": [feed.pk]}
        )

    assert polled.status_code == 302
    page = admin_client.get(reverse("admin:intake_feed_change", args=[feed.pk])).content.decode()
    assert f"{base}/news/1" in page and "imported" in page
    assert admin_client.get(reverse("admin:intake_feed_changelist")).status_code == 200


# The management form of the items' inline, which the admin's add form posts.
INLINE_EMPTY = {
    "items-TOTAL_FORMS": "0",
    "items-INITIAL_FORMS": "0",
    "items-MIN_NUM_FORMS": "0",
    "items-MAX_NUM_FORMS": "0",
}


@pytest.mark.django_db
def test_a_poll_that_failed_because_the_feed_was_down_imports_its_items_when_retried():
    from intake.services.jobs import import_job_retry

    with serve({}) as base:
        port = int(base.rsplit(":", 1)[1])
    feed = Feed.objects.create(url=f"{base}/feed")
    failed = poll(feed)
    assert failed.status == JobStatus.FAILED
    assert failed.error.startswith("feed: 127.0.0.1 is unreachable (")

    routes = article_routes(range(2))
    with serve(routes, port=port):
        routes["/feed"] = feed_route(rss(feed_items(base, range(2))))
        retried = import_job_retry(job=failed)

    assert (retried.status, retried.attempts, retried.total, retried.done) == (JobStatus.SUCCEEDED, 2, 2, 2)
    assert Source.objects.count() == 2
    feed.refresh_from_db()
    assert feed.last_error == ""
