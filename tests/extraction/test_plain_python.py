import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_article_reader_imports_no_django():
    # The reader is a function of (text, publication context); the services that store proposals call it.
    code = (
        "import sys, timeline.extraction, timeline.extraction.scoring, timeline.extraction.seed_scores; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'django', 'rest_framework'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)

    assert result.stdout.strip() == "[]"
