"""The review desk in a real browser (the system's headless Chromium, driven by Playwright): twenty proposals
of an imported article decided with the keyboard alone, then with JavaScript off by the buttons, and two
editors deciding one proposal. Every request must stay on the server's own address.

Screenshots of the queue and of a statement and an event card go to .artifacts/screenshots/; the server
time of each decision (its Server-Timing header) to .artifacts/review-timings.json.
"""

import json
import math

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from intake.models import Proposal, ProposalKind, ProposalState
from intake.services.articles import ArticleInput, article_import
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from tests.web.test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, Recorder, shot, sync_api
from timeline.models import Citation, Event, Statement

pytestmark = pytest.mark.usefixtures("fake_reader")

# Twenty sentences the test reader proposes: fourteen statements (" said") and six dated event citations,
# no two citations sharing words, so that each makes its own event.
SENTENCES = (
    "Anna Petrova said the talks were difficult.",
    "Floods struck Valencia on Monday.",
    "Marco Rossi said the budget would pass.",
    "Ministers signed the accord on 3 August 2022.",
    "Lena Berg said exports had fallen.",
    "Jonas Weber said prices would rise.",
    "Protesters gathered outside parliament last December.",
    "Omar Haddad said the border stayed open.",
    "Chen Wei said factories were reopening.",
    "Engineers restored electricity in March 2021.",
    "Sofia Reyes said schools would close.",
    "Ivan Horvat said the harbour was quiet.",
    "Voters approved the referendum on Friday.",
    "Nadia Karim said hospitals needed staff.",
    "Pierre Dubois said the deal was fair.",
    "Wildfires burned across Attica yesterday.",
    "Tomas Novak said the railway was delayed.",
    "Aiko Tanaka said the festival was cancelled.",
    "Kwame Mensah said the harvest was good.",
    "Greta Lind said the bridge was unsafe.",
)
# What happens to each proposal, in text order: two edited (a statement's speaker, an event's title) then
# accepted, five rejected, twelve accepted, and the last accepted then undone.
PLAN = ["edit", "edit", "r", "a", "a", "r", "a", "a", "r", "a", "a", "r", "a", "a", "r", "a", "a", "a", "a", "undo"]
NEW_SPEAKER = "Anna Petrova"
NEW_TITLE = "Valencia floods"
MAX_P95_MS = 200


@pytest.fixture(scope="module")
def chromium():
    # As tests/web/test_browser.py: Playwright's sync API keeps an event loop in this thread.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_api.sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield launched
            launched.close()


@pytest.fixture
def server(transactional_db, live_server):
    return live_server.url


def imported_article(headline: str = "Twenty things that happened") -> Proposal:
    data = ArticleInput(
        content=" ".join(SENTENCES),
        filename="text.txt",
        published="2022-09-28",
        publisher="Daily Example",
        headline=headline,
    )
    source = article_import(data=data).source
    assert Proposal.objects.filter(source=source).count() == len(PLAN)
    return source


def editor(name: str) -> User:
    user = User.objects.create_user(name)
    user.user_permissions.add(Permission.objects.get(codename="change_proposal"))
    return user


def logged_in(chromium, server: str, user: User, *, javascript: bool = True):
    """A browser context holding `user`'s session, every request recorded (foreign ones blocked)."""
    client = Client()
    client.force_login(user)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    recorder = Recorder(server)
    context.route("**/*", recorder.route)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": server}])
    return context, recorder


def counts(page, accepted: int, rejected: int) -> None:
    page.locator("#desk-counts").filter(has_text=f"{accepted} accepted · {rejected} rejected").wait_for()


def assert_the_timeline_holds_what_was_accepted(source) -> None:
    accepted = Proposal.objects.filter(source=source, state=ProposalState.ACCEPTED)
    states = list(Proposal.objects.filter(source=source).values_list("state", flat=True))
    assert (states.count("accepted"), states.count("rejected"), states.count("pending")) == (14, 5, 1)
    said = accepted.filter(kind=ProposalKind.STATEMENT)
    assert sorted(Statement.objects.values_list("text", flat=True)) == sorted(said.values_list("text", flat=True))
    assert set(Statement.objects.values_list("pk", flat=True)) == set(said.values_list("statement", flat=True))
    cited = accepted.filter(kind=ProposalKind.CITATION)
    assert set(Citation.objects.values_list("pk", flat=True)) == set(cited.values_list("citation", flat=True))
    assert Event.objects.count() == cited.count()
    assert Statement.objects.filter(speaker__name=NEW_SPEAKER, text=SENTENCES[0]).exists()
    assert Event.objects.filter(title=NEW_TITLE).exists()
    timeline = Client().get("/api/v1/timeline", {"source": source.pk, "page_size": 100}).json()["results"]
    assert len(timeline) == Statement.objects.count() + Event.objects.count()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def test_twenty_proposals_are_reviewed_with_the_keyboard_alone(chromium, server):
    source = imported_article()
    context, recorder = logged_in(chromium, server, editor("keyboard"))
    page = context.new_page()
    timings: list[float] = []
    page.on(
        "response",
        lambda r: r.request.method == "POST" and timings.append(float(r.headers["server-timing"].split("dur=")[1])),
    )

    page.goto(f"{server}/review/")
    shot(page, "review-queue.png")
    page.get_by_role("link", name=source.headline).click()
    page.locator("#card").wait_for()
    shot(page, "review-statement-card.png", element=page.locator(".desk-card"))
    shot(page, "review-desk.png")

    accepted = rejected = 0
    for step, action in enumerate(PLAN):
        current = page.locator("#card").get_attribute("data-proposal")
        if action == "edit":
            page.keyboard.press("e")
            page.locator(".edit-form textarea:focus").wait_for()
            page.keyboard.press("Tab")
            if step == 0:  # a statement: past the actor list to the new speaker's name
                page.keyboard.press("Tab")
            else:
                shot(page, "review-event-card-edit.png", element=page.locator(".desk-card"))
            page.keyboard.press("Control+a")
            page.keyboard.type(NEW_SPEAKER if step == 0 else NEW_TITLE)
            page.keyboard.press("Enter")
            accepted += 1
        elif action == "undo":
            page.keyboard.press("a")
            counts(page, accepted + 1, rejected)
            page.keyboard.press("u")
        else:
            page.keyboard.press(action)
            accepted, rejected = accepted + (action == "a"), rejected + (action == "r")
        counts(page, accepted, rejected)
        if step == 2:
            page.locator("#card.card-citation").wait_for()
            shot(page, "review-event-card.png", element=page.locator(".desk-card"))
        assert page.locator("#card").get_attribute("data-proposal") != current or action == "undo"

    # The page never reloaded: the desk was swapped in place, and the address follows the card.
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert_the_timeline_holds_what_was_accepted(source)
    context.close()
    assert recorder.foreign == [], "requests left the server"

    assert len(timings) == 21  # twenty decisions and an undo
    SCREENSHOTS.parent.joinpath("review-timings.json").write_text(
        json.dumps({"server_ms": timings, "p95_ms": p95(timings)}, indent=1)
    )
    assert p95(timings) < MAX_P95_MS


def test_twenty_proposals_are_reviewed_with_javascript_off_by_the_buttons(chromium, server):
    source = imported_article()
    context, recorder = logged_in(chromium, server, editor("buttons"), javascript=False)
    page = context.new_page()
    page.goto(f"{server}/review/sources/{source.pk}")

    accepted = rejected = 0
    for step, action in enumerate(PLAN):
        if action == "edit":
            page.locator("button[data-key=e]").click()
            if step == 0:
                page.get_by_label("or a new speaker's name").fill(NEW_SPEAKER)
            else:
                page.get_by_label("Event title").fill(NEW_TITLE)
            page.get_by_role("button", name="Accept with these corrections").click()
            accepted += 1
        elif action == "undo":
            page.locator("button[data-key=a]").click()
            counts(page, accepted + 1, rejected)
            page.locator("button[data-key=u]").click()
        else:
            page.locator(f"button[data-key={action}]").click()
            accepted, rejected = accepted + (action == "a"), rejected + (action == "r")
        counts(page, accepted, rejected)

    assert_the_timeline_holds_what_was_accepted(source)
    context.close()
    assert recorder.foreign == [], "requests left the server"


def test_the_second_of_two_editors_deciding_one_proposal_is_told_the_first_ones_decision(chromium, server):
    source = imported_article()
    first, first_recorder = logged_in(chromium, server, editor("first"))
    second, second_recorder = logged_in(chromium, server, editor("second"))
    one, two = first.new_page(), second.new_page()
    for page in (one, two):
        page.goto(f"{server}/review/sources/{source.pk}")
        page.locator("#card").wait_for()

    one.keyboard.press("a")
    counts(one, 1, 0)
    two.keyboard.press("r")

    notice = two.locator("#desk-notice")
    notice.wait_for()
    assert "Already accepted by first" in notice.inner_text()
    assert Proposal.objects.filter(source=source, state=ProposalState.REJECTED).count() == 0
    assert Statement.objects.count() == 1
    first.close()
    second.close()
    assert first_recorder.foreign == second_recorder.foreign == [], "requests left the server"


def test_skip_next_and_previous_move_the_card_without_deciding(chromium, server):
    source = imported_article()
    context, recorder = logged_in(chromium, server, editor("walker"))
    page = context.new_page()
    page.goto(f"{server}/review/sources/{source.pk}")
    order = [
        str(pk) for pk in Proposal.objects.filter(source=source).order_by("char_start").values_list("pk", flat=True)
    ]

    def card_after(key: str, expected: str) -> None:
        page.keyboard.press(key)
        page.locator(f'#card[data-proposal="{expected}"]').wait_for()

    card_after("j", order[1])
    card_after("s", order[2])
    card_after("k", order[1])
    card_after("k", order[0])
    card_after("k", order[-1])  # wraps round to the last

    assert page.url.endswith(f"?p={order[-1]}")
    assert set(Proposal.objects.values_list("state", flat=True)) == {"pending"}
    context.close()
    assert recorder.foreign == [], "requests left the server"
