"""The SemEval-2015 TimeLine task (Track A) run through the import: articles in, entity timelines out, scored.

The corpus's articles are imported, in publication order, into a throw-away SQLite database that is
migrated for the run and deleted after it (seed_evaluation.throwaway_database): the configured
database is never opened for writing. Every proposal is accepted (confidence 0 and up), as an editor
accepting everything would, so that the events, their grouping across articles and their dates are
the ones the application would show. Then each target entity's timeline is built from those events
and from the past-tense verbs that govern the entity's mentions (intake.timelines.build, .verbs),
written in the task's format, and scored when the corpus has gold timelines.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from intake.timelines import build
from intake.timelines import verbs as governing
from intake.timelines.baseline import baseline_timelines
from intake.timelines.build import known_date
from intake.timelines.corpus import Corpus, Document, entity_filename, read_corpus
from intake.timelines.scorer import Scores, score
from intake.timelines.timelines import Timeline, read_timeline, write_timeline

PUBLISHER = "Wikinews"  # the task's corpora are Wikinews articles


@dataclass
class TimelineEvaluation:
    timelines: list[Timeline]
    scores: Scores | None = None  # None when the corpus has no gold timelines
    unscored: list[str] = field(default_factory=list)  # entities with no gold timeline
    skipped: list[str] = field(default_factory=list)  # articles the import refused, with why


def _slug(document: Document) -> str:
    return f"wikinews-{document.doc_id}"


def _import(documents: list[Document], progress: Callable[[str], None]) -> list[str]:
    """Import and accept every article; one the import refuses (a duplicate text) is skipped, with why."""
    from intake.services.articles import ArticleImportError, ArticleInput, article_import
    from intake.services.bulk_accept import proposals_accept_above

    sources, skipped = [], []
    for document in documents:
        data = ArticleInput(
            content=document.text,
            filename=f"{document.doc_id}.txt",
            published=document.created.isoformat(),
            publisher=PUBLISHER,
            headline=document.headline,
            slug=_slug(document),
        )
        try:
            result = article_import(data=data)
        except ArticleImportError as exc:
            skipped.append(f"{document.name}: {exc}")
            continue
        sources.append(result.source)
        progress(f"{document.name}: {result.proposals} proposals")
    for source in sources:
        proposals_accept_above(source=source, min_confidence=0.0)
    return skipped


def found_events(documents: list[Document]) -> list[build.FoundEvent]:
    """The accepted events with their citations' triggers, sentences and actors. Three queries."""
    from intake.models import Proposal, ProposalKind, ProposalState
    from timeline.models import Event

    doc_ids = {_slug(d): d.doc_id for d in documents}
    names: dict[int, list[str]] = defaultdict(list)
    for event_id, name, aliases in Event.actors.through.objects.values_list(
        "event_id", "actor__name", "actor__aliases"
    ):
        names[event_id] += [name, *(aliases or ())]
    mentions: dict[int, list[build.FoundMention]] = defaultdict(list)
    rows = Proposal.objects.filter(
        kind=ProposalKind.CITATION, state=ProposalState.ACCEPTED, citation__isnull=False
    ).values_list("citation__event_id", "source__slug", "trigger_start", "text", "actors")
    for event_id, slug, trigger_start, text, actors in rows.order_by("source__published_date", "pk"):
        said = tuple(a.get("name", "") for a in actors or () if a.get("name"))
        mentions[event_id].append(
            build.FoundMention(
                doc_id=doc_ids[slug],
                trigger_start=trigger_start if trigger_start is not None else -1,
                sentence=text,
                names=said + tuple(names.get(event_id, ())),
            )
        )
    events = Event.objects.filter(pk__in=mentions).values_list("pk", "date_start", "date_end", "date_precision")
    return [
        build.FoundEvent(
            key=pk,
            date=known_date(start, end, precision),
            start=start if known_date(start, end, precision) else None,
            mentions=tuple(m for m in mentions[pk] if m.trigger_start >= 0),
        )
        for pk, start, end, precision in events.order_by("pk")
    ]


def system_timelines(
    *, corpus: Corpus, match: str, progress: Callable[[str], None], verbs: bool = True
) -> tuple[list[Timeline], list[str]]:
    """The entities' timelines, and the articles the import refused (their events are missing)."""
    from intake.services.seed_evaluation import throwaway_database

    with throwaway_database():
        skipped = _import(corpus.documents, progress)
        events = found_events(corpus.documents)
    documents = {d.doc_id: d for d in corpus.documents}
    days = build.article_days(events, documents)
    parses = governing.parse_documents(corpus.documents) if verbs else []
    timelines = [
        build.entity_timeline(
            entity=entity,
            events=events,
            documents=documents,
            match=match,
            days=days,
            governed=governing.governing_verbs(entity=entity, documents=corpus.documents, parses=parses)
            if verbs
            else (),
        )
        for entity in corpus.entities
    ]
    return timelines, skipped


def gold_timelines(folder: Path) -> dict[str, Timeline]:
    """The gold timelines by entity name (any case), as their first lines name them."""
    return {t.entity.casefold(): t for t in (read_timeline(p) for p in sorted(folder.glob("*.txt")))}


def timelines_evaluate(
    *,
    folder: Path,
    output: Path | None = None,
    match: str = "actors",
    baseline: bool = False,
    verbs: bool = True,
    progress: Callable[[str], None] | None = None,
) -> TimelineEvaluation:
    """Build every target entity's timeline from the corpus in `folder`, write them under `output`, score them.

    Raises corpus.CorpusError or timelines.TimelineError on a folder or file not in the task's layout.
    An article the import refuses is skipped and named in `skipped`.
    """
    say = progress or (lambda message: None)
    corpus = read_corpus(folder)
    skipped: list[str] = []
    if baseline:
        timelines = baseline_timelines(entities=corpus.entities, documents=corpus.documents)
    else:
        timelines, skipped = system_timelines(corpus=corpus, match=match, progress=say, verbs=verbs)
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
        for timeline in timelines:
            write_timeline(output / entity_filename(timeline.entity), timeline)
    evaluation = TimelineEvaluation(timelines=timelines, skipped=skipped)
    if corpus.gold is None:
        return evaluation
    gold = gold_timelines(corpus.gold)
    pairs = [(t, gold[t.entity.casefold()]) for t in timelines if t.entity.casefold() in gold]
    evaluation.unscored = [t.entity for t in timelines if t.entity.casefold() not in gold]
    evaluation.scores = score(pairs)
    return evaluation
