"""The review desk: proposals read from imported articles, shown in their article, accepted or rejected;
the import jobs that made them; and the feeds editors follow, with their items."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html

from intake.models import Feed, FeedItem, ImportJob, Proposal, ProposalState
from intake.services import feeds, proposals
from timeline.admin import date_layout
from timeline.models import DatedModel

EDITABLE = proposals.EDITABLE
# A proposal's date as the reader read it; when it was anchored and by which rule stay out of view.
PROPOSAL_DATE_FIELDS = tuple(name for name in DatedModel.DATE_PUBLIC_FIELDS if name != "date_anchor")


class ProposalForm(forms.ModelForm):
    """Checks edited offsets against the source text; the words are then taken from there."""

    class Meta:
        model = Proposal
        fields = EDITABLE

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("char_start"), cleaned.get("char_end")
        text = self.instance.source.text
        if start is not None and end is not None and not (0 <= start < end <= len(text)):
            raise forms.ValidationError({"char_start": f"Offsets must satisfy 0 <= start < end <= {len(text)}."})
        return cleaned


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    form = ProposalForm
    list_display = ("short_text", "kind", "state", "source", "speaker_or_event", "date_text", "confidence", "rule")
    list_filter = ("state", "kind", "rule", "source__publisher")
    search_fields = ("text", "speaker_name", "event_title", "source__headline")
    raw_id_fields = ("speaker", "event")
    list_select_related = ("source", "speaker", "event")
    actions = ("accept_selected", "reject_selected")
    readonly_fields = (
        "passage_in_article",
        "kind",
        "state",
        "source",
        "text",
        "rule",
        "confidence",
        "speaker_kind",
        "same_event_as",
        "also_event",
        "also_same_event_as",
        "antecedents",
        "event_words",
        "match_score",
        "match_reasons",
        "actors",
        *(name for name in PROPOSAL_DATE_FIELDS if name not in EDITABLE),
        "reviewed_by",
        "reviewed_at",
        "statement",
        "citation",
    )
    fieldsets = (
        (None, {"fields": ("passage_in_article", ("kind", "state"), "source", "text", ("rule", "confidence"))}),
        ("Where", {"fields": (("char_start", "char_end"),)}),
        ("Statement", {"fields": ("mode", "speaker_name", "speaker", "speaker_kind")}),
        (
            "Event citation",
            {
                "fields": (
                    "event",
                    "event_title",
                    "same_event_as",
                    ("match_score", "match_reasons"),
                    "actors",
                    ("also_event", "also_same_event_as"),
                    ("antecedents", "event_words"),
                )
            },
        ),
        ("Date", {"fields": date_layout(PROPOSAL_DATE_FIELDS)}),
        ("Review", {"fields": (("reviewed_by", "reviewed_at"), ("statement", "citation"))}),
    )

    def get_queryset(self, request):
        # The list shows each source's name, not its text.
        return super().get_queryset(request).select_related("source", "speaker", "event").defer("source__text")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.state != ProposalState.PENDING:
            return (*self.readonly_fields, *EDITABLE)  # reviewed: final
        return self.readonly_fields

    def has_add_permission(self, request) -> bool:
        return False  # proposals come from reading articles

    def save_model(self, request, obj, form, change):
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name in EDITABLE}
        obj.refresh_from_db()
        proposals.proposal_update(proposal=obj, **changes)

    @admin.display(description="words")
    def short_text(self, obj) -> str:
        return obj.text if len(obj.text) <= 80 else obj.text[:77] + "..."

    @admin.display(description="speaker / event")
    def speaker_or_event(self, obj) -> str:
        if obj.kind == "statement":
            return str(obj.speaker or obj.speaker_name or "—")
        if obj.event_id:
            return f"event: {obj.event}"
        if obj.same_event_as_id:
            return f"with proposal {obj.same_event_as_id}"
        return f"new: {obj.event_title}"

    @admin.display(description="in its article")
    def passage_in_article(self, obj) -> str:
        # format_html escapes every piece: article text is untrusted input.
        text = obj.source.text
        return format_html(
            '<div style="max-width:48em;line-height:1.5;white-space:pre-wrap">{}<mark>{}</mark>{}</div>',
            text[: obj.char_start],
            text[obj.char_start : obj.char_end],
            text[obj.char_end :],
        )

    def _review(self, request, queryset, verb: str) -> None:
        try:
            if verb == "accepted":
                count = len(proposals.proposals_accept(proposals=list(queryset), user=request.user))
            else:
                count = proposals.proposals_reject(proposals=list(queryset), user=request.user)
        except ValidationError as exc:
            self.message_user(request, f"Nothing {verb}: {' '.join(exc.messages)}", messages.ERROR)
            return
        self.message_user(request, f"{count} proposals {verb}.", messages.SUCCESS)

    @admin.action(description="Accept the selected proposals", permissions=["change"])
    def accept_selected(self, request, queryset):
        self._review(request, queryset, "accepted")

    @admin.action(description="Reject the selected proposals", permissions=["change"])
    def reject_selected(self, request, queryset):
        self._review(request, queryset, "rejected")


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("id", "status", "url", "filename", "feed", "progress", "message", "source", "created_at")
    list_filter = ("status",)
    list_select_related = ("source", "feed")
    readonly_fields = [f.name for f in ImportJob._meta.fields]
    exclude = ("content",)

    def has_add_permission(self, request) -> bool:
        return False


class FeedItemInline(admin.TabularInline):
    model = FeedItem
    fields = ("created_at", "state", "url", "title", "source", "error")
    readonly_fields = fields
    ordering = ("-created_at", "-id")
    extra = 0
    max_num = 0  # items come from polls
    show_change_link = False
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source").defer("source__text")


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ("__str__", "url", "enabled", "interval_minutes", "last_polled_at", "last_error")
    list_filter = ("enabled",)
    search_fields = ("title", "url")
    readonly_fields = ("last_polled_at", "last_error", "created_at")
    inlines = (FeedItemInline,)
    actions = ("poll_selected",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # as the sources' admin

    @admin.action(description="Poll the selected feeds now", permissions=["change"])
    def poll_selected(self, request, queryset):
        jobs = [feeds.feed_poll_enqueue(feed=feed, user=request.user) for feed in queryset]
        self.message_user(request, f"{len(jobs)} polls queued (import jobs {', '.join(str(j.pk) for j in jobs)}).")
