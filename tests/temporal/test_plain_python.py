import subprocess
import sys

from django.conf import settings


def test_the_date_engine_imports_no_django():
    # The engine is a function of (text, reference); anything that knows about models calls it.
    code = (
        "import sys, timeline.temporal, timeline.temporal.evaluation, timeline.temporal.timeml, "
        "timeline.temporal.serialize; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'django', 'rest_framework'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "[]"
