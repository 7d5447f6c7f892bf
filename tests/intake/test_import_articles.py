"""`import_articles`: many articles from files, folders, a list of URLs or a feed, each on its own."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from tests.feeds import article_page, article_routes, feed_items, feed_route, rss
from tests.pages import serve
from timeline.models import Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_reader")]


@pytest.fixture(autouse=True)
def _local_server_allowed(settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = True  # the test server is on 127.0.0.1


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_folder_of_pages_is_imported_and_a_second_run_imports_nothing_new(tmp_path):
    for n in range(3):
        (tmp_path / f"a{n}.html").write_text(article_page(n))
    (tmp_path / "notes.md").write_text("not an article")

    out, _ = run(str(tmp_path))
    assert "3 imported" in out
    assert Source.objects.count() == 3

    out, err = run(str(tmp_path))
    assert "0 imported" in out and "3 already there" in out
    assert err.count("duplicate: ") == 3
    assert Source.objects.count() == 3


def test_a_list_of_urls_goes_on_past_a_404_and_a_page_that_is_no_article_naming_each_reason(tmp_path):
    menu = b"<html><body><a href=/>Home</a></body></html>"
    routes = {**article_routes([1, 2]), "/menu": (200, "text/html", menu, {})}
    with serve(routes) as base:
        urls = tmp_path / "urls.txt"
        urls.write_text(f"# today's reading\n{base}/news/1\n\n{base}/missing\n{base}/menu\n{base}/news/2\n")
        out, err = run("--urls", str(urls))

    assert "2 imported" in out and "2 failed" in out
    assert f"failed: {base}/missing: url: {base}/missing answered HTTP 404" in err
    assert f"failed: {base}/menu: {base}/menu: no article text found" in err
    assert sorted(Source.objects.values_list("url", flat=True)) == [f"{base}/news/1", f"{base}/news/2"]


def test_a_private_address_is_refused_as_an_item_and_when_none_imports_the_exit_is_one_line(tmp_path, settings):
    settings.IMPORT_ALLOW_PRIVATE_ADDRESSES = False
    with serve(article_routes([1])) as base:
        urls = tmp_path / "urls.txt"
        urls.write_text(f"{base}/news/1\n")
        with pytest.raises(CommandError, match=r"^no article could be imported: .* url: 127\.0\.0\.1 is a private"):
            run("--urls", str(urls))
    assert Source.objects.count() == 0


def test_a_feeds_items_are_imported_with_a_progress_bar_on_stderr():
    routes = article_routes(range(4))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, range(4))))
        out, err = run("--feed", f"{base}/feed")

    assert "4 imported" in out
    assert "4/4" in err  # the bar's last state
    assert Source.objects.count() == 4


def test_a_feed_longer_than_the_cap_is_cut_there_and_the_cap_named(settings):
    settings.FEED_MAX_ITEMS = 2
    routes = article_routes(range(5))
    with serve(routes) as base:
        routes["/feed"] = feed_route(rss(feed_items(base, range(5))))
        out, err = run("--feed", f"{base}/feed")

    assert "the feed has 5 items; only the first 2 were read (FEED_MAX_ITEMS=2)" in err
    assert "2 imported" in out


def test_a_feed_that_is_not_xml_is_one_line_and_nothing_is_written():
    routes = {"/feed": (200, "application/xml", b"<html><body>not a feed", {})}
    with serve(routes) as base, pytest.raises(CommandError, match=r"^feed: .* is not an RSS or Atom feed"):
        run("--feed", f"{base}/feed")
    assert Source.objects.count() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [((), "give exactly one of"), (("--urls", "/nonexistent/urls.txt"), r"--urls: cannot read")],
)
def test_bad_arguments_are_one_line(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_a_feed_whose_body_names_a_file_on_our_disk_is_not_read_from_there(tmp_path):
    local = tmp_path / "local.xml"
    local.write_bytes(rss([("urn:x", "http://127.0.0.1:1/x", "Local")]))
    routes = {"/feed": (200, "application/xml", str(local).encode(), {})}
    with serve(routes) as base, pytest.raises(CommandError, match=r"is not an RSS or Atom feed"):
        run("--feed", f"{base}/feed")


def test_an_atom_feed_gives_its_entries_links():
    routes = article_routes([7])
    with serve(routes) as base:
        atom = (
            "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Wire</title>"
            "<id>urn:wire</id><updated>2023-01-01T00:00:00Z</updated>"
            f"<entry><title>Bridge 7</title><id>urn:example:7</id><link href='{base}/news/7'/>"
            "<updated>2023-01-01T00:00:00Z</updated></entry></feed>"
        )
        routes["/atom"] = (200, "application/atom+xml", atom.encode(), {})
        out, _ = run("--feed", f"{base}/atom")

    assert "1 imported" in out
    assert Source.objects.get().url == f"{base}/news/7"
