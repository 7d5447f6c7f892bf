"""The review desk's pages without a browser: who may see them, each action as a plain form, fetch answers."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from intake.models import Proposal, ProposalKind
from intake.services.proposals import proposals_propose
from tests.factories import ActorFactory, EventFactory, SourceFactory, StoryFactory
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from timeline.models import Citation, Event, Statement
from timeline.services import stories

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_reader")]

ALERT = "The embassy in Moscow issued a security alert on Tuesday urging citizens to leave."
SAID = "Citizens should not travel to Russia, the embassy said."
FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def article(*sentences: str, **fields):
    source = SourceFactory(text=" ".join(sentences), **fields)
    proposals_propose(source=source)
    return source


@pytest.fixture
def source():
    return article(SAID, ALERT)


@pytest.fixture
def editor_client(client):
    user = User.objects.create_user("editor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="change_proposal"))
    client.force_login(user)
    return client


def desk(source) -> str:
    return reverse("web:review-source", args=[source.pk])


def decide(client, source, action: str, proposal=None, **extra):
    data = {"action": action, **extra}
    if proposal is not None:
        data |= {"proposal": proposal.pk, "version": proposal.version}
    return client.post(desk(source), data)


# --- Who may review -----------------------------------------------------------------------------

ACTIONS = ["accept", "reject", "undo", "bulk"]


def test_an_anonymous_visitor_to_the_queue_is_sent_to_the_login_page(client):
    response = client.get(reverse("web:review"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login") + "?next=/review/")


def test_an_anonymous_visitor_to_an_article_desk_is_sent_to_the_login_page(client, source):
    response = client.get(desk(source))

    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


@pytest.mark.parametrize("action", ACTIONS)
def test_an_anonymous_decision_is_sent_to_the_login_page_and_changes_nothing(client, source, action):
    response = decide(client, source, action, Proposal.objects.first(), confidence=0)

    assert response.status_code == 302 and reverse("admin:login") in response["Location"]
    assert set(Proposal.objects.values_list("state", flat=True)) == {"pending"}


@pytest.fixture
def reader_client(client):
    client.force_login(User.objects.create_user("reader", is_staff=True))
    return client


def test_a_user_without_the_review_permission_gets_403_on_the_queue(reader_client):
    assert reader_client.get(reverse("web:review")).status_code == 403


def test_a_user_without_the_review_permission_gets_403_on_an_article_desk(reader_client, source):
    assert reader_client.get(desk(source)).status_code == 403


@pytest.mark.parametrize("action", ACTIONS)
def test_a_decision_without_the_review_permission_is_403_and_changes_nothing(reader_client, source, action):
    response = decide(reader_client, source, action, Proposal.objects.first(), confidence=0)

    assert response.status_code == 403
    assert set(Proposal.objects.values_list("state", flat=True)) == {"pending"}
    assert Statement.objects.count() == Citation.objects.count() == 0


# --- The queue ----------------------------------------------------------------------------------


def test_the_queue_lists_articles_newest_first_with_their_counts(editor_client):
    old = article(SAID, published_date=dt.date(2022, 1, 1), headline="Old news")
    new = article(SAID, ALERT, published_date=dt.date(2023, 1, 1), headline="New news")

    page = editor_client.get(reverse("web:review")).content.decode()

    assert page.index("New news") < page.index("Old news")
    assert "3 pending proposals in 2 articles" in page
    assert f'href="{desk(new)}"' in page and f'href="{desk(old)}"' in page


def test_the_queue_filters_by_story_kind_and_confidence(editor_client):
    storied = article(SAID, ALERT, headline="In the story")
    article("Lawmakers met on Monday to discuss it.", headline="Elsewhere")
    story = StoryFactory(slug="alerts")
    stories.story_add(story=story, sources=[storied])
    url = reverse("web:review")

    assert "Elsewhere" not in editor_client.get(url, {"story": "alerts"}).content.decode()
    only_statements = editor_client.get(url, {"kind": ProposalKind.STATEMENT}).content.decode()
    assert "In the story" in only_statements and "Elsewhere" not in only_statements
    confident = editor_client.get(url, {"confidence": "0.85"}).content.decode()  # statements 0.9, citations 0.8
    assert "1 pending proposal in 1 article" in confident


def test_the_queue_costs_the_same_queries_for_one_article_and_for_ten(editor_client, django_assert_num_queries):
    article(SAID)
    url = reverse("web:review")
    editor_client.get(url)
    with CaptureQueriesContext(connection) as one:
        editor_client.get(url)
    for n in range(9):
        article(f"Minister {n} said it again.", ALERT)
    with CaptureQueriesContext(connection) as ten:
        editor_client.get(url)

    assert len(ten) == len(one)


# --- One article --------------------------------------------------------------------------------


def test_the_desk_highlights_each_pending_proposal_and_shows_the_first_card(editor_client, source):
    page = editor_client.get(desk(source)).content.decode()

    for proposal in Proposal.objects.all():
        assert f'id="proposal-{proposal.pk}"' in page
    assert len(re.findall(r'class="proposed [^"]* current"', page)) == 1
    assert "Statement" in page and "new actor" in page and "U.S. Embassy in Moscow" in page


def test_an_event_card_shows_the_title_the_date_and_its_explanation_and_the_candidate_events(editor_client, source):
    citation = Proposal.objects.get(kind="citation")
    EventFactory(title="An alert that week", date_start=dt.date(2022, 9, 26), date_end=dt.date(2022, 9, 30))

    page = editor_client.get(desk(source), {"p": citation.pk}).content.decode()

    assert "Event citation" in page
    assert citation.event_title in page
    assert "2022-09-27" in page and citation.date_explanation.replace("'", "&#x27;") in page
    assert "An alert that week" in page and "its dates overlap this date" in page


def test_user_text_is_escaped_on_the_desk(editor_client):
    source = article('"<script>alert(1)</script>" said the man.', headline="<b>bold</b>")

    page = editor_client.get(desk(source)).content.decode()

    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert "<b>bold</b>" not in page


def test_every_form_on_the_desk_carries_a_csrf_token(editor_client, source):
    page = editor_client.get(desk(source), {"edit": 1}).content.decode()

    posts = re.findall(r'<form method="post".*?</form>', page, re.S)
    assert len(posts) >= 3
    assert all("csrfmiddlewaretoken" in form for form in posts)


def test_accepting_with_a_plain_form_redirects_to_the_next_card(editor_client, source):
    said, alert = Proposal.objects.get(kind="statement"), Proposal.objects.get(kind="citation")

    response = decide(editor_client, source, "accept", said)

    assert response.status_code == 302 and response["Location"] == f"{desk(source)}?p={alert.pk}"
    assert Statement.objects.count() == 1
    follow = editor_client.get(response["Location"]).content.decode()
    assert "Accepted." in follow and "1 accepted" in follow


def test_rejecting_with_a_plain_form_writes_no_record(editor_client, source):
    said = Proposal.objects.get(kind="statement")

    assert decide(editor_client, source, "reject", said).status_code == 302

    said.refresh_from_db()
    assert said.state == "rejected" and Statement.objects.count() == 0


def test_undo_puts_the_last_decision_back(editor_client, source):
    said = Proposal.objects.get(kind="statement")
    decide(editor_client, source, "accept", said)

    response = decide(editor_client, source, "undo")

    assert response["Location"] == f"{desk(source)}?p={said.pk}"
    said.refresh_from_db()
    assert said.state == "pending" and Statement.objects.count() == 0


def test_bulk_accept_from_the_desk_takes_those_above_the_confidence(editor_client, source):
    decide(editor_client, source, "bulk", confidence="0.85")

    assert Statement.objects.count() == 1 and Citation.objects.count() == 0


def test_the_second_editor_of_a_proposal_sees_the_first_ones_decision(editor_client, source):
    said = Proposal.objects.get(kind="statement")
    stale = {"proposal": said.pk, "version": said.version}
    decide(editor_client, source, "reject", said)

    response = editor_client.post(desk(source), {"action": "accept", **stale}, **FETCH)

    assert response.status_code == 409
    assert "Already rejected by editor" in response.content.decode()
    assert Statement.objects.count() == 0


def test_the_edit_form_opens_with_the_proposals_values(editor_client, source):
    said = Proposal.objects.get(kind="statement")

    page = editor_client.get(desk(source), {"p": said.pk, "edit": 1}).content.decode()

    assert 'name="words"' in page and SAID in page
    assert 'name="date_text"' in page and 'name="event_title"' not in page


def edit(client, source, proposal, **changes):
    data = {"action": "accept", "proposal": proposal.pk, "version": proposal.version, "words": proposal.text}
    if proposal.kind == "statement":
        data |= {"speaker_name": proposal.speaker_name, "mode": proposal.mode, "date_text": proposal.date_text}
    else:
        data |= {"event_title": proposal.event_title, "date_text": proposal.date_text}
    return client.post(desk(source), data | changes)


def test_editing_then_accepting_writes_the_corrections(editor_client, source):
    said = Proposal.objects.get(kind="statement")
    kremlin = ActorFactory(name="Kremlin")

    response = edit(editor_client, source, said, words="should not travel to Russia", speaker_id=kremlin.pk)

    assert response.status_code == 302
    statement = Statement.objects.get()
    assert (statement.text, statement.speaker) == ("should not travel to Russia", kremlin)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"words": "words nowhere in it"}, "words", "not in the sentence"),
        ({"date_text": "the blue moon of never"}, "date_text", "cannot read"),
        ({"speaker_name": "x" * 10_000}, "speaker_name", "At most 200 characters"),
    ],
)
def test_bad_corrections_get_a_message_beside_their_field_and_nothing_is_written(
    editor_client, source, changes, field, message
):
    said = Proposal.objects.get(kind="statement")

    response = edit(editor_client, source, said, **changes)

    assert response.status_code == 400
    page = response.content.decode()
    assert re.search(rf'id="error-{field}"[^>]*>[^<]*{message}', page)
    assert Statement.objects.count() == 0
    said.refresh_from_db()
    assert said.state == "pending"


def test_a_fetch_decision_answers_with_the_desk_alone(editor_client, source):
    said = Proposal.objects.get(kind="statement")

    response = editor_client.post(desk(source), {"action": "reject", "proposal": said.pk, "version": 0}, **FETCH)

    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page and 'id="card"' in page
    assert response["X-Review-Url"].startswith(desk(source))
    assert response["Server-Timing"].startswith("decide;dur=")


def decision_queries(client, source, proposal) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.post(desk(source), {"action": "accept", "proposal": proposal.pk, "version": proposal.version}, **FETCH)
    return len(queries)


def test_a_decision_costs_the_same_queries_on_a_short_article_and_a_long_one(editor_client):
    # The next card is a statement on both sides (an event card also reads its candidate events).
    short = article("Minister A of the ministry said so.", SAID, ALERT)
    long = article(*(f"Minister {n} of the ministry said so." for n in range(20)), ALERT.replace("Tuesday", "Monday"))
    Event.objects.all().delete()
    ActorFactory(name="U.S. Embassy in Moscow")  # both speakers known: no new actor on either side

    first = decision_queries(editor_client, short, Proposal.objects.filter(source=short, kind="statement").first())
    second = decision_queries(editor_client, long, Proposal.objects.filter(source=long, kind="statement").first())

    # Session, user and permissions (4); the source and the proposal; the claim; accept's checks, inserts
    # with history and the source's date resolution; then the next card's reads.
    assert first == second == 34
