"""Score the date engine against the gold TIMEX3s of a folder of TimeML files (TempEval-3).

    python manage.py evaluate_dates DIR [--show-errors] [--narrative] [--limit N] [--save-baseline]

Each file's TEXT is annotated against its CREATION_TIME and scored as described in
`timeline.temporal.evaluation` (the same table as `python -m timeline.temporal.evaluation DIR`).
Then each figure is printed against the corpus's recorded baseline (before -> after), the figures of
the last commit that changed the engine (see `timeline.temporal.baseline`); `--save-baseline`
records this run's figures there, to be committed with the change. Touches no database.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.temporal import baseline
from timeline.temporal.evaluation import evaluate_directory, format_scores, load_annotator
from timeline.temporal.timeml import timeml_paths
from timeline.temporal.types import DocType


class Command(BaseCommand):
    help = "Print TempEval-3 precision, recall, F1, type and value scores of the date engine on DIR's TimeML files."

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="A folder of TimeML files (searched recursively).")
        parser.add_argument("--show-errors", action="store_true", help="List missed, spurious and wrong values.")
        parser.add_argument(
            "--narrative", action="store_true", help="Anchor relative dates on the last date mentioned (history)."
        )
        parser.add_argument("--limit", type=int, metavar="N", help="Score only the first N files (sorted by path).")
        parser.add_argument(
            "--save-baseline", action="store_true", help="Record this run's figures as the corpus's baseline."
        )
        parser.add_argument(
            "--baseline",
            type=Path,
            default=baseline.BASELINE_PATH,
            metavar="FILE",
            help="The baseline file (default: the one committed beside the engine).",
        )

    def handle(
        self,
        *args,
        directory: str,
        show_errors: bool,
        narrative: bool,
        limit: int | None,
        save_baseline: bool,
        baseline: Path,
        **options,
    ):
        root = Path(directory)
        if not root.is_dir():
            raise CommandError(f"{directory}: no such folder.")
        if not timeml_paths(root):
            raise CommandError(f"{directory}: no TimeML files (*.tml, *.timeml) in it.")
        if limit is not None and limit < 1:
            raise CommandError("--limit must be at least 1.")
        try:
            scores = evaluate_directory(
                root,
                load_annotator(),
                doc_type=DocType.NARRATIVE if narrative else DocType.NEWS,
                limit=limit,
            )
        except (RuntimeError, ValueError) as exc:
            # A document without a DCT, or the engine failing on one: the name is the useful line; --traceback
            # has the rest.
            raise CommandError(str(exc).replace("\n", " ")) from exc
        self.stdout.write(format_scores(scores, show_errors=show_errors, title=directory))
        if limit is None:  # a part of a corpus is not what was recorded
            self._against_baseline(scores, directory, narrative=narrative, path=baseline, save=save_baseline)
        if any(e.kind == "offset" for e in scores.errors):
            self.stderr.write(self.style.WARNING("Some engine offsets do not match their text; see the warning above."))

    def _against_baseline(self, scores, directory: str, *, narrative: bool, path: Path, save: bool) -> None:
        """Each figure against the corpus's recorded baseline; this run's recorded instead when asked."""
        key = baseline.corpus_key(directory, narrative=narrative)
        current = baseline.figures(scores)
        recorded = baseline.load(path)
        self.stdout.write("")
        self.stdout.write("\n".join(baseline.compare(key, current, recorded)))
        dropped = baseline.drops(key, current, recorded)
        if dropped:
            self.stderr.write(self.style.WARNING(f"Down against the baseline: {', '.join(dropped)}."))
        if save:
            baseline.save(key, current, path)
            self.stdout.write(f"Recorded as the baseline for {key} in {path}.")
