"""Serializers of stories: a story, its summary, and the sources and events put in or taken out."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from api import examples
from api.strict import StrictTypesMixin
from timeline.filters import MAX_ID
from timeline.models import Event, Source, Story
from timeline.services import stories

# Ids one request may add to or remove from a story.
MEMBERSHIP_MAX_IDS = 1000


@extend_schema_serializer(examples=examples.pair("A story", examples.STORY_REQUEST, examples.STORY_RESPONSE))
class StorySerializer(StrictTypesMixin, serializers.ModelSerializer):
    api_url = serializers.HyperlinkedIdentityField(
        view_name="api:story-detail", lookup_field="slug", help_text="This resource."
    )
    timeline_url = serializers.SerializerMethodField(help_text="The story's timeline (and, with ?format=, exports).")
    notes = serializers.CharField(required=False, allow_blank=True, help_text="Editors' notes.")

    class Meta:
        model = Story
        fields = ["id", "api_url", "slug", "title", "description", "notes", "timeline_url", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]

    def get_timeline_url(self, story: Story) -> str:
        url = f"{reverse('api:timeline-list')}?{urlencode({'story': story.slug})}"
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url

    def create(self, validated_data: dict[str, Any]) -> Story:
        return stories.story_create(**validated_data)

    def update(self, instance: Story, validated_data: dict[str, Any]) -> Story:
        return stories.story_update(story=instance, data=validated_data)


class StorySummarySerializer(serializers.Serializer):
    start = serializers.DateField(
        source="date_start", allow_null=True, help_text="First day covered by the story's dated events and statements."
    )
    end = serializers.DateField(source="date_end", allow_null=True, help_text="Last day covered.")
    sources = serializers.IntegerField(help_text="Sources in the story.")
    events = serializers.IntegerField(help_text="Events in the story.")
    statements = serializers.IntegerField(help_text="Statements reported by the story's sources.")
    undated = serializers.IntegerField(help_text="Events and statements with no date, which the timeline leaves out.")
    publishers = serializers.ListField(child=serializers.CharField(), help_text="Publishers of its sources, A-Z.")
    last_update = serializers.DateTimeField(help_text="Latest change to the story, its membership or its sources.")


@extend_schema_serializer(
    examples=[OpenApiExample("A story with its summary", value=examples.STORY_DETAIL, response_only=True)]
)
class StoryDetailSerializer(StorySerializer):
    summary = serializers.SerializerMethodField(help_text="What the story holds, at a glance.")

    class Meta(StorySerializer.Meta):
        fields = [*StorySerializer.Meta.fields, "summary"]

    @extend_schema_field(StorySummarySerializer)
    def get_summary(self, story: Story) -> dict:
        return StorySummarySerializer(stories.story_summary(story=story)).data


@extend_schema_serializer(
    examples=[OpenApiExample("Two sources and an event", value=examples.STORY_MEMBERSHIP_REQUEST, request_only=True)]
)
class StoryMembershipSerializer(StrictTypesMixin, serializers.Serializer):
    """Sources and events to put in (or take out of) a story, by id."""

    source_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        max_length=MEMBERSHIP_MAX_IDS,
        help_text="Source ids. A source that joins brings the events it cites; one that leaves takes along "
        "those no other source of the story cites.",
    )
    event_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        max_length=MEMBERSHIP_MAX_IDS,
        help_text="Event ids.",
    )

    @staticmethod
    def _check_exist(model, ids: list[int]) -> list[int]:
        # One query for the whole list rather than one per id.
        found = set(model.objects.filter(pk__in=ids).values_list("pk", flat=True))
        missing = sorted(set(ids) - found)
        if missing:
            raise serializers.ValidationError(f"No {model._meta.verbose_name} with id {', '.join(map(str, missing))}.")
        return ids

    def validate_source_ids(self, value: list[int]) -> list[int]:
        return self._check_exist(Source, value)

    def validate_event_ids(self, value: list[int]) -> list[int]:
        return self._check_exist(Event, value)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("source_ids") and not attrs.get("event_ids"):
            raise serializers.ValidationError({"source_ids": ["Give source_ids, event_ids or both."]})
        return attrs


@extend_schema_serializer(
    examples=[
        OpenApiExample("What joined: the sources, and the events they cite", value=examples.STORY_MEMBERSHIP_RESPONSE)
    ]
)
class StoryMembershipResultSerializer(serializers.Serializer):
    sources = serializers.ListField(child=serializers.IntegerField(), help_text="Ids of the sources that changed.")
    events = serializers.ListField(child=serializers.IntegerField(), help_text="Ids of the events that changed.")
