import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_timeline_task_modules_import_no_django():
    # Reading, building and scoring timelines are plain functions; only the service touches the database.
    code = (
        "import sys, intake.timelines.corpus, intake.timelines.timelines, intake.timelines.scorer, "
        "intake.timelines.entities, intake.timelines.build, intake.timelines.verbs, intake.timelines.baseline; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'django', 'rest_framework'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
