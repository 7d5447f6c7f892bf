"""The review desk's forms: the queue's filters, a decision, and the corrections made before accepting.

The forms only parse; the review services check the corrections against the article (words within
the sentence, a date the engine reads, a speaker's name) and their messages go beside the field.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from intake.models import Proposal, ProposalKind
from intake.services.review import Corrections
from timeline.models import Actor, Story

ACTIONS = ("accept", "reject", "undo", "bulk")


class QueueFilterForm(forms.Form):
    story = forms.ModelChoiceField(
        queryset=Story.objects.order_by("title").only("slug", "title"),
        to_field_name="slug",
        required=False,
        empty_label="any story",
    )
    kind = forms.ChoiceField(choices=[("", "any kind"), *ProposalKind.choices], required=False)
    confidence = forms.FloatField(
        label="Confidence at least",
        min_value=0,
        max_value=1,
        required=False,
        widget=forms.NumberInput({"step": "0.05"}),
    )


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    proposal = forms.IntegerField(required=False, widget=forms.HiddenInput)
    version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    confidence = forms.FloatField(min_value=0, max_value=1, required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") in ("accept", "reject") and data.get("proposal") is None:
            raise ValidationError("Which proposal? Reload the page.")
        if data.get("action") == "bulk" and data.get("confidence") is None:
            self.add_error("confidence", "Give a confidence between 0 and 1.")
        return data


class ActorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Actor) -> str:
        return obj.name


class CorrectionsForm(forms.Form):
    """Every field starts with the proposal's value; what the editor leaves alone is not a change."""

    proposal = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    words = forms.CharField(widget=forms.Textarea({"rows": 3}), strip=True)
    speaker_id = ActorChoiceField(
        label="Speaker (an actor)",
        queryset=Actor.objects.order_by("name").only("pk", "name"),
        required=False,
        empty_label="(a new actor, named below)",
    )
    speaker_name = forms.CharField(label="or a new speaker's name", required=False, strip=True)
    mode = forms.ChoiceField(choices=[("direct", "direct quote"), ("reported", "reported speech")], required=False)
    event_title = forms.CharField(label="Event title", required=False, strip=True)
    event_id = forms.IntegerField(label="Join event (id)", required=False, min_value=1)
    date_text = forms.CharField(label="Date as written", required=False, strip=True)

    def __init__(self, *args, proposal: Proposal, **kwargs):
        initial = {
            "proposal": proposal.pk,
            "version": proposal.version,
            "words": proposal.text,
            "speaker_id": proposal.speaker_id,
            "speaker_name": proposal.speaker_name,
            "mode": proposal.mode,
            "event_title": proposal.event_title,
            "event_id": proposal.event_id,
            "date_text": proposal.date_text,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.proposal = proposal
        drop = (
            ("event_title", "event_id")
            if proposal.kind == ProposalKind.STATEMENT
            else ("speaker_id", "speaker_name", "mode")
        )
        for name in drop:
            del self.fields[name]

    def corrections(self) -> Corrections:
        data = self.cleaned_data
        speaker = data.get("speaker_id")
        return Corrections(
            words=data["words"],
            speaker_id=speaker.pk if speaker is not None and speaker.pk != self.proposal.speaker_id else None,
            speaker_name=data.get("speaker_name") if speaker is None and "speaker_name" in data else None,
            mode=data.get("mode") or None,
            event_title=data.get("event_title") if "event_title" in data else None,
            event_id=data.get("event_id") if data.get("event_id") != self.proposal.event_id else None,
            date_text=data.get("date_text"),
        )

    def add_service_errors(self, error: ValidationError) -> None:
        """The service's messages, each beside its field (or above the form when it names none)."""
        for name, messages in error.message_dict.items():
            self.add_error(name if name in self.fields else None, messages)
