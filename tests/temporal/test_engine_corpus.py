"""The engine against TempEval-3's gold news timexes. Skipped where the shared corpus is absent."""

from pathlib import Path

import pytest

from timeline.temporal.evaluation import evaluate_directory

TE3 = Path("/work/shared/data/te3-train")


@pytest.mark.skipif(not TE3.is_dir(), reason="the TempEval-3 training corpus is not on this machine")
def test_the_engine_holds_its_tempeval3_scores():
    scores = evaluate_directory(TE3)
    _, _, relaxed_f1 = scores.total.relaxed_prf
    _, _, value_f1 = scores.total.value_prf
    # Floors a little under the measured figures, so that a regression fails and noise does not.
    assert relaxed_f1 >= 0.94
    assert value_f1 >= 0.79
