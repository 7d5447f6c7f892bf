import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import ActorFactory, CitationFactory, EventFactory, SourceFactory, StatementFactory, resolved_dates
from timeline.models import DateStatus, Event, Source, text_checksum

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    source = SourceFactory(text="First paragraph.\nThe embassy said on Tuesday: “Leave now.”")
    actor = ActorFactory(name="US Embassy in Moscow", aliases=["the embassy"])
    event = EventFactory(title="Embassy alert", date_text="Tuesday")
    event.actors.add(actor)
    citation = CitationFactory(event=event, source=source, date_text="Tuesday")
    statement = StatementFactory(source=source, speaker=actor, event=event)
    return {"source": source, "actor": actor, "event": event, "citation": citation, "statement": statement}


def change_form_data(client, url: str, **changes) -> dict:
    """The admin change form's current values, as a browser would post them back, with `changes`."""
    form = client.get(url).context["adminform"].form
    # An empty multiple choice (an event in no story) is posted as nothing, not as "".
    data = {name: form.initial.get(name) or "" for name in form.fields if form.initial.get(name) != []}
    data.update(changes)
    return data


NO_INLINES = {"citations-TOTAL_FORMS": "0", "citations-INITIAL_FORMS": "0"}


@pytest.mark.parametrize("model", ["source", "actor", "event", "citation", "statement"])
def test_each_model_has_a_list_an_add_and_an_edit_page_for_staff(admin_client, records, model):
    obj = records[model]

    listing = admin_client.get(reverse(f"admin:timeline_{model}_changelist"))
    add = admin_client.get(reverse(f"admin:timeline_{model}_add"))
    edit = admin_client.get(reverse(f"admin:timeline_{model}_change", args=[obj.pk]))

    assert listing.status_code == 200
    assert add.status_code == 200
    assert edit.status_code == 200
    assert str(obj)[:20] in listing.content.decode()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("q=embassy", ["Embassy alert"]),
        ("date_status__exact=unresolved", ["Embassy alert"]),
        ("date_precision__exact=day", ["Flood warning"]),
        ("category=diplomacy", ["Embassy alert"]),
        ("", ["Embassy alert", "Flood warning"]),
    ],
)
def test_the_event_list_searches_and_filters(admin_client, records, query, found):
    EventFactory(title="Flood warning", category="weather", **resolved_dates(dt.date(2022, 9, 27)))

    response = admin_client.get(reverse("admin:timeline_event_changelist") + "?" + query)

    assert response.status_code == 200
    assert sorted(event.title for event in response.context["cl"].result_list) == found


def test_the_source_page_shows_the_text_readably(admin_client, records):
    response = admin_client.get(reverse("admin:timeline_source_change", args=[records["source"].pk]))

    assert "<p>The embassy said on Tuesday: “Leave now.”</p>" in response.content.decode()


def test_the_source_list_filters_by_publisher_and_date(admin_client, records):
    url = reverse("admin:timeline_source_changelist")
    response = admin_client.get(url + "?publisher=Example+News&published_date__year=2022")

    assert response.status_code == 200
    assert records["source"].headline in response.content.decode()


def test_actors_autocomplete_by_name(admin_client, records):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": "Moscow", "app_label": "timeline", "model_name": "event", "field_name": "actors"},
    )

    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["US Embassy in Moscow"]


def test_a_date_edited_in_the_admin_becomes_a_manual_correction(admin_client, records):
    event = records["event"]
    url = reverse("admin:timeline_event_change", args=[event.pk])
    data = change_form_data(
        admin_client,
        url,
        actors=[records["actor"].pk],
        date_value="2022-09-27",
        date_start="2022-09-27",
        date_end="2022-09-27",
        date_precision="day",
        date_status=event.date_status,
        **NO_INLINES,
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.date_status == DateStatus.MANUAL
    assert event.date_start == dt.date(2022, 9, 27)


def test_the_admin_refuses_an_interval_that_ends_before_it_starts(admin_client, records):
    event = records["event"]
    url = reverse("admin:timeline_event_change", args=[event.pk])
    data = change_form_data(
        admin_client,
        url,
        actors=[records["actor"].pk],
        date_value="2022-09",
        date_start="2022-09-30",
        date_end="2022-09-01",
        date_status=DateStatus.MANUAL,
        **NO_INLINES,
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert Event.objects.get(pk=event.pk).date_value == ""


def test_a_staff_editor_with_model_permissions_but_not_superuser_can_work(client, records, django_user_model):

    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    editor.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["timeline", "intake"]))
    client.force_login(editor)

    for model in ("source", "actor", "event", "citation", "statement"):
        assert client.get(reverse(f"admin:timeline_{model}_changelist")).status_code == 200
        assert client.get(reverse(f"admin:timeline_{model}_change", args=[records[model].pk])).status_code == 200


def test_staff_without_permissions_cannot_see_the_timeline(client, records, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)

    assert client.get(reverse("admin:timeline_event_changelist")).status_code == 403


def test_a_source_added_in_the_admin_gets_its_checksum(admin_client):
    response = admin_client.post(
        reverse("admin:timeline_source_add"),
        {
            "slug": "new",
            "headline": "New",
            "publisher": "Example",
            "url": "",
            "authors": "[]",
            "language": "en",
            "text": "Fresh words.",
            "published_date": "2022-09-28",
            "timezone": "UTC",
            "statements-TOTAL_FORMS": "0",
            "statements-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Source.objects.get(slug="new").checksum == text_checksum("Fresh words.")


def test_a_cited_sources_text_is_read_only_in_the_admin(admin_client, records):
    page = admin_client.get(reverse("admin:timeline_source_change", args=[records["source"].pk]))

    assert "text" not in page.context["adminform"].form.fields


def test_citation_offsets_that_miss_the_sentence_are_refused(admin_client, records):
    citation = records["citation"]
    url = reverse("admin:timeline_citation_change", args=[citation.pk])
    data = change_form_data(
        admin_client, url, event=citation.event_id, source=citation.source_id, char_start=3, date_status="unresolved"
    )

    response = admin_client.post(url, data)

    assert response.status_code == 200
    assert "char_start" in response.context["adminform"].form.errors
