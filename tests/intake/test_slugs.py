"""Imported articles' slugs: publisher, date and at most six words of the headline, unique."""

import datetime as dt

import pytest

from intake.services.articles import SLUG_MAX, ArticleInput, article_import, article_slug
from tests.factories import SourceFactory
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)

HEADLINE = (
    "Israel's prime minister has apologised to Turkey for any errors that could have led to loss of life, "
    "the White House says"
)


def test_a_long_headline_gives_publisher_date_and_six_words():
    slug = article_slug(publisher="BBC News", published=dt.date(2013, 3, 22), headline=HEADLINE)

    assert slug == "bbc-news-2013-03-22-israels-prime-minister-has-apologised-to"


def test_a_slug_fits_the_field_whatever_the_publisher():
    slug = article_slug(publisher="The " + "Very " * 80 + "Long Gazette", published=dt.date(2013, 3, 22), headline="")

    assert len(slug) <= SLUG_MAX - 8 and slug.endswith("2013-03-22")


def text_import(headline: str, text: str):
    data = ArticleInput(
        content=text, filename="text.txt", published="2013-03-22", publisher="BBC News", headline=headline
    )
    return article_import(data=data, propose=False).source


@pytest.mark.django_db
def test_an_imported_article_gets_the_short_slug():
    source = text_import(HEADLINE, "Israel apologised to Turkey on Friday.")

    assert source.slug == "bbc-news-2013-03-22-israels-prime-minister-has-apologised-to"


@pytest.mark.django_db
def test_two_articles_with_the_same_short_slug_get_distinct_ones():
    SourceFactory(slug="bbc-news-2013-03-22-israels-prime-minister-has-apologised-to")

    source = text_import(HEADLINE, "A second story on the apology.")

    assert source.slug == "bbc-news-2013-03-22-israels-prime-minister-has-apologised-to-2"
