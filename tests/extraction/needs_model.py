"""Skip a test module when the spaCy model is not installed (pip install -r requirements.txt)."""

import pytest

from timeline.extraction import nlp

requires_model = pytest.mark.skipif(not nlp.is_available(), reason="the spaCy model is not installed")
