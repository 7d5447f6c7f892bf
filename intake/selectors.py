"""Reads of the intake app's records, for the pages and the API."""

from __future__ import annotations

from django.db.models import QuerySet

from intake.models import Proposal
from timeline.models import Source


def pending_proposals(source: Source) -> QuerySet[Proposal]:
    """What the reader proposed from `source` and no editor has reviewed yet, in text order."""
    return Proposal.objects.pending().filter(source=source).order_by("char_start", "id")
