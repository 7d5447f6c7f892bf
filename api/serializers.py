"""Serializers of the timeline's records: sources, actors, events with their citations, statements,
and the timeline's entries, with the brief forms nested in them; and the API's errors and tokens.
Reads come from prefetched rows; writes call services. Dates are in api.date_serializers, stories
in api.story_serializers."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from api import examples
from api.date_serializers import DateSerializer, date_field, known_timezones
from api.strict import StrictTypesMixin
from timeline import readings
from timeline.models import Actor, Citation, Event, Source, Statement
from timeline.services import records

# --- Brief forms, nested in other payloads ----------------------------------------------------


# JSON Schema's `format: time` is RFC 3339's full-time, which requires a UTC offset; a publication time
# is a wall-clock time in the publisher's zone (given beside it), so the schema gives its pattern instead.
@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$",
        "example": "14:05:00",
    }
)
class WallClockTimeField(serializers.TimeField):
    """A time of day in a named time zone, written HH:MM[:SS]."""


class PublicationSerializer(StrictTypesMixin, serializers.Serializer):
    """The publication context a source's relative dates are resolved against."""

    date = serializers.DateField(source="published_date")
    time = WallClockTimeField(
        source="published_time", allow_null=True, required=False, help_text="Time of publication, when known."
    )
    timezone = serializers.CharField(
        max_length=64, required=False, help_text="IANA time zone of the publisher, e.g. Europe/London; UTC if left out."
    )


class SourceBriefSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    publication = PublicationSerializer(source="*", read_only=True)

    class Meta:
        model = Source
        fields = ["id", "slug", "headline", "publisher", "url", "publication"]

    # A method field, so that the schema says what the model's blank URLField really gives: an http(s)
    # address or "" (a read-only URL field is documented as `format: uri`, which "" does not meet).
    @extend_schema_field(
        {"type": "string", "anyOf": [{"format": "uri"}, {"maxLength": 0}], "description": "Empty when unknown."}
    )
    def get_url(self, source: Source) -> str:
        return source.url


class ActorBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["id", "name", "kind"]


class EventBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Event
        fields = ["id", "slug", "title"]


# --- Sources ----------------------------------------------------------------------------------


@extend_schema_serializer(examples=examples.pair("A news article", examples.SOURCE_REQUEST, examples.SOURCE_RESPONSE))
class SourceSerializer(StrictTypesMixin, serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:source-detail", help_text="This resource.")
    publication = PublicationSerializer(source="*", help_text="When and where it was published.")

    class Meta:
        model = Source
        fields = [
            "id",
            "api_url",
            "slug",
            "headline",
            "publisher",
            "url",
            "authors",
            "language",
            "publication",
            "origin",
            "notes",
            "text",
            "checksum",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["checksum", "created_at", "updated_at"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        tz = attrs.get("timezone")
        if tz is not None and tz not in known_timezones():
            raise serializers.ValidationError({"publication": {"timezone": [f"Unknown IANA time zone {tz!r}."]}})
        authors = attrs.get("authors")
        if authors is not None and not (isinstance(authors, list) and all(isinstance(a, str) for a in authors)):
            raise serializers.ValidationError({"authors": ["A list of names is required."]})
        return attrs

    def create(self, validated_data: dict[str, Any]) -> Source:
        return records.source_create(**validated_data)

    def update(self, instance: Source, validated_data: dict[str, Any]) -> Source:
        return records.source_update(source=instance, data=validated_data)


# --- Actors -----------------------------------------------------------------------------------


@extend_schema_serializer(examples=examples.pair("A government body", examples.ACTOR_REQUEST, examples.ACTOR_RESPONSE))
class ActorSerializer(StrictTypesMixin, serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:actor-detail", help_text="This resource.")

    class Meta:
        model = Actor
        fields = ["id", "api_url", "name", "kind", "aliases", "description"]

    def validate_aliases(self, value: Any) -> list[str]:
        if not (isinstance(value, list) and all(isinstance(a, str) for a in value)):
            raise serializers.ValidationError("A list of names is required.")
        return value

    def create(self, validated_data: dict[str, Any]) -> Actor:
        return records.actor_create(**validated_data)

    def update(self, instance: Actor, validated_data: dict[str, Any]) -> Actor:
        return records.actor_update(actor=instance, data=validated_data)


# --- Events -----------------------------------------------------------------------------------


def _dates(validated: dict[str, Any]) -> dict[str, Any]:
    """Take the date fields (merged in by the nested `date` object) out of validated data."""
    return {name: validated.pop(name) for name in records.DATE_FIELDS if name in validated}


PASSAGE_HELP = (
    "The quoted words: exactly the source text from char_start to char_end. Give the words, the offsets, "
    "or both: words alone are found in the text (a 400 lists the offsets when they occur more than once), "
    "offsets alone read the words from the text. `{words}` must match the text at the offsets."
)


class CitationSerializer(StrictTypesMixin, serializers.ModelSerializer):
    """Where one source supports the event, with the date as that source words it."""

    id = serializers.IntegerField(
        required=False, help_text="On update: the citation to keep and change. Leave out to add one."
    )
    source = SourceBriefSerializer(read_only=True)
    source_id = serializers.PrimaryKeyRelatedField(
        source="source",
        queryset=Source.objects.all(),
        write_only=True,
        required=False,
        help_text="The citing source's id; required for a new citation.",
    )
    date = date_field(required=False, help_text="The date as this source words it, read against its publication date.")
    agrees_with_event = serializers.SerializerMethodField(
        help_text="Whether this source's date agrees with the event's (one interval lies within the other); "
        "null when either is undated."
    )

    class Meta:
        model = Citation
        fields = ["id", "source", "source_id", "sentence", "char_start", "char_end", "date", "agrees_with_event"]
        validators = []  # uniqueness is checked by the service, which knows the event
        # The passage may be given as the sentence, the offsets, or both: services.provenance finds the rest.
        extra_kwargs = {
            "sentence": {
                "required": False,
                "trim_whitespace": False,
                "help_text": PASSAGE_HELP.format(words="sentence"),
            },
            "char_start": {"required": False},
            "char_end": {"required": False},
        }

    @extend_schema_field(serializers.BooleanField(allow_null=True))
    def get_agrees_with_event(self, citation: Citation) -> bool | None:
        return readings.citation_agrees_with_event(citation, citation.event)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("char_start"), attrs.get("char_end")
        if start is not None and end is not None and end <= start:
            raise serializers.ValidationError({"char_end": ["Must be greater than char_start."]})
        return attrs


class DateReadingSerializer(serializers.Serializer):
    value = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    precision = serializers.CharField()
    texts = serializers.ListField(child=serializers.CharField(), help_text="The expressions that read so.")
    sources = SourceBriefSerializer(many=True, help_text="The sources that read so.")
    citation_ids = serializers.ListField(child=serializers.IntegerField())


@extend_schema_serializer(
    examples=examples.pair("An event two sources date differently", examples.EVENT_REQUEST, examples.EVENT_RESPONSE)
)
class EventSerializer(StrictTypesMixin, serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:event-detail", help_text="This resource.")
    date = date_field(required=False, help_text="The event's date: the best-supported reading of its citations.")
    actors = ActorBriefSerializer(many=True, read_only=True)
    actor_ids = serializers.PrimaryKeyRelatedField(
        source="actors", queryset=Actor.objects.all(), many=True, write_only=True, required=False
    )
    citations = CitationSerializer(many=True, required=False, help_text="Every source supporting the event.")
    sources_disagree = serializers.SerializerMethodField(
        help_text="True when two citations date the event differently (neither interval lies within the other)."
    )
    date_readings = serializers.SerializerMethodField(
        help_text="The distinct dates the citations give, each with the sources that give it."
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "api_url",
            "slug",
            "title",
            "description",
            "location",
            "category",
            "date",
            "actors",
            "actor_ids",
            "citations",
            "sources_disagree",
            "date_readings",
        ]

    @staticmethod
    def _readings(event: Event) -> list[readings.DateReading]:
        # Both fields below read them: compute them once per event.
        if getattr(event, "_date_readings", None) is None:
            event._date_readings = readings.date_readings(event.citations.all())
        return event._date_readings

    @extend_schema_field(serializers.BooleanField())
    def get_sources_disagree(self, event: Event) -> bool:
        return readings.readings_disagree(self._readings(event))

    @extend_schema_field(DateReadingSerializer(many=True))
    def get_date_readings(self, event: Event) -> list[dict]:
        return DateReadingSerializer(self._readings(event), many=True, context=self.context).data

    @staticmethod
    def _citation_inputs(items: list[dict[str, Any]]) -> list[records.CitationInput]:
        return [
            records.CitationInput(
                id=item.get("id"),
                source=item.get("source"),
                sentence=item.get("sentence"),
                char_start=item.get("char_start"),
                char_end=item.get("char_end"),
                dates=_dates(item),
            )
            for item in items
        ]

    def create(self, validated_data: dict[str, Any]) -> Event:
        citations = validated_data.pop("citations", [])
        actors = validated_data.pop("actors", [])
        return records.event_create(
            dates=_dates(validated_data),
            actors=actors,
            citations=self._citation_inputs(citations),
            **validated_data,
        )

    def update(self, instance: Event, validated_data: dict[str, Any]) -> Event:
        citations = validated_data.pop("citations", None)
        actors = validated_data.pop("actors", None)
        return records.event_update(
            event=instance,
            data=validated_data,
            actors=actors,
            citations=None if citations is None else self._citation_inputs(citations),
        )


# --- Statements -------------------------------------------------------------------------------


@extend_schema_serializer(
    examples=examples.pair("A quoted alert", examples.STATEMENT_REQUEST, examples.STATEMENT_RESPONSE)
)
class StatementSerializer(StrictTypesMixin, serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(view_name="api:statement-detail", help_text="This resource.")
    date = date_field(required=False, help_text="When it was said.")
    speaker = ActorBriefSerializer(read_only=True)
    speaker_id = serializers.PrimaryKeyRelatedField(source="speaker", queryset=Actor.objects.all(), write_only=True)
    source = SourceBriefSerializer(read_only=True)
    source_id = serializers.PrimaryKeyRelatedField(source="source", queryset=Source.objects.all(), write_only=True)
    event = EventBriefSerializer(read_only=True, allow_null=True)
    event_id = serializers.PrimaryKeyRelatedField(
        source="event", queryset=Event.objects.all(), write_only=True, required=False, allow_null=True
    )

    class Meta:
        model = Statement
        fields = [
            "id",
            "api_url",
            "text",
            "mode",
            "speaker",
            "speaker_id",
            "source",
            "source_id",
            "event",
            "event_id",
            "char_start",
            "char_end",
            "date",
        ]
        validators = []  # (source, char_start) uniqueness: full_clean() in the service reports it by field
        extra_kwargs = {
            "text": {"required": False, "trim_whitespace": False, "help_text": PASSAGE_HELP.format(words="text")},
            "char_start": {"required": False},
            "char_end": {"required": False},
        }

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start = attrs.get("char_start", getattr(self.instance, "char_start", None))
        end = attrs.get("char_end", getattr(self.instance, "char_end", None))
        if start is not None and end is not None and end <= start:
            raise serializers.ValidationError({"char_end": ["Must be greater than char_start."]})
        return attrs

    def create(self, validated_data: dict[str, Any]) -> Statement:
        return records.statement_create(dates=_dates(validated_data), **validated_data)

    def update(self, instance: Statement, validated_data: dict[str, Any]) -> Statement:
        return records.statement_update(statement=instance, data=validated_data)


# --- The timeline -----------------------------------------------------------------------------


# "proposal": a pending proposal, only on an actor's timeline with ?proposals=include.
TIMELINE_KINDS = [("event", "event"), ("statement", "statement"), ("proposal", "proposal")]


class TimelineEntrySerializer(serializers.Serializer):
    """One row of the timeline: an event (with its citations) or a statement (with its source)."""

    kind = serializers.ChoiceField(choices=TIMELINE_KINDS)
    id = serializers.IntegerField()
    unique_id = serializers.CharField(help_text="Stable across requests: kind and id, e.g. event-12.")
    title = serializers.CharField()
    text = serializers.CharField(help_text="The event's description or the statement's words.")
    date = DateSerializer(source="record")
    category = serializers.CharField(allow_blank=True)
    actors = ActorBriefSerializer(many=True, help_text="An event's actors, or a statement's speaker.")
    sources = SourceBriefSerializer(many=True)
    citations = CitationSerializer(many=True, help_text="Events only; empty for statements.")
    sources_disagree = serializers.BooleanField(help_text="Events only: the citations date it differently.")
    date_readings = DateReadingSerializer(many=True)
    event_id = serializers.IntegerField(allow_null=True, help_text="The event, or the event a statement is about.")


# --- Tokens and errors -------------------------------------------------------------------------


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"})


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField(help_text='Send as "Authorization: Token <token>".')


@extend_schema_field(
    {
        "oneOf": [
            {"type": "array", "items": {"type": "string"}},
            {"type": "object", "additionalProperties": True, "description": "Errors of a nested object or list."},
        ]
    }
)
class FieldErrorsField(serializers.JSONField):
    """The messages for one field, or the errors of a nested object keyed like the object."""


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in a sentence.")
    errors = serializers.DictField(
        child=FieldErrorsField(),
        required=False,
        help_text="Validation failures only: each field or query parameter at fault, with its messages; "
        "a nested object's errors nest the same way, keyed by its fields (or, in a list, by position).",
    )
