"""The editors' desk: every model, with its dates grouped and explained.

An editor who changes a date makes it a manual correction (see services.dating), which later
automatic runs of resolve_dates never overwrite. Every model keeps its history (SimpleHistoryAdmin):
who changed what, from which value, with revert.
"""

from collections.abc import Sequence

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from timeline.models import Actor, Citation, DatedModel, Event, Source, Statement, Story, text_checksum
from timeline.services import stories
from timeline.services.actors import actor_duplicates, actors_merge
from timeline.services.dating import date_apply_editor_change, date_resolve_after_edit
from timeline.services.provenance import passage_locate

# Which date fields share a line in the forms; every other one has a line of its own.
DATE_LINES = (("date_value", "date_type"), ("date_start", "date_end", "date_precision"), ("date_status", "date_anchor"))


def date_layout(fields: Sequence[str] = DatedModel.DATE_FIELDS) -> tuple:
    """`fields` in the order DatedModel gives them, those of one DATE_LINES entry on one line."""
    layout: list = []
    placed: set[str] = set()
    for name in fields:
        if name in placed:
            continue
        line = next((line for line in DATE_LINES if name in line), (name,))
        members = tuple(member for member in line if member in fields)
        placed.update(members)
        layout.append(members if len(members) > 1 else name)
    return tuple(layout)


DATE_FIELDSET = ("Date", {"fields": date_layout(), "description": "An edited date becomes a manual correction."})
DATE_READONLY = ("date_type", "date_anchor", "date_rule", "date_explanation")
DATE_FILTERS = ("date_status", "date_precision")


@admin.display(description="date", ordering="date_start")
def date_summary(obj) -> str:
    if not obj.date_value:
        return obj.date_text or "—"
    written = f" ({obj.date_text})" if obj.date_text else ""
    return f"{obj.date_value}{written}"


class DatedAdminMixin:
    """Marks a date edited in the admin, or in an inline, as an editor's manual correction."""

    def save_model(self, request, obj, form, change):
        date_apply_editor_change(obj=obj, changed=form.changed_data)
        super().save_model(request, obj, form, change)
        date_resolve_after_edit(row=obj)

    def save_formset(self, request, form, formset, change):
        edited = []
        for inline_form in formset.forms:
            if inline_form.has_changed() and hasattr(inline_form.instance, "date_status"):
                date_apply_editor_change(obj=inline_form.instance, changed=inline_form.changed_data)
                edited.append(inline_form.instance)
        super().save_formset(request, form, formset, change)
        for row in edited:
            if row.pk is not None:  # not deleted
                date_resolve_after_edit(row=row)


class PassageForm(forms.ModelForm):
    """Checks that the offsets an editor typed point at the quoted words in the source text (the same
    check as the API's, services.provenance), or finds the offsets of words given alone."""

    words_field = "sentence"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The words alone, or the offsets alone, are enough: passage_locate finds the rest.
        for name in (self.words_field, "char_start", "char_end"):
            if name in self.fields:
                self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source")
        if source is None or self.errors:
            return cleaned
        passage = passage_locate(
            text=source.text,
            words=cleaned.get(self.words_field),
            char_start=cleaned.get("char_start"),
            char_end=cleaned.get("char_end"),
            words_field=self.words_field,
        )
        cleaned.update(
            {self.words_field: passage.words, "char_start": passage.char_start, "char_end": passage.char_end}
        )
        return cleaned


class CitationForm(PassageForm):
    words_field = "sentence"


class StatementForm(PassageForm):
    words_field = "text"


class CitationInline(admin.StackedInline):
    model = Citation
    form = CitationForm
    extra = 0
    autocomplete_fields = ("source",)
    fields = ("source", "sentence", ("char_start", "char_end"), *date_layout())
    readonly_fields = DATE_READONLY
    show_change_link = True


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ("speaker", "mode", "text", "event", "date_text", "date_value", "date_status")
    autocomplete_fields = ("speaker", "event")
    show_change_link = True


# --- Stories ----------------------------------------------------------------------------------


class StoryActionForm(ActionForm):
    """The story the bulk actions on the source and event lists put records in, or take them out of."""

    story = forms.ModelChoiceField(queryset=Story.objects.order_by("title"), required=False, label="Story")


class StoryMembershipActions:
    """Bulk actions: add the selected records to a story, take them out of it, or move them into it
    (out of every other story). Through the services, so that events follow their sources."""

    action_form = StoryActionForm
    actions = ("add_to_story", "remove_from_story", "move_to_story")
    membership_argument = ""  # "sources" or "events"

    def _change(self, request, queryset, change, done: str) -> None:
        form = StoryActionForm(request.POST)
        form.is_valid()  # the admin fills in and checks the action's choices; only the story matters here
        story = form.cleaned_data.get("story")
        if story is None:
            self.message_user(request, "Choose a story next to the action first.", messages.WARNING)
            return
        ids = list(queryset.values_list("pk", flat=True))
        result = change(story=story, **{self.membership_argument: ids})
        self.message_user(
            request,
            f"{story}: {len(result.sources)} sources and {len(result.events)} events {done}.",
            messages.SUCCESS,
        )

    @admin.action(description="Add the selected to the chosen story", permissions=["change"])
    def add_to_story(self, request, queryset):
        self._change(request, queryset, stories.story_add, "joined")

    @admin.action(description="Remove the selected from the chosen story", permissions=["change"])
    def remove_from_story(self, request, queryset):
        self._change(request, queryset, stories.story_remove, "left")

    @admin.action(description="Move the selected to the chosen story (out of all others)", permissions=["change"])
    def move_to_story(self, request, queryset):
        self._change(request, queryset, stories.story_move, "joined")


def _member_links(story: Story, model, limit: int = 50) -> str:
    members = getattr(story, f"{model._meta.model_name}s").order_by(*model._meta.ordering)[:limit]
    changelist = reverse(f"admin:timeline_{model._meta.model_name}_changelist") + f"?stories__id__exact={story.pk}"
    items = format_html_join(
        "",
        '<li><a href="{}">{}</a></li>',
        ((reverse(f"admin:timeline_{model._meta.model_name}_change", args=[m.pk]), str(m)) for m in members),
    )
    return format_html(
        '<ul style="margin-left:0">{}</ul><p><a href="{}">All of them, with the actions to add, remove or move</a></p>',
        items,
        changelist,
    )


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "n_sources", "n_events", "updated_at")
    search_fields = ("title", "slug", "description")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("source_list", "event_list", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "description", "notes")}),
        (
            "Members",
            {
                "fields": ("source_list", "event_list"),
                "description": "Add, remove or move sources and events with the actions on their lists.",
            },
        ),
        ("History", {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(source_count=Count("sources", distinct=True), event_count=Count("events", distinct=True))
        )

    @admin.display(description="sources", ordering="source_count")
    def n_sources(self, obj) -> int:
        return obj.source_count

    @admin.display(description="events", ordering="event_count")
    def n_events(self, obj) -> int:
        return obj.event_count

    @admin.display(description="sources")
    def source_list(self, obj) -> str:
        return _member_links(obj, Source) if obj.pk else "—"

    @admin.display(description="events")
    def event_list(self, obj) -> str:
        return _member_links(obj, Event) if obj.pk else "—"


@admin.register(Source)
class SourceAdmin(StoryMembershipActions, SimpleHistoryAdmin):
    list_display = ("headline", "publisher", "published_date", "published_time", "timezone", "n_citations")
    list_filter = ("stories", "publisher", "language")
    search_fields = ("headline", "publisher", "slug", "url", "text")
    autocomplete_fields = ("stories",)
    membership_argument = "sources"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    ordering = ("-published_date", "slug")  # explicit: the count annotation drops the default ordering
    date_hierarchy = "published_date"
    readonly_fields = ("checksum", "readable_text", "created_at", "updated_at")
    inlines = (StatementInline,)
    fieldsets = (
        (None, {"fields": ("slug", "headline", "publisher", "url", "authors", "language", "stories")}),
        ("Publication context", {"fields": ("published_date", "published_time", "timezone")}),
        ("Text", {"fields": ("readable_text", "text", "checksum")}),
        ("Provenance", {"fields": ("origin", "notes", "created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_count=Count("citations"))

    def get_readonly_fields(self, request, obj=None):
        # Citations and statements point into the text by offset; editing it would misplace them.
        if obj is not None and (obj.citations.exists() or obj.statements.exists()):
            return (*self.readonly_fields, "text")
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        obj.checksum = text_checksum(obj.text)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Stories are set through the service, so the events this source cites follow it in and out.
        chosen = form.cleaned_data.pop("stories", None)
        super().save_related(request, form, formsets, change)
        if chosen is not None:
            stories.source_stories_set(source=form.instance, stories=chosen)

    @admin.display(description="citations", ordering="citation_count")
    def n_citations(self, obj) -> int:
        return obj.citation_count

    @admin.display(description="as published")
    def readable_text(self, obj) -> str:
        paragraphs = [p for p in obj.text.split("\n") if p.strip()]
        return format_html(
            '<div style="max-width:48em;line-height:1.5">{}</div>',
            format_html_join("", "<p>{}</p>", ((p,) for p in paragraphs)),
        )


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "alias_list", "n_statements")
    list_filter = ("kind",)
    search_fields = ("name", "aliases", "description")
    ordering = ("name",)
    change_list_template = "admin/timeline/actor/change_list.html"

    def get_urls(self):
        duplicates = path(
            "duplicates/", self.admin_site.admin_view(self.duplicates_view), name="timeline_actor_duplicates"
        )
        return [duplicates, *super().get_urls()]

    def duplicates_view(self, request: HttpRequest) -> HttpResponse:
        """Likely duplicates, each pair with a button that merges one into the other: never merged
        without an editor's word. A merge needs the change and delete permissions on actors."""
        may_merge = self.has_change_permission(request) and self.has_delete_permission(request)
        if request.method == "POST":
            if not may_merge:
                raise PermissionDenied
            keep, merged = (self._posted_actor(request, key) for key in ("keep", "merge"))
            name = merged.name
            try:
                actors_merge(keep=keep, duplicates=[merged], user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), level=messages.ERROR)
            else:
                self.message_user(request, f"“{name}” merged into “{keep.name}”, which now has it as an alias.")
            return redirect("admin:timeline_actor_duplicates")
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Likely duplicate actors",
            "pairs": actor_duplicates(),
            "may_merge": may_merge,
        }
        return TemplateResponse(request, "admin/timeline/actor/duplicates.html", context)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @staticmethod
    def _posted_actor(request: HttpRequest, key: str) -> Actor:
        raw = request.POST.get(key, "")
        if not raw.isdigit() or len(raw) > 18:
            raise Http404(f"No actor {key}.")
        return get_object_or_404(Actor, pk=int(raw))

    @admin.display(description="aliases")
    def alias_list(self, obj) -> str:
        return ", ".join(obj.aliases or [])

    @admin.display(description="statements", ordering="statement_count")
    def n_statements(self, obj) -> int:
        return obj.statement_count


@admin.register(Event)
class EventAdmin(StoryMembershipActions, DatedAdminMixin, SimpleHistoryAdmin):
    list_display = ("title", date_summary, "date_precision", "date_status", "category", "n_citations")
    list_filter = ("stories", *DATE_FILTERS, "category", "citations__source__publisher")
    search_fields = ("title", "description", "location", "slug")
    ordering = ("date_start", "date_precision_rank", "id")
    date_hierarchy = "date_start"
    autocomplete_fields = ("actors", "stories")
    membership_argument = "events"
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = DATE_READONLY
    inlines = (CitationInline,)
    fieldsets = (
        (None, {"fields": ("title", "slug", "description", "location", "category", "actors", "stories")}),
        DATE_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_count=Count("citations"))

    @admin.display(description="citations", ordering="citation_count")
    def n_citations(self, obj) -> int:
        return obj.citation_count


@admin.register(Statement)
class StatementAdmin(DatedAdminMixin, SimpleHistoryAdmin):
    form = StatementForm
    list_display = ("short_text", "speaker", "mode", "source", date_summary, "date_status")
    list_filter = (*DATE_FILTERS, "mode", "source__publisher")
    list_select_related = ("speaker", "source")
    search_fields = ("text", "speaker__name", "source__headline")
    date_hierarchy = "date_start"
    autocomplete_fields = ("speaker", "source", "event")
    readonly_fields = DATE_READONLY
    fieldsets = (
        (None, {"fields": ("text", "mode", "speaker", "source", ("char_start", "char_end"), "event")}),
        DATE_FIELDSET,
    )

    @admin.display(description="words")
    def short_text(self, obj) -> str:
        return obj.text if len(obj.text) <= 80 else obj.text[:77] + "..."


@admin.register(Citation)
class CitationAdmin(DatedAdminMixin, SimpleHistoryAdmin):
    form = CitationForm
    list_display = ("event", "source", "date_text", date_summary, "date_status")
    list_filter = (*DATE_FILTERS, "source__publisher")
    list_select_related = ("event", "source")
    search_fields = ("sentence", "event__title", "source__headline")
    date_hierarchy = "date_start"
    autocomplete_fields = ("event", "source")
    readonly_fields = DATE_READONLY
    fieldsets = (
        (None, {"fields": ("event", "source", "sentence", ("char_start", "char_end"))}),
        DATE_FIELDSET,
    )
