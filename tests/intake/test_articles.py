import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from intake.models import Proposal
from intake.services import fetching
from intake.services.articles import ArticleImportError, ArticleInput, article_import, article_read
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from tests.pages import ARTICLE_TEXT, html_route, news_page, serve
from timeline.extraction import nlp as extraction_nlp
from timeline.models import Source

pytestmark = pytest.mark.django_db


def read_page(page: str, **options):
    return article_read(data=ArticleInput(content=page.encode(), filename="page.html", **options))


def counts() -> tuple[int, int]:
    return Source.objects.count(), Proposal.objects.count()


def test_a_page_gives_its_text_headline_byline_site_and_published_time_with_its_offset():
    article = read_page(news_page())

    fields = article.fields
    assert fields["text"] == "\n".join(ARTICLE_TEXT)
    assert fields["headline"] == "Embassy urges Americans to leave Russia"
    assert fields["authors"] == ["Jane Doe"]
    assert fields["publisher"] == "Daily Example"
    # 14:05 at UTC-4: a whole-hour offset is kept as the Etc zone of that offset.
    assert (fields["published_date"], fields["published_time"]) == (dt.date(2022, 9, 28), dt.time(14, 5))
    assert fields["timezone"] == "Etc/GMT+4"
    assert article.facts["published"] == "meta article:published_time"


def test_a_utc_publication_time_is_turned_into_the_publishers_zone_when_it_is_given():
    article = read_page(news_page(published_meta="2022-09-28T02:30:00Z"), timezone="America/New_York")

    fields = article.fields
    assert (fields["published_date"], fields["published_time"]) == (dt.date(2022, 9, 27), dt.time(22, 30))
    assert fields["timezone"] == "America/New_York"


def test_json_ld_date_published_is_read_when_no_meta_tag_gives_the_date():
    article = read_page(news_page(published_meta=None, json_ld_date="2023-02-13T09:00:00+00:00"))

    assert article.fields["published_date"] == dt.date(2023, 2, 13)
    assert article.facts["published"] == "JSON-LD datePublished"


def test_a_page_without_a_publication_date_is_refused_rather_than_guessed():
    page = news_page(published_meta=None, paragraphs=("Published September 28, 2022.", *ARTICLE_TEXT))

    with pytest.raises(ArticleImportError, match="no publication date in the page's metadata"):
        read_page(page)
    assert read_page(page, published="2022-09-28").fields["published_date"] == dt.date(2022, 9, 28)


def test_a_page_without_article_text_is_refused():
    empty = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"

    with pytest.raises(ArticleImportError, match="no article text"):
        read_page(empty, published="2022-09-28")


def test_a_seed_text_takes_its_facts_from_the_manifest_beside_it(settings):
    article = article_read(data=ArticleInput(path=str(settings.BASE_DIR / "seeds" / "002_a46a5c61fee82934.txt")))

    assert article.fields["publisher"] == "CNN"
    assert article.fields["slug"] == "002_a46a5c61fee82934"
    assert article.fields["published_date"] == dt.date(2022, 9, 28)


def test_a_text_without_a_manifest_needs_its_publication_date(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("The embassy said on Tuesday that citizens should leave.", encoding="utf-8")

    with pytest.raises(ArticleImportError, match="published"):
        article_read(data=ArticleInput(path=str(path), publisher="Example"))
    article = article_read(data=ArticleInput(path=str(path), publisher="Example", published="2022-09-28T10:15"))
    assert article.fields["published_time"] == dt.time(10, 15)
    assert article.fields["headline"] == "The embassy said on Tuesday that citizens should leave."


@pytest.mark.usefixtures("fake_reader")
def test_importing_a_page_stores_the_source_and_its_proposals_and_importing_it_again_changes_nothing():
    data = ArticleInput(content=news_page().encode(), filename="page.html")

    result = article_import(data=data)

    source = Source.objects.get()
    assert result.source == source
    assert source.slug == "daily-example-2022-09-28-embassy-urges-americans-to-leave-russia"
    kinds = sorted(Proposal.objects.values_list("kind", flat=True))
    assert kinds == ["citation", "statement", "statement"]
    for proposal in Proposal.objects.all():
        assert source.text[proposal.char_start : proposal.char_end] == proposal.text
    before = counts()
    with pytest.raises(
        ArticleImportError, match="text: already imported as source 'daily-example-2022-09-28-embassy-urges"
    ):
        article_import(data=data)
    assert counts() == before


@pytest.mark.usefixtures("fake_reader")
def test_a_dry_run_reads_and_proposes_but_writes_nothing():
    result = article_import(data=ArticleInput(content=news_page().encode(), filename="p.html"), dry_run=True)

    assert result.proposals == 3
    assert counts() == (0, 0)


@pytest.mark.usefixtures("fake_reader")
def test_a_page_is_fetched_from_a_url_and_the_final_url_recorded(settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    routes = {"/a": html_route(news_page()), "/old": (301, "text/html", b"", {"Location": "/a"})}
    with serve(routes) as base:
        result = article_import(data=ArticleInput(url=f"{base}/old"))

    assert result.source.url == f"{base}/a"
    assert result.source.origin == f"imported from {base}/a"


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ((200, "text/plain", b"just text", {}), r"is not an HTML page \(Content-Type 'text/plain'\)"),
        ((404, "text/html", b"gone", {}), "answered HTTP 404"),
        ((200, "text/html", b"x" * 2000, {}), "larger than the 1000 bytes allowed"),
    ],
)
def test_a_bad_response_is_one_line_naming_the_url_and_nothing_is_written(settings, route, message):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    settings.IMPORT_MAX_BYTES = 1000
    with serve({"/a": route}) as base, pytest.raises(ArticleImportError, match=message) as caught:
        article_import(data=ArticleInput(url=f"{base}/a"))

    assert str(caught.value).startswith("url: ")
    assert "\n" not in str(caught.value)
    assert counts() == (0, 0)


def test_a_private_address_is_refused_unless_the_setting_allows_it(settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = False
    with (
        serve({"/a": html_route(news_page())}) as base,
        pytest.raises(ArticleImportError, match=r"url: 127\.0\.0\.1 is a private"),
    ):
        article_import(data=ArticleInput(url=f"{base}/a"))
    assert counts() == (0, 0)


def test_every_redirect_is_checked_again(monkeypatch):
    checked = fetching._check_address

    def refuse_localhost(address, host):
        if host == "localhost":
            checked("127.0.0.1", host)  # refuses

    monkeypatch.setattr(fetching, "_check_address", refuse_localhost)
    redirect = (302, "text/html", b"", {"Location": "http://localhost/b"})
    with serve({"/a": redirect}) as base, pytest.raises(fetching.FetchError, match=r"localhost resolves to 127\.0"):
        fetching.fetch_page(f"{base}/a", timeout=5, max_bytes=10_000, allow_private=False)


def test_an_unreachable_host_is_one_line(settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True
    with serve({}) as base:
        pass  # the port is free again: nothing listens there

    with pytest.raises(ArticleImportError, match=r"^url: 127.0.0.1 is unreachable"):
        article_import(data=ArticleInput(url=f"{base}/a"))


def test_only_http_and_https_are_fetched():
    with pytest.raises(ArticleImportError, match="only http and https"):
        article_import(data=ArticleInput(url="file:///etc/passwd"))


@pytest.mark.usefixtures("fake_reader")
def test_the_command_imports_a_page_and_says_what_it_made(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(news_page(), encoding="utf-8")
    out, err = StringIO(), StringIO()

    call_command("import_article", str(path), "--slug", "embassy", stdout=out, stderr=err)

    assert "embassy: 'Embassy urges Americans to leave Russia' (Daily Example, 2022-09-28 14:05 Etc/GMT+4)" in (
        out.getvalue()
    )
    assert "3 proposals" in out.getvalue()
    assert "100% imported embassy" in err.getvalue()
    assert Source.objects.get().slug == "embassy"


def test_the_command_refuses_bad_input_with_one_line_and_writes_nothing(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(news_page(published_meta=None), encoding="utf-8")

    with pytest.raises(CommandError, match="no publication date") as caught:
        call_command("import_article", str(path), stdout=StringIO(), stderr=StringIO())
    assert "\n" not in str(caught.value)
    with pytest.raises(CommandError, match="published: '28/09/2022' is not a date"):
        call_command("import_article", str(path), "--published", "28/09/2022", stdout=StringIO(), stderr=StringIO())
    assert counts() == (0, 0)


@pytest.mark.usefixtures("fake_reader")
def test_the_command_puts_the_article_in_an_existing_story_and_refuses_an_unknown_one(tmp_path):
    from timeline.services.stories import story_create

    path = tmp_path / "page.html"
    path.write_text(news_page(), encoding="utf-8")
    with pytest.raises(CommandError, match="story: there is no story 'embassy'"):
        call_command("import_article", str(path), "--story", "embassy", stdout=StringIO(), stderr=StringIO())
    assert counts() == (0, 0)
    story = story_create(slug="embassy", title="Embassy alerts")

    call_command("import_article", str(path), "--story", "embassy", stdout=StringIO(), stderr=StringIO())

    assert list(story.sources.all()) == [Source.objects.get()]


def test_a_text_the_reader_cannot_read_is_refused_in_one_line_and_nothing_is_written():
    if not extraction_nlp.is_available():
        pytest.skip("the spaCy model is not installed")
    german = " ".join(["Die Regierung hat am Dienstag beschlossen, die Steuern zu senken."] * 6)
    data = ArticleInput(content=german.encode(), filename="a.txt", publisher="Example", published="2024-03-06")

    with pytest.raises(ArticleImportError, match=r"^text: the text does not read as English"):
        article_import(data=data)
    assert not Source.objects.exists() and not Proposal.objects.exists()


def test_a_text_with_no_sentences_imports_with_no_proposals():
    if not extraction_nlp.is_available():
        pytest.skip("the spaCy model is not installed")
    data = ArticleInput(
        content=b"* * *\n---\n", filename="a.txt", publisher="Example", published="2024-03-06", slug="rules"
    )

    result = article_import(data=data)
    assert result.proposals == 0 and Source.objects.filter(slug="rules").exists()
