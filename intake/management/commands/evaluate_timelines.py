"""Build and score entity timelines on a SemEval-2015 Task 4 "TimeLine" corpus (Track A: raw text).

    python manage.py evaluate_timelines DIR [--output OUT] [--match both|actors|words] [--no-verbs] [--baseline]

DIR holds corpus_CAT/ (the trial) or corpus_trackA_CAT/ (the test corpora), list_target_entities*.txt
and, for scoring, TimeLines_Gold_Standard/. The articles are imported into a throw-away database and
every proposal accepted; each target entity's timeline is written under OUT in the task's format
(one file per entity). With gold timelines it prints mention-level, sentence-level and date scores,
and last `awareness P= R= F1=`, the task's temporal awareness measure (percent, micro-averaged).
--baseline scores the task's simple baseline instead: each sentence naming the entity gives its first
past-tense verb, dated by publication.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from intake.services.timeline_evaluation import timelines_evaluate
from intake.timelines.build import MATCHES
from intake.timelines.corpus import CorpusError
from intake.timelines.timelines import TimelineError


class Command(BaseCommand):
    help = "Build each target entity's timeline from a SemEval-2015 TimeLine corpus and score it against the gold."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The corpus folder (corpus_CAT/ or corpus_trackA_CAT/ inside).")
        parser.add_argument("--output", help="Write one timeline file per entity here.")
        parser.add_argument(
            "--match",
            choices=MATCHES,
            default="actors",
            help="How an event involves the entity (default actors, the best on the trial).",
        )
        parser.add_argument("--baseline", action="store_true", help="Run the first-past-tense-verb baseline.")
        parser.add_argument(
            "--no-verbs",
            action="store_true",
            help="Only the reader's accepted events, without the past-tense verbs governing the entity.",
        )

    def handle(self, *args, folder: str, output: str | None, match: str, baseline: bool, no_verbs: bool, **options):
        started = time.monotonic()
        say = (lambda message: self.stderr.write(message)) if options["verbosity"] >= 2 else None
        try:
            evaluation = timelines_evaluate(
                folder=Path(folder),
                output=Path(output) if output else None,
                match=match,
                baseline=baseline,
                verbs=not no_verbs,
                progress=say,
            )
        except (CorpusError, TimelineError) as exc:
            raise CommandError(str(exc)) from None
        lines = sum(len(t.lines) for t in evaluation.timelines)
        what = "baseline" if baseline else f"system (match: {match}{', no verbs' if no_verbs else ''})"
        self.stdout.write(
            f"{what}: {len(evaluation.timelines)} timelines, {lines} lines, {time.monotonic() - started:.1f}s"
        )
        if output:
            self.stdout.write(f"written to {output}")
        for reason in evaluation.skipped:
            self.stdout.write(f"skipped {reason}")
        for entity in evaluation.unscored:
            self.stdout.write(f"no gold timeline for {entity!r}: not scored")
        if evaluation.scores is None:
            self.stdout.write("no TimeLines_Gold_Standard/ folder: nothing scored")
            return
        for line in evaluation.scores.lines():
            self.stdout.write(line)
