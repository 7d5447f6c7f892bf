"""The timeline's filter form: it only draws the fields; timeline.filters reads and checks them."""

from __future__ import annotations

from django import forms

from timeline import selectors
from timeline.models import Event, Source, Story

# The query parameters the page passes on to the timeline's filtersets in timeline.filters (and keeps in every link).
FILTER_KEYS = ("story", "start", "end", "actor", "source", "kind", "category", "q")


class SourceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Source) -> str:
        headline = obj.headline if len(obj.headline) <= 60 else obj.headline[:59] + "…"
        return f"{obj.publisher}, {obj.published_date:%-d %b %Y}: {headline}"


def category_choices() -> list[tuple[str, str]]:
    categories = Event.objects.exclude(category="").order_by("category").values_list("category", flat=True).distinct()
    return [("", "any category"), *((c, c) for c in categories)]


class TimelineFilterForm(forms.Form):
    story = forms.ModelChoiceField(
        label="Story",
        queryset=Story.objects.order_by("title").only("slug", "title"),
        to_field_name="slug",
        required=False,
        empty_label="every story",
    )
    q = forms.CharField(label="Words", required=False, widget=forms.TextInput(attrs={"type": "search"}))
    start = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label="Until", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    actor = forms.ModelChoiceField(
        label="Actor or speaker", queryset=selectors.actor_list(), required=False, empty_label="anyone"
    )
    source = SourceChoiceField(
        label="Source",
        queryset=selectors.source_list().only("id", "publisher", "headline", "published_date"),
        required=False,
        empty_label="any source",
    )
    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "events and statements"), ("event", "events only"), ("statement", "statements only")],
    )
    category = forms.ChoiceField(label="Category", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Once per form: a callable would be read again each time the field is drawn.
        self.fields["category"].choices = category_choices()
