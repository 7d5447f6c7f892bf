"""The pages for people: the timeline, a source's marked text, and the TimelineJS view.

Reads go through timeline.selectors, which apply timeline.filters: the page and the API filter alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from intake import selectors as intake_selectors
from timeline import paging, readings, selectors
from timeline.filters import InvalidFilters
from timeline.models import Actor, Citation, Event, Source, Statement
from timeline.paging import KIND_RANK, TimelineEntry, TimelinePosition
from timeline.services.annotation import source_dates
from web import presentation
from web.forms import FILTER_KEYS, TimelineFilterForm

# The pages' title, unless one story is asked for: then the story names its own timeline.
TIMELINE_TITLE = "News timeline"
PAGE_SIZE = 50
UNDATED_LIMIT = 50
PENDING_LIMIT = 20
TIMELINEJS_SCRIPT = "vendor/timelinejs/js/timeline.js"


# --- Where an entry sits: a readable cursor ----------------------------------------------------


def page_title(params: QueryDict) -> str:
    """The story's title when the page shows one story (`?story=<slug>`), else the service's."""
    slugs = params.getlist("story")
    if len(slugs) == 1:
        title = selectors.story_title(slugs[0])
        if title:
            return title
    return TIMELINE_TITLE


def encode_position(position: TimelinePosition) -> str:
    return f"{position.date_start.isoformat()}.{position.precision_rank}.{position.kind_rank}.{position.id}"


def decode_position(raw: str) -> TimelinePosition | None:
    try:
        day, rank, kind, pk = raw.split(".")
        position = TimelinePosition(dt.date.fromisoformat(day), int(rank), int(kind), int(pk))
    except ValueError:
        return None
    return position if position.kind_rank in KIND_RANK.values() else None


def entry_url(record: Event | Statement, kind: str, query: str = "") -> str:
    """The timeline page that starts with this entry, scrolled to it."""
    anchor = f"#{kind}-{record.pk}"
    base = reverse("web:timeline")
    if record.date_start is None:
        return f"{base}?{query}{anchor}" if query else f"{base}{anchor}"
    # Just before the entry in timeline order, so the page starts with it.
    before_it = TimelinePosition(record.date_start, record.date_precision_rank, KIND_RANK[kind], record.pk - 1)
    params = QueryDict(query, mutable=True)
    params["after"] = encode_position(before_it)
    return f"{base}?{params.urlencode()}{anchor}"


# --- What one entry shows ----------------------------------------------------------------------


@dataclass
class CitationView:
    citation: Citation
    label: str
    agrees: bool | None
    sentence: str


@dataclass
class EntryView:
    entry: TimelineEntry
    label: str
    anchor: str
    disagreement: str = ""
    citations: list[CitationView] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.entry.kind

    @property
    def record(self):
        return self.entry.record


def entry_view(entry: TimelineEntry) -> EntryView:
    record = entry.record
    view = EntryView(entry=entry, label=presentation.record_label(record), anchor=entry.unique_id)
    if entry.kind == "event":
        citations = entry.citations
        view.disagreement = presentation.disagreement_sentence(record, readings.date_readings(citations))
        view.citations = [
            CitationView(
                citation=c,
                label=presentation.record_label(c),
                agrees=readings.citation_agrees_with_event(c, record),
                sentence=presentation.sentence_with_date(c.sentence, c.date_text),
            )
            for c in citations
        ]
    return view


# --- The timeline page -------------------------------------------------------------------------


def filter_query(params: QueryDict) -> str:
    """The query string of the filters alone (no cursor), to carry into every link."""
    kept = QueryDict(mutable=True)
    for key in FILTER_KEYS:
        values = [v for v in params.getlist(key) if v]
        if values:
            kept.setlist(key, values)
    return kept.urlencode()


def timeline(request: HttpRequest) -> HttpResponse:
    return _timeline_page(request)


def actor(request: HttpRequest, pk: int) -> HttpResponse:
    """One actor's timeline: the timeline page with the actor fixed, and what awaits review about it."""
    person = get_object_or_404(Actor, pk=pk)
    return _timeline_page(request, actor=person)


def _timeline_page(request: HttpRequest, *, actor: Actor | None = None) -> HttpResponse:
    # The form sends every field, empty or not; an empty one is no filter (the API would call it invalid).
    query = filter_query(request.GET)
    params = QueryDict(query, mutable=True)
    if actor is not None:
        params.setlist("actor", [str(actor.pk)])
    form = TimelineFilterForm(params)
    events, event_errors = _filtered(selectors.timeline_events, params)
    statements, statement_errors = _filtered(selectors.timeline_statements, params)
    errors = {**statement_errors, **event_errors} if event_errors else dict(statement_errors)
    after = decode_position(request.GET.get("after", ""))
    before = decode_position(request.GET.get("before", "")) if after is None else None
    bad_cursor = any(request.GET.get(key) for key in ("after", "before")) and after is None and before is None
    if bad_cursor:
        errors["after"] = ["Not a position on the timeline; start from the first page."]

    context = {
        "title": actor.name if actor else page_title(params),
        "actor": actor,
        "page_url": reverse("web:actor", args=[actor.pk]) if actor else reverse("web:timeline"),
        "api_url": reverse("api:actor-timeline", args=[actor.pk]) if actor else reverse("api:timeline-list"),
        "form": form,
        "errors": errors,
        "query": query,
        "entries": [],
        "undated": [],
        "chart": presentation.Chart(),
    }
    if errors:
        return render(request, "web/timeline.html", context, status=400)

    entries, has_more = paging.timeline_page(
        events=events, statements=statements, after=after, before=before, limit=PAGE_SIZE
    )
    context["entries"] = [entry_view(entry) for entry in entries]
    first_page = after is None and before is None
    context |= _pager(query, entries, has_more=has_more, after=after, before=before)

    # Undated entries have no place in the order: they get their own group, on the first page.
    if first_page and not (params.get("start") or params.get("end")):
        undated = paging.undated_entries(events=events, statements=statements, limit=UNDATED_LIMIT)
        context["undated"] = [entry_view(entry) for entry in undated[:UNDATED_LIMIT]]
        context["undated_more"] = len(undated) > UNDATED_LIMIT

    if actor is not None and first_page:
        pending = intake_selectors.actor_pending_proposals(actor_id=actor.pk, limit=PENDING_LIMIT + 1)
        context["pending"], context["pending_more"] = pending[:PENDING_LIMIT], len(pending) > PENDING_LIMIT
    context["chart"] = presentation.chart_of(selectors.month_counts(events, statements))
    # A bar narrows the current filters to its own month or year.
    without_dates = params.copy()
    for key in ("start", "end"):
        without_dates.pop(key, None)
    context["chart_query"] = without_dates.urlencode()
    return render(request, "web/timeline.html", context)


def _pager(query: str, entries: list[TimelineEntry], *, has_more: bool, after, before) -> dict:
    """The next and previous links of a page of entries."""
    links = {}
    if entries:
        if (before is None and has_more) or before is not None:
            links["next_url"] = _page_url(query, "after", entries[-1])
        if (before is not None and has_more) or after is not None:
            links["previous_url"] = _page_url(query, "before", entries[0])
    elif after is not None or before is not None:
        links["previous_url"] = f"?{query}" if query else "?"
    return links


def _filtered(select, params: QueryDict) -> tuple:
    """A selector's rows narrowed by the page's filters, and the errors of the ones it cannot use."""
    try:
        return select(filters=params), {}
    except InvalidFilters as error:
        return None, error.errors


def _page_url(query: str, direction: str, entry: TimelineEntry) -> str:
    day, rank, kind, pk = entry.sort_key
    position = encode_position(TimelinePosition(day, rank, kind, pk))
    params = QueryDict(query, mutable=True)
    params[direction] = position
    return f"?{params.urlencode()}"


# --- A source's page ---------------------------------------------------------------------------


def source(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Source, pk=pk)
    citations = list(selectors.source_citations(article))
    statements = list(selectors.source_statements(article))
    dates = source_dates(source=article)
    # What the reader proposed from this article and no editor has reviewed yet.
    proposals = list(intake_selectors.pending_proposals(article))
    from_here = f"source={article.pk}"

    spans = [
        presentation.Span(
            c.char_start,
            c.char_end,
            "citation",
            anchor=f"citation-{c.pk}",
            title=f"Cited for: {c.event.title}",
            href=entry_url(c.event, "event", from_here),
        )
        for c in citations
    ]
    spans += [
        presentation.Span(
            s.char_start,
            s.char_end,
            "statement",
            anchor=f"statement-{s.pk}",
            title=f"Statement by {s.speaker.name}",
            href=entry_url(s, "statement", from_here),
        )
        for s in statements
    ]
    spans += [
        presentation.Span(
            t.start,
            t.end,
            "date",
            title=" ".join(
                part
                for part in (
                    presentation.date_label(t.value, t.start_date, t.end_date, str(t.precision or "")) or t.value,
                    f"({t.value})",
                    t.explanation,
                )
                if part
            ),
        )
        for t in dates
    ]
    spans += [
        presentation.Span(
            p.char_start,
            p.char_end,
            "proposal",
            anchor=f"proposal-{p.pk}",
            title=f"Proposed {p.get_kind_display()}, awaiting review ({p.rule}, confidence {p.confidence:.2f})",
            href=reverse("admin:intake_proposal_change", args=[p.pk])
            if request.user.is_staff
            else reverse("api:proposal-detail", args=[p.pk]),
        )
        for p in proposals
    ]
    context = {
        "title": TIMELINE_TITLE,
        "source": article,
        "text": presentation.marked_text(article.text, spans),
        "citations": [(c, entry_url(c.event, "event", from_here), presentation.record_label(c)) for c in citations],
        "statements": [(s, entry_url(s, "statement", from_here), presentation.record_label(s)) for s in statements],
        "date_count": len(dates),
        "proposal_count": len(proposals),
    }
    return render(request, "web/source.html", context)


# --- The TimelineJS view -----------------------------------------------------------------------


def timelinejs(request: HttpRequest) -> HttpResponse:
    query = filter_query(request.GET)
    params = QueryDict(query, mutable=True)
    params["format"] = "timelinejs"
    context = {
        "title": page_title(params),
        "query": query,
        "data_url": f"{reverse('api:timeline-list')}?{params.urlencode()}",
        "installed": finders.find(TIMELINEJS_SCRIPT) is not None,
    }
    return render(request, "web/timelinejs.html", context)
