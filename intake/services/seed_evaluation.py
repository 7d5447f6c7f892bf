"""Scoring the import and the article reader on the seed articles, against their curated timeline.

Each seed text is imported (in publication order) through the same services as `import_article`,
into a throw-away SQLite database that is migrated for the run and deleted after it; the user's
database is never opened for writing. The stored proposals are then scored with the reader's
scoring functions (timeline.extraction.scoring): statements by speaker and overlapping span,
citations by overlapping sentence, grouping by which citations of different articles share an event.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management import call_command
from django.db import connections

from timeline.extraction.scoring import (
    Score,
    Span,
    gold_from_fixture,
    match_spans,
    normalise_name,
    score_citations,
    score_grouping,
    score_statements,
)


@contextlib.contextmanager
def throwaway_database() -> Iterator[None]:
    """Point the default connection at a fresh, migrated SQLite file for the duration; restore after."""
    original_connection = connections["default"]
    original_settings = connections.settings["default"]
    with tempfile.TemporaryDirectory(prefix="evaluate-") as directory:
        configured = connections.configure_settings(
            {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(Path(directory) / "eval.sqlite3")}}
        )
        connections.settings["default"] = configured["default"]
        connections["default"] = connections.create_connection("default")
        try:
            call_command("migrate", verbosity=0, interactive=False)
            yield
        finally:
            connections["default"].close()
            connections["default"] = original_connection
            connections.settings["default"] = original_settings


@dataclass
class Evaluation:
    statements: Score
    citations: Score
    grouping: Score
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [self.statements.line("statements"), self.citations.line("citations"), self.grouping.line("grouping")]


def _seed_files(seeds: Path) -> list[Path]:
    manifest = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    entries = sorted(manifest["sources"], key=lambda e: (e["published_date"], e.get("published_time") or "", e["file"]))
    return [seeds / entry["file"] for entry in entries]


def _proposed_spans() -> tuple[list[Span], list[Span], dict[str, str]]:
    from intake.models import Proposal, ProposalKind
    from timeline.models import Source

    texts = dict(Source.objects.values_list("slug", "text"))
    statements, citations = [], []
    rows = Proposal.objects.select_related("source").only(
        "kind",
        "char_start",
        "char_end",
        "speaker_name",
        "event_id",
        "same_event_as_id",
        "also_event_id",
        "also_same_event_as_id",
        "source__slug",
    )
    for p in rows.order_by("pk"):
        if p.kind == ProposalKind.STATEMENT:
            statements.append(Span(p.source.slug, p.char_start, p.char_end, speaker=p.speaker_name))
        else:
            group = f"event:{p.event_id}" if p.event_id else f"proposal:{p.same_event_as_id or p.pk}"
            citations.append(Span(p.source.slug, p.char_start, p.char_end, group=group))
            # The event its antecedent names too (Proposal.also_*): one sentence, two groups.
            also = f"event:{p.also_event_id}" if p.also_event_id else None
            also = also or (f"proposal:{p.also_same_event_as_id}" if p.also_same_event_as_id else None)
            if also:
                citations.append(Span(p.source.slug, p.char_start, p.char_end, group=also))
    return statements, citations, texts


def _snippet(texts: dict[str, str], span: Span, width: int = 100) -> str:
    words = " ".join(texts.get(span.doc, "")[span.char_start : span.char_end].split())
    return words if len(words) <= width else words[: width - 1] + "…"


def _errors(proposed: list[Span], gold: list[Span], texts: dict[str, str], kind: str, agree=None) -> list[str]:
    pairs = match_spans(proposed, gold, agree) if agree else match_spans(proposed, gold)
    hit_p, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
    out = []
    for j, g in enumerate(gold):
        if j not in hit_g:
            who = f" [{g.speaker}]" if g.speaker else ""
            out.append(f"missed {kind} {g.doc}[{g.char_start}:{g.char_end}]{who}: {_snippet(texts, g)}")
    for i, p in enumerate(proposed):
        if i not in hit_p:
            who = f" [{p.speaker}]" if p.speaker else ""
            out.append(f"spurious {kind} {p.doc}[{p.char_start}:{p.char_end}]{who}: {_snippet(texts, p)}")
    return out


def extraction_evaluate(
    *, seeds: Path, fixture: Path, show_errors: bool = False, progress: Callable[[str], None] | None = None
) -> Evaluation:
    """Import every seed into a throw-away database and score the proposals against the fixture."""
    from intake.services.articles import ArticleInput, article_import

    gold_statements, gold_citations, aliases = gold_from_fixture(fixture)
    with throwaway_database():
        for path in _seed_files(seeds):
            result = article_import(data=ArticleInput(path=str(path)))
            if progress:
                progress(f"{path.name}: {result.proposals} proposals")
        statements, citations, texts = _proposed_spans()
    evaluation = Evaluation(
        statements=score_statements(statements, gold_statements, aliases),
        citations=score_citations(citations, gold_citations),
        grouping=score_grouping(citations, gold_citations),
    )
    if show_errors:
        names = {actor: {normalise_name(actor), *(normalise_name(a) for a in alts)} for actor, alts in aliases.items()}

        def same_speaker(p: Span, g: Span) -> bool:
            return normalise_name(p.speaker) in names.get(g.speaker, {normalise_name(g.speaker)})

        evaluation.errors = [
            *_errors(statements, gold_statements, texts, "statement", same_speaker),
            *_errors(citations, gold_citations, texts, "citation"),
        ]
    return evaluation
