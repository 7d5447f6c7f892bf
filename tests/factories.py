"""Test data builders (factory_boy). Tests build what they need here, never from the demo fixtures."""

import datetime as dt

import factory

from timeline import models


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Story

    slug = factory.Sequence(lambda n: f"story-{n}")
    title = factory.Sequence(lambda n: f"Story {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    headline = factory.Sequence(lambda n: f"Headline {n}")
    publisher = "Example News"
    url = factory.Sequence(lambda n: f"https://news.example.com/{n}")
    text = factory.Sequence(lambda n: f"Article {n}. The embassy said on Tuesday that citizens should leave.")
    checksum = factory.LazyAttribute(lambda o: models.text_checksum(o.text))
    published_date = dt.date(2022, 9, 28)
    timezone = "UTC"


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Actor

    name = factory.Sequence(lambda n: f"Actor {n}")
    kind = models.ActorKind.PERSON


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title = factory.Sequence(lambda n: f"Event {n}")
    category = "diplomacy"


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Citation

    event = factory.SubFactory(EventFactory)
    source = factory.SubFactory(SourceFactory)
    char_start = 0
    char_end = factory.LazyAttribute(lambda o: len(o.source.text))
    sentence = factory.LazyAttribute(lambda o: o.source.text[o.char_start : o.char_end])


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statement

    speaker = factory.SubFactory(ActorFactory)
    source = factory.SubFactory(SourceFactory)
    mode = models.StatementMode.REPORTED
    char_start = 0
    char_end = factory.LazyAttribute(lambda o: len(o.source.text))
    text = factory.LazyAttribute(lambda o: o.source.text[o.char_start : o.char_end])


def resolved_dates(start: dt.date, end: dt.date | None = None, *, value: str = "", precision: str = "day") -> dict:
    """Keyword arguments giving a row a resolved date, for tests that need one."""
    end = end or start
    return {
        "date_value": value or start.isoformat(),
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_status": models.DateStatus.RESOLVED,
    }
