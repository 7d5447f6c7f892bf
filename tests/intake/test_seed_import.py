"""The import, the real article reader and the review together, on the seed articles and a saved page."""

import json
import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from intake.models import Proposal
from intake.services.articles import ArticleInput, article_import
from intake.services.proposals import proposals_accept
from tests.pages import news_page
from timeline.extraction import nlp
from timeline.models import Citation, DateStatus, Event, Source, Statement, Story

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not nlp.is_available(), reason="the spaCy model is not installed"),
]

SEEDS = settings.BASE_DIR / "seeds"


def test_a_saved_page_is_read_into_a_dated_citation_and_a_quote_with_its_speaker():
    page = news_page(published_meta="2022-09-28T14:05:00-04:00")

    result = article_import(data=ArticleInput(content=page.encode(), filename="saved.html"))

    source = result.source
    quote = Proposal.objects.get(kind="statement", text__startswith="U.S. citizens should not travel")
    assert quote.mode == "direct"
    assert "embassy" in quote.speaker_name.lower()
    alert = Proposal.objects.get(kind="citation", text__contains="security alert on Tuesday")
    assert (alert.date_text, alert.date_value) == ("Tuesday", "2022-09-27")
    for proposal in Proposal.objects.all():
        assert source.text[proposal.char_start : proposal.char_end] == proposal.text


def seed_files(order: str) -> list[str]:
    """The seed texts in publication order, its reverse (the February articles first, which once split
    the September alert in two), or mixed."""
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))["sources"]
    files = [str(SEEDS / e["file"]) for e in sorted(manifest, key=lambda e: (e["published_date"], e["file"]))]
    return {"published": files, "reversed": files[::-1], "mixed": [files[i] for i in (3, 0, 4, 1, 2)]}[order]


def citation_groups() -> frozenset:
    """The proposed events as sets of (source, offset), whatever ids they were given."""
    groups: dict[int, set] = {}
    for p in Proposal.objects.filter(kind="citation").select_related("source"):
        groups.setdefault(p.same_event_as_id or p.pk, set()).add((p.source.slug, p.char_start))
    return frozenset(frozenset(g) for g in groups.values())


def test_the_seeds_give_the_same_proposed_events_whatever_order_they_are_imported_in():
    found = []
    for order in ("published", "reversed", "mixed"):
        Source.objects.all().delete()
        for path in seed_files(order):
            call_command("import_article", path, stdout=StringIO(), stderr=StringIO())
        found.append(citation_groups())
    assert len(found[0]) > 10
    assert found[0] == found[1] == found[2]


@pytest.mark.parametrize("order", ["published", "reversed", "mixed"])
def test_the_seed_texts_imported_and_accepted_give_the_september_alert_with_its_disagreement(order):
    for path in seed_files(order):
        call_command("import_article", path, stdout=StringIO(), stderr=StringIO())
    assert Source.objects.count() == 5 and Event.objects.count() == 0

    proposals_accept(proposals=Proposal.objects.all())

    # No hand-made record: every citation and statement came from an accepted proposal (its own
    # citation, or the same sentence on the event its antecedent names).
    accepted = Proposal.objects.filter(citation__isnull=False)
    also = {p.undo["also_citation"] for p in accepted if p.undo.get("also_citation")}
    assert also, "the seeds name the mobilisation as what came before the alerts"
    assert set(Citation.objects.values_list("pk", flat=True)) == (
        set(accepted.values_list("citation", flat=True)) | also
    )
    assert Statement.objects.count() == Proposal.objects.filter(statement__isnull=False).count()
    wednesday = Citation.objects.get(source__publisher="New York Post", sentence__contains="on Wednesday issued a")
    alert = wednesday.event
    publishers = set(alert.citations.values_list("source__publisher", flat=True))
    assert publishers == {"CNN", "New York Post", "The Independent", "International Business Times", "Metro (UK)"}
    assert alert.date_status == DateStatus.AMBIGUOUS
    assert alert.date_value == "2022-09-27TNI"
    assert "New York Post says 2022-09-28 ('Wednesday')" in alert.date_explanation
    # The manifest names the seeds' story: the articles joined it on import, their events on acceptance.
    story = Story.objects.get(slug="us-embassy-russia-alerts")
    assert story.sources.count() == 5
    assert set(story.events.values_list("pk", flat=True)) == set(Event.objects.values_list("pk", flat=True))


def test_evaluate_extraction_scores_the_seeds_in_a_throwaway_database_and_prints_three_lines():
    out = StringIO()

    call_command("evaluate_extraction", "--show-errors", stdout=out)

    *errors, statements, citations, grouping = out.getvalue().splitlines()
    for name, line in (("statements", statements), ("citations", citations), ("grouping", grouping)):
        assert re.fullmatch(rf"{name} P=[01]\.\d\d R=[01]\.\d\d F1=[01]\.\d\d", line)
    assert float(statements.rsplit("=", 1)[1]) >= 0.8  # the reader finds most quotes; guards storing them
    # --show-errors lists each miss and spurious proposal with its place.
    assert all(re.match(r"(missed|spurious) (statement|citation) \d{3}_\w+\[\d+:\d+\]", e) for e in errors)
    assert errors
    # The configured (here: the test) database was not written.
    assert Source.objects.count() == 0 and Proposal.objects.count() == 0
