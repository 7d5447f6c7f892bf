"""The timeline page, the source page and the TimelineJS view, through Django's test client."""

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intake.models import Proposal, ProposalKind, ProposalState
from tests.factories import (
    ActorFactory,
    CitationFactory,
    EventFactory,
    SourceFactory,
    StatementFactory,
    StoryFactory,
    resolved_dates,
)
from timeline.models import Event, Source, Statement
from web import views

pytestmark = pytest.mark.django_db

SEPT_ALERT = "US Embassy in Moscow tells Americans to leave Russia (September 2022)"


def text_of(response) -> str:
    """The page's visible words, tags dropped, entities read."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.content.decode())))


def entry_ids(response) -> list[str]:
    return re.findall(r'<article class="entry[^"]*" id="([^"]+)"', response.content.decode())


# --- On the seed timeline -----------------------------------------------------------------------


def test_the_root_shows_the_seed_timeline_in_date_order(client, seeded):
    response = client.get("/")

    assert response.status_code == 200
    ids = entry_ids(response)
    dated = Event.objects.exclude(date_start=None).count() + Statement.objects.exclude(date_start=None).count()
    undated = Event.objects.filter(date_start=None).count() + Statement.objects.filter(date_start=None).count()
    assert len(ids) == min(dated, views.PAGE_SIZE) + undated
    page = text_of(response)
    assert "News timeline" in page
    assert "Tuesday night, 27 Sep 2022" in page and "September 2022" in page and "week of 19 Sep 2022" in page
    assert "Undated" in page


def test_the_september_alert_says_where_its_sources_disagree(client, seeded):
    alert = Event.objects.get(title=SEPT_ALERT)
    response = client.get("/", {"q": "embassy", "kind": "event"})

    match = re.search(rf'<article[^>]+id="event-{alert.pk}".*?</article>', response.content.decode(), re.S)
    entry = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", match.group(0))))
    assert "4 sources agree on Tuesday night, 27 Sep 2022; New York Post says Wednesday, 28 Sep 2022" in entry
    # Each source with its own reading, and the explanation on demand.
    assert "CNN" in entry and "The Independent" in entry and "New York Post" in entry
    assert "says “Wednesday”: Wednesday, 28 Sep 2022" in entry and "disagrees" in entry
    assert entry.count("How this date was read") >= 5
    assert "The words in their article" in entry and "Counted from" in entry


def test_a_filter_narrows_the_page_as_it_narrows_the_api(client, seeded):
    everything = entry_ids(client.get("/"))
    cnn = Source.objects.get(publisher="CNN")

    narrowed = entry_ids(client.get("/", {"source": cnn.pk, "kind": "statement"}))
    api = client.get("/api/v1/timeline", {"source": cnn.pk, "kind": "statement", "page_size": 200}).json()

    assert 0 < len(narrowed) < len(everything)
    assert all(i.startswith("statement-") for i in narrowed)
    # The API leaves undated rows out; the page shows them in their own group.
    undated_pks = Statement.objects.filter(source=cnn, date_start=None).values_list("pk", flat=True)
    undated = {f"statement-{pk}" for pk in undated_pks}
    assert set(narrowed) - undated == {row["unique_id"] for row in api["results"]}


def test_a_date_range_keeps_overlapping_dates_and_drops_the_undated_group(client, seeded):
    response = client.get("/", {"start": "2022-09-27", "end": "2022-09-27"})

    page = text_of(response)
    assert "Tuesday night, 27 Sep 2022" in page and "September 2022" in page  # a month overlaps its days
    assert "Undated" not in page and "Sunday, 25 Sep 2022" not in page


def test_the_filters_stay_in_every_link(client, seeded):
    response = client.get("/", {"q": "embassy", "kind": "event"})
    html = response.content.decode()

    assert 'href="/api/v1/timeline?kind=event&amp;q=embassy&amp;format=csv"' in html
    assert 'href="/timelinejs?kind=event&amp;q=embassy"' in html
    assert 'value="embassy"' in html  # the form shows what was asked


def test_a_bad_filter_is_a_400_that_names_it(client, seeded):
    response = client.get("/", {"start": "2022-09-30", "end": "2022-09-01", "actor": "999999"})

    assert response.status_code == 400
    page = text_of(response)
    assert "end : The end comes before the start." in page
    assert "actor :" in page
    assert entry_ids(response) == []


def test_a_forged_cursor_is_a_400(client, seeded):
    assert client.get("/", {"after": "2022-09-27.x.0.1"}).status_code == 400


def test_the_source_page_marks_citations_statements_and_dates_and_links_them_to_their_entries(client, seeded):
    cnn = Source.objects.get(publisher="CNN")
    response = client.get(f"/sources/{cnn.pk}")

    assert response.status_code == 200
    html = response.content.decode()
    for citation in cnn.citations.all():
        assert f'id="citation-{citation.pk}"' in html
        assert f"#event-{citation.event_id}" in html
    for statement in cnn.statements.all():
        assert f'id="statement-{statement.pk}"' in html
        assert f"#statement-{statement.pk}" in html
    assert html.count('class="mark-date"') >= 10
    # The whole text is there, in order, once the marks are taken away.
    body = re.search(r'<div class="article-text">(.*?)</div>', html, re.S).group(1)
    body = re.sub(r'<a class="to-entry".*?</a>', "", body, flags=re.S)
    assert unescape(re.sub(r"<[^>]+>", "", body)) == cnn.text


def test_a_link_from_a_source_opens_the_page_that_starts_with_its_entry(client, seeded):
    alert = Event.objects.get(title=SEPT_ALERT)
    html = client.get(f"/sources/{alert.citations.first().source_id}").content.decode()
    href = unescape(re.search(rf'href="(/\?[^"]*#event-{alert.pk})"', html).group(1))

    assert entry_ids(client.get(href.split("#")[0]))[0] == f"event-{alert.pk}"


def test_an_unknown_source_is_a_404(client, db):
    assert client.get("/sources/424242").status_code == 404


def test_the_timelinejs_view_reads_the_api_export_with_the_same_filters(client, db):
    response = client.get("/timelinejs", {"q": "embassy", "page": "3"})
    html = response.content.decode()

    assert response.status_code == 200
    if views.finders.find(views.TIMELINEJS_SCRIPT) is None:
        assert "TimelineJS is not installed on this server" in html
    else:
        assert 'data-src="/api/v1/timeline?q=embassy&amp;format=timelinejs"' in html
        assert "vendor/timelinejs/js/timeline.js" in html


def test_the_timelinejs_view_says_so_when_timelinejs_is_not_installed(client, db, monkeypatch):
    monkeypatch.setattr(views, "TIMELINEJS_SCRIPT", "vendor/not-there.js")
    html = client.get("/timelinejs").content.decode()
    assert "TimelineJS is not installed on this server" in html
    assert "timeline.js" not in html


def test_the_timelinejs_css_loads_no_font_from_another_host():
    path = views.finders.find("vendor/timelinejs/css/timeline.css")
    if path is None:
        pytest.skip("TimelineJS is not installed (make vendor needs npm)")
    css = Path(path).read_text(encoding="utf-8")
    assert "@import" not in css
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)


# --- Escaping and paging ------------------------------------------------------------------------


@pytest.mark.django_db
def test_what_editors_type_is_escaped_on_every_page(client):
    evil = '<script>alert("x")</script>'
    source = SourceFactory(publisher=evil, headline=evil, text=f"On Tuesday {evil} said the embassy.")
    day = dt.date(2022, 9, 27)
    event = EventFactory(title=evil, description=evil, category=evil, **resolved_dates(day))
    CitationFactory(event=event, source=source, date_text=evil, **resolved_dates(day))
    StatementFactory(source=source, speaker=ActorFactory(name=evil), text=evil, **resolved_dates(day))

    for url in ("/", f"/sources/{source.pk}", "/?q=script", "/timelinejs?q=%3Cscript%3E"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;" in html or url.startswith("/timelinejs"), url


def test_the_page_is_windowed_and_pages_through_every_entry(client):
    for i in range(views.PAGE_SIZE + 5):
        EventFactory(**resolved_dates(dt.date(2022, 1, 1) + dt.timedelta(days=i)))

    first = client.get("/")
    ids = entry_ids(first)
    next_url = re.search(r'href="([^"]+)" rel="next"', first.content.decode()).group(1)
    second = client.get("/" + unescape(next_url))
    previous_url = re.search(r'href="([^"]+)" rel="prev"', second.content.decode()).group(1)

    assert len(ids) == views.PAGE_SIZE
    assert len(entry_ids(second)) == 5 and not set(entry_ids(second)) & set(ids)
    assert entry_ids(client.get("/" + unescape(previous_url))) == ids


# --- Bounded queries ----------------------------------------------------------------------------


def build(rows: int) -> None:
    """`rows` dated events (two citations, two actors each), `rows` statements, and one undated of each."""
    shared = ActorFactory()
    for i in range(rows):
        day = dt.date(2022, 9, 1) + dt.timedelta(days=i)
        event = EventFactory(**resolved_dates(day))
        event.actors.set([shared, ActorFactory()])
        for _ in range(2):
            CitationFactory(event=event, source=SourceFactory(), **resolved_dates(day))
        StatementFactory(event=event, speaker=shared, **resolved_dates(day))
    CitationFactory(event=EventFactory())
    StatementFactory()


@pytest.mark.parametrize("rows", [10, 100])
def test_the_page_runs_the_same_queries_at_10_and_100_entries(client, django_assert_num_queries, rows):
    build(rows)
    # 1 dated events, 2 their actors, 3 their citations with sources, 4 dated statements with speaker,
    # source and event; 5 undated events, 6 their actors, 7 their citations, 8 undated statements;
    # 9-10 the chart's counts per month (events, statements); 11 stories, 12 actors, 13 sources,
    # 14 categories for the filter form.
    with django_assert_num_queries(14):
        response = client.get("/")
    assert response.status_code == 200
    assert len(entry_ids(response)) == min(2 * rows, views.PAGE_SIZE) + 2


def test_the_source_page_runs_the_same_queries_whatever_its_number_of_entries(client):
    counts = []
    for rows in (10, 100):
        source = SourceFactory(text="On Tuesday the embassy said so. " * rows)
        for i in range(rows):
            event = EventFactory(**resolved_dates(dt.date(2022, 9, 27)))
            CitationFactory(event=event, source=source, char_start=32 * i, char_end=32 * i + 31)
            StatementFactory(source=source, char_start=32 * i + 7, char_end=32 * i + 30)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/sources/{source.pk}").status_code == 200
        counts.append(len(queries))
    # the source, its citations with their events, its statements with their speakers, its pending proposals
    assert counts == [4, 4]


def test_the_forms_empty_fields_are_no_filter(client, seeded):
    response = client.get("/", {"q": "embassy", "start": "", "end": "", "actor": "", "source": "", "kind": "event"})
    assert response.status_code == 200
    assert entry_ids(response) == entry_ids(client.get("/", {"q": "embassy", "kind": "event"}))


def test_a_chart_bar_narrows_the_current_filters_to_its_own_period(client, seeded):
    html = client.get("/", {"q": "embassy", "start": "2022-01-01", "end": "2023-12-31"}).content.decode()
    bars = [unescape(href) for href in re.findall(r'<a href="(\?[^"]*)">\s*<rect', html)]

    assert bars and all(href.count("start=") == 1 and href.count("end=") == 1 for href in bars)
    assert "?q=embassy&start=2022-09-01&end=2022-09-30" in bars


def test_editors_get_an_edit_link_on_each_entry_and_readers_do_not(client, django_user_model):
    event = EventFactory(**resolved_dates(dt.date(2022, 9, 27)))
    assert f"/admin/timeline/event/{event.pk}/change/" not in client.get("/").content.decode()
    assert f'href="/api/v1/events/{event.pk}"' in client.get("/").content.decode()

    client.force_login(django_user_model.objects.create_user("ed", is_staff=True))
    assert f"/admin/timeline/event/{event.pk}/change/" in client.get("/").content.decode()


def test_a_story_names_its_own_timeline_and_shows_only_its_entries(client):
    story = StoryFactory(title="The embassy alerts")
    inside = EventFactory(title="Inside the story", **resolved_dates(dt.date(2022, 9, 27)))
    outside = EventFactory(title="Another story's event", **resolved_dates(dt.date(2022, 9, 27)))
    inside.stories.add(story)

    response = client.get("/", {"story": story.slug})
    page = unescape(response.content.decode())

    assert response.status_code == 200
    assert "<h1>The embassy alerts</h1>" in page
    assert f"event-{inside.pk}" in entry_ids(response)
    assert f"event-{outside.pk}" not in entry_ids(response)
    everything = unescape(client.get("/").content.decode())
    assert f"<h1>{views.TIMELINE_TITLE}</h1>" in everything


def test_the_source_page_marks_proposals_awaiting_review_and_not_reviewed_ones(client):
    text = "On Tuesday the embassy said so. On Friday it left."
    source = SourceFactory(text=text)
    pending = Proposal.objects.create(
        source=source, kind=ProposalKind.CITATION, char_start=0, char_end=31, text=text[0:31], rule="dated_sentence"
    )
    rejected = Proposal.objects.create(
        source=source,
        kind=ProposalKind.CITATION,
        char_start=32,
        char_end=len(text),
        text=text[32:],
        state=ProposalState.REJECTED,
    )

    page = client.get(f"/sources/{source.pk}").content.decode()

    assert f'id="proposal-{pending.pk}"' in page
    assert f'id="proposal-{rejected.pk}"' not in page
    assert "1 proposal from the article reader awaiting" in page


# --- An actor's page ----------------------------------------------------------------------------


def test_an_actors_page_shows_its_events_and_statements_and_what_awaits_review(client):
    abe, zed = ActorFactory(name="Abe Lincoln", aliases=["Lincoln"]), ActorFactory(name="Zed")
    for day, who in ((dt.date(2022, 9, 1), abe), (dt.date(2022, 9, 2), zed)):
        event = EventFactory(title=f"{who.name} acts", **resolved_dates(day))
        event.actors.set([who])
    said = StatementFactory(speaker=abe, **resolved_dates(dt.date(2022, 9, 3)))
    article = SourceFactory(text="Lincoln said the war was over.")
    Proposal.objects.create(
        source=article,
        kind=ProposalKind.STATEMENT,
        char_start=0,
        char_end=len(article.text),
        text=article.text,
        speaker=abe,
        speaker_name="Lincoln",
        **resolved_dates(dt.date(2022, 9, 4)),
    )

    response = client.get(f"/actors/{abe.pk}")

    assert response.status_code == 200
    page = text_of(response)
    assert entry_ids(response) == [f"event-{Event.objects.get(title='Abe Lincoln acts').pk}", f"statement-{said.pk}"]
    assert "also called Lincoln" in page and "Zed acts" not in page
    assert "Awaiting review" in page and "Lincoln said the war was over." in page
    # Its filters and exports stay on the actor's timeline.
    html = response.content.decode()
    assert f'action="/actors/{abe.pk}"' in html and f"/api/v1/actors/{abe.pk}/timeline?" in html


def test_every_actor_name_on_the_timeline_links_to_the_actors_page(client):
    abe = ActorFactory(name="Abe")
    event = EventFactory(title="Abe acts", **resolved_dates(dt.date(2022, 9, 1)))
    event.actors.set([abe])
    StatementFactory(speaker=abe, **resolved_dates(dt.date(2022, 9, 2)))

    html = client.get("/").content.decode()

    assert html.count(f'href="/actors/{abe.pk}"') == 2


def test_an_unknown_actor_is_a_404(client, db):
    assert client.get("/actors/999999").status_code == 404


def test_an_actors_page_runs_the_same_queries_at_10_and_100_entries(client):
    counts = []
    for rows in (10, 100):
        Statement.objects.all().delete()
        Event.objects.all().delete()
        build(rows)
        shared = Statement.objects.exclude(date_start=None).first().speaker
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/actors/{shared.pk}")
        assert response.status_code == 200
        assert len(entry_ids(response)) == min(2 * rows, views.PAGE_SIZE)
        counts.append(len(queries))
    assert counts[0] == counts[1]
