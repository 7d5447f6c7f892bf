"""Grouping that ignores import order: proposals_regroup re-forms the pending proposed events near an
article's dates as if every article had come at once, never touching an editor's work."""

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from intake.models import Proposal, ProposalKind, ProposalState
from intake.services import grouping
from intake.services.grouping import proposals_regroup
from tests.factories import SourceFactory, resolved_dates
from timeline.models import Source

pytestmark = pytest.mark.django_db

D = dt.date
WIRE = "The embassy urged all citizens to leave the country immediately by any commercial flight still available"
REPORTS = [
    # (publisher, published, sentence, date the sentence gives)
    ("Wire A", D(2022, 9, 28), WIRE + ".", D(2022, 9, 27)),
    ("Wire B", D(2022, 10, 2), WIRE + " on Tuesday.", D(2022, 10, 1)),  # dated differently: still one copy
    ("Paper", D(2022, 9, 28), "The embassy urged citizens to leave Russia in a security alert.", D(2022, 9, 27)),
    ("Sport", D(2022, 9, 28), "The club signed a new striker from the league champions.", D(2022, 9, 27)),
]


def report(publisher, published, sentence, day, **fields) -> Proposal:
    source = SourceFactory(publisher=publisher, published_date=published, text=sentence)
    words = {w.lower().strip(".") for w in sentence.split() if len(w) > 4}
    return Proposal.objects.create(
        source=source,
        kind=ProposalKind.CITATION,
        char_start=0,
        char_end=len(sentence),
        text=sentence,
        event_title=sentence[:40],
        actors=[{"name": "FC Example" if publisher == "Sport" else "U.S. Embassy in Moscow", "participant": True}],
        keywords=sorted(words),
        **resolved_dates(day),
        **fields,
    )


def groups() -> frozenset:
    found: dict[int, set] = {}
    for p in Proposal.objects.filter(kind=ProposalKind.CITATION).select_related("source"):
        found.setdefault(p.same_event_as_id or p.pk, set()).add(p.source.publisher)
    return frozenset(frozenset(g) for g in found.values())


def import_in(order) -> frozenset:
    Source.objects.all().delete()
    for row in order:
        made = report(*row)
        proposals_regroup(source=made.source)
    return groups()


def test_the_same_reports_in_any_order_make_the_same_groups_and_wire_copies_stay_together():
    results = {import_in(order) for order in itertools.permutations(REPORTS)}
    assert len(results) == 1
    (found,) = results
    assert frozenset({"Wire A", "Wire B", "Paper"}) in found
    assert frozenset({"Sport"}) in found


def test_a_second_regroup_changes_nothing():
    import_in(REPORTS)
    assert proposals_regroup(source=Proposal.objects.first().source) == 0


def test_an_editors_edit_and_a_decision_are_never_regrouped():
    edited = report(*REPORTS[0], version=1)
    decided = report(*REPORTS[1], state=ProposalState.REJECTED)
    new = report(*REPORTS[2])

    proposals_regroup(source=new.source)

    edited.refresh_from_db()
    decided.refresh_from_db()
    new.refresh_from_db()
    assert edited.same_event_as_id is None and decided.same_event_as_id is None
    assert new.same_event_as_id is None  # alone: the other two were not its to join


def test_proposals_dated_far_from_the_article_are_not_read():
    far = report("Archive", D(2019, 1, 1), "The embassy urged all citizens to leave.", D(2019, 1, 1))
    new = report(*REPORTS[0])

    pool, _spans = grouping._pool(new.source)

    assert far not in pool and new in pool


def test_regrouping_runs_a_bounded_number_of_queries():
    counts = []
    for n in (3, 30):
        Source.objects.all().delete()
        for i in range(n):
            report(f"Outlet {i}", D(2022, 9, 28), WIRE + f" ({i}).", D(2022, 9, 27))
        last = report(*REPORTS[0])
        with CaptureQueriesContext(connection) as queries:
            proposals_regroup(source=last.source)
        counts.append(len(queries))
    assert counts[0] == counts[1]


STRIKE = "President Ana Ruiz ordered a general strike of the public services."
WARNING = "The embassy issued a travel warning after President Ana Ruiz ordered a general strike."


def strike_and_warning() -> tuple[Proposal, Proposal]:
    """A strike reported on 1 March, and a warning of 5 March that names it as what came before."""
    from timeline.extraction.citations import event_keywords

    phrase = WARNING[WARNING.index("after") : -1]
    strike = report("Paper", D(2024, 3, 2), STRIKE, D(2024, 3, 1), event_words=["order", "strike"])
    warning = report(
        "Wire A",
        D(2024, 3, 6),
        WARNING,
        D(2024, 3, 5),
        event_words=["issu", "warn"],
        antecedents=[
            {
                "text": phrase,
                "char_start": WARNING.index("after"),
                "char_end": len(WARNING) - 1,
                "trigger": "ordered",
                "relation": "before",
                "core": ["order", "strike"],
                "keywords": sorted(event_keywords(phrase)),
                "actors": [{"name": "Ana Ruiz", "kind": "person"}],
            }
        ],
    )
    for made in (strike, warning):
        proposals_regroup(source=made.source)
    strike.refresh_from_db()
    warning.refresh_from_db()
    return strike, warning


def test_a_sentence_naming_an_earlier_happening_also_supports_the_event_that_reports_it():
    strike, warning = strike_and_warning()

    assert warning.same_event_as_id is None and strike.same_event_as_id is None  # two happenings
    assert warning.also_same_event_as_id == strike.pk
    assert any(r.startswith("also: named as what came before") for r in warning.match_reasons)
    assert strike.also_same_event_as_id is None


def test_an_antecedent_no_event_reports_links_nothing():
    Source.objects.all().delete()
    _, warning = strike_and_warning()
    Proposal.objects.filter(pk=warning.also_same_event_as_id).delete()

    proposals_regroup(source=warning.source)

    warning.refresh_from_db()
    assert warning.also_same_event_as_id is None and warning.also_event_id is None


def test_accepting_cites_the_sentence_on_both_events_and_undo_takes_both_back():
    from django.contrib.auth.models import User

    from intake.services.review import review_accept, review_undo
    from timeline.models import Citation

    editor = User.objects.create_user("editor")
    strike, warning = strike_and_warning()
    review_accept(proposal_id=strike.pk, user=editor, version=strike.version)
    review_accept(proposal_id=warning.pk, user=editor, version=warning.version)

    strike_event = Citation.objects.get(source=strike.source).event
    on_strike = Citation.objects.filter(event=strike_event).order_by("source__published_date")
    assert [c.sentence for c in on_strike] == [STRIKE, WARNING]
    assert on_strike[1].date_text == ""  # the warning's date is the warning's, not the strike's
    assert Citation.objects.filter(source=warning.source).count() == 2

    review_undo(user=editor)

    assert list(Citation.objects.filter(event=strike_event).values_list("sentence", flat=True)) == [STRIKE]
    assert not Citation.objects.filter(source=warning.source).exists()


def test_bulk_accept_cites_the_antecedent_event_too():
    from intake.services.bulk_accept import proposals_accept_above
    from timeline.models import Citation

    strike, warning = strike_and_warning()
    proposals_accept_above(source=strike.source, min_confidence=0)
    proposals_accept_above(source=warning.source, min_confidence=0)

    strike_event = Citation.objects.get(source=strike.source).event
    assert Citation.objects.filter(event=strike_event, source=warning.source).exists()
    assert Citation.objects.filter(source=warning.source).count() == 2
