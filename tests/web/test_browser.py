"""The pages in a real browser: the system's headless Chromium, driven by Playwright, against a live server
holding the seed timeline. Screenshots go to .artifacts/screenshots/ (git-ignored).

Skips with one line when Playwright or Chromium is absent; CI installs both (.ci/run, requirements-dev.txt).
"""

import os
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.conftest import load_seeds
from timeline.models import Event, Source, Statement
from web import views

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = settings.BASE_DIR / ".artifacts" / "screenshots"
SEPT_ALERT = "US Embassy in Moscow tells Americans to leave Russia (September 2022)"

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (make test installs it)")
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"no Chromium at {CHROMIUM} (CI installs it: apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API keeps an event loop in this thread; the test's own ORM calls are still synchronous.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def site(transactional_db, live_server):
    load_seeds()
    return live_server.url


class Recorder:
    """Every request the browser makes, from any page of the context; foreign ones are also blocked."""

    def __init__(self, server: str):
        self.origin = urlsplit(server)[:2]
        self.urls: list[str] = []

    def is_local(self, url: str) -> bool:
        # data: URLs (the empty favicon) are no network request.
        return url.startswith("data:") or urlsplit(url)[:2] == self.origin

    def route(self, route) -> None:
        self.urls.append(route.request.url)
        if self.is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    @property
    def foreign(self) -> list[str]:
        return [url for url in self.urls if not self.is_local(url)]


def open_context(browser, site: str, *, width: int = 1280, height: int = 900):
    context = browser.new_context(viewport={"width": width, "height": height})
    recorder = Recorder(site)
    context.route("**/*", recorder.route)
    return context, recorder


@pytest.fixture
def page(browser, site):
    context, recorder = open_context(browser, site)
    page = context.new_page()
    page.recorder = recorder
    yield page
    context.close()
    assert recorder.foreign == [], "requests left the server"


def shot(page, name: str, **kwargs) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = kwargs.pop("element", None) or page
    target.screenshot(path=str(SCREENSHOTS / name), **kwargs)


def test_the_page_renders_the_seed_timeline_and_the_alerts_disagreement(page, site):
    page.goto(site + "/")

    assert page.get_by_role("heading", level=1).inner_text() == views.TIMELINE_TITLE
    dated = min(Event.objects.exclude(date_start=None).count() + Statement.objects.exclude(date_start=None).count(), 50)
    assert page.locator(".entries article.entry").count() == dated
    assert page.locator(".undated article.entry").count() > 0
    assert page.locator(".chart svg rect.bar").count() > 3
    shot(page, "timeline.png")
    shot(page, "timeline-full.png", full_page=True)

    alert = page.locator(f"#event-{Event.objects.get(title=SEPT_ALERT).pk}")
    alert.scroll_into_view_if_needed()
    disagreement = alert.locator(".disagreement").inner_text()
    assert "4 sources agree on Tuesday night, 27 Sep 2022" in disagreement
    assert "New York Post says Wednesday, 28 Sep 2022" in disagreement
    # The explanation opens on demand: the Wednesday reading's anchor, rule and words.
    dissent = alert.locator("li.citation.dissent")
    assert not dissent.locator("details dl").is_visible()
    dissent.locator("summary").click()
    explanation = dissent.locator("details dl")
    assert explanation.is_visible()
    assert "Counted from" in explanation.inner_text() and "Wednesday" in explanation.inner_text()
    assert explanation.locator("blockquote mark.mark-date").inner_text() == "Wednesday"
    shot(page, "september-alert.png", element=alert)


def test_a_filter_narrows_the_timeline_and_stays_in_the_address(page, site):
    page.goto(site + "/")
    before = page.locator("article.entry").count()

    page.get_by_label("Words").fill("embassy")
    page.get_by_label("Kind").select_option("event")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/?*q=embassy*")

    titles = page.locator("article.entry h3").all_inner_texts()
    assert 0 < len(titles) < before
    assert SEPT_ALERT in titles
    assert page.locator("article.entry-statement").count() == 0
    assert "kind=event" in page.url
    assert page.get_by_label("Words").input_value() == "embassy"  # the shared address restores the form


def test_the_keyboard_reaches_the_skip_link_first_and_focus_is_visible(page, site):
    page.goto(site + "/")
    page.keyboard.press("Tab")

    focused = page.evaluate(
        "() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.className, e.getBoundingClientRect().left, s.outlineStyle, s.outlineWidth]; }"
    )
    assert focused[0] == "skip-link" and focused[1] >= 0
    assert focused[2] == "solid" and focused[3] == "3px"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_source_page_marks_its_text_and_links_each_mark_to_its_entry(page, site):
    cnn = Source.objects.get(publisher="CNN")
    page.goto(f"{site}/sources/{cnn.pk}")

    assert page.locator(".article-text mark.mark-citation").count() >= cnn.citations.count()
    assert page.locator(".article-text mark.mark-statement").count() >= cnn.statements.count()
    assert page.locator(".article-text mark.mark-date").count() >= 10
    shot(page, "source.png")

    citation = cnn.citations.select_related("event").order_by("char_start").first()
    page.locator(f".article-text a.to-entry[href*='#event-{citation.event_id}']").first.click()
    page.wait_for_url(re.compile(rf"\?.*after=.*#event-{citation.event_id}$"))
    assert page.evaluate("document.activeElement.id") == f"event-{citation.event_id}"
    assert page.locator(f"#event-{citation.event_id} h3").inner_text() == citation.event.title


def test_the_timelinejs_view_draws_its_slides(page, site):
    if views.finders.find(views.TIMELINEJS_SCRIPT) is None:
        pytest.skip("TimelineJS is not installed (make vendor needs npm)")
    page.goto(site + "/timelinejs")
    page.wait_for_selector(".tl-slide", state="attached", timeout=20_000)
    page.wait_for_timeout(1000)  # TimelineJS animates to its first slide

    dated = Event.objects.exclude(date_start=None).count() + Statement.objects.exclude(date_start=None).count()
    assert page.locator(".tl-storyslider .tl-slide").count() == dated + 1  # and the title slide
    groups = page.locator(".tl-timegroup-message").all_inner_texts()
    assert "Statements" in groups and "advisory" in groups
    assert page.locator(".tl-timemarker").count() == dated
    page.locator(".tl-slidenav-next").first.click()
    page.wait_for_timeout(800)
    assert page.locator(".tl-slide.tl-slide-active, .tl-slide:not(.tl-slide-titleslide)").count() > 0
    shot(page, "timelinejs.png")


def test_no_request_leaves_the_server(browser, site):
    context, recorder = open_context(browser, site)
    page = context.new_page()
    cnn = Source.objects.get(publisher="CNN")
    for path in ("/", "/?q=embassy&kind=event", f"/sources/{cnn.pk}", "/timelinejs"):
        page.goto(site + path, wait_until="networkidle")
        page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
        if path == "/timelinejs" and views.finders.find(views.TIMELINEJS_SCRIPT):
            page.wait_for_selector(".tl-slide", state="attached", timeout=20_000)
            page.wait_for_load_state("networkidle")
    context.close()

    assert len(recorder.urls) >= 8  # pages, styles, scripts, the TimelineJS data: the recorder saw them
    assert any("/static/" in url for url in recorder.urls)
    assert recorder.foreign == []


def test_the_page_reads_at_a_phone_width(browser, site):
    context, recorder = open_context(browser, site, width=390, height=844)
    page = context.new_page()
    page.goto(site + "/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the screen
    shot(page, "timeline-390.png")
    alert = page.locator(f"#event-{Event.objects.get(title=SEPT_ALERT).pk}")
    alert.scroll_into_view_if_needed()
    shot(page, "september-alert-390.png", element=alert)
    context.close()
    assert recorder.foreign == []
