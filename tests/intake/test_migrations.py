"""Proposals and import jobs move from the timeline app to the intake app without loss, and back.

A database as the timeline app left it (proposals, jobs, history rows, permissions granted on the
proposal and job models, an admin log entry) migrates to the intake app's tables with every row and
grant kept, and migrates back the same way. Each test migrates the real test database, so it runs
outside a test transaction and leaves the schema at the latest migration whatever happens.
"""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

# The timeline app's last migration that still held proposals and jobs.
BEFORE_INTAKE = [("intake", None), ("timeline", "0005_date_span")]


def migrate(targets):
    """Migrate the test database to `targets`; return the historical models there, every other app's
    at its latest (a target of (app, None) only says what to unapply)."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    named = [target for target in targets if target[1] is not None]
    apps_named = {app for app, _ in targets}
    others = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in apps_named]
    return executor.loader.project_state([*others, *named]).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def before_intake():
    apps = migrate(BEFORE_INTAKE)
    try:
        yield apps
    finally:
        migrate(latest())


def build_old_rows(apps) -> None:
    """A source with an event, a citation and a statement (each with its history row), two proposals
    grouped together, a finished import job, grants on both models and an admin log entry."""
    Source = apps.get_model("timeline", "Source")
    Event = apps.get_model("timeline", "Event")
    HistoricalEvent = apps.get_model("timeline", "HistoricalEvent")
    Proposal = apps.get_model("timeline", "Proposal")
    ImportJob = apps.get_model("timeline", "ImportJob")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    LogEntry = apps.get_model("admin", "LogEntry")

    day = dt.date(2022, 9, 28)
    source = Source.objects.create(
        slug="alert",
        headline="Alert",
        publisher="Embassy",
        text="Leave Russia now, the embassy said on Tuesday.",
        checksum="x",
        published_date=day,
    )
    event = Event.objects.create(slug="alert", title="Alert")
    HistoricalEvent.objects.create(
        id=event.pk,
        slug="alert",
        title="Alert",
        history_date=dt.datetime(2022, 9, 28, tzinfo=dt.UTC),
        history_type="+",
    )
    editor = User.objects.create(username="editor")
    first = Proposal.objects.create(
        source=source,
        kind="statement",
        char_start=0,
        char_end=16,
        text="Leave Russia now",
        mode="direct",
        speaker_name="the embassy",
        date_text="Tuesday",
        date_value="2022-09-27",
        date_start=dt.date(2022, 9, 27),
        date_end=dt.date(2022, 9, 27),
        date_precision="day",
        date_status="resolved",
        confidence=0.9,
        actors=[{"name": "embassy"}],
        match_reasons=["same day"],
        reviewed_by=editor,
    )
    Proposal.objects.create(
        source=source,
        kind="citation",
        char_start=0,
        char_end=46,
        text=source.text,
        event_title="Alert",
        event=event,
        same_event_as=first,
        state="rejected",
    )
    ImportJob.objects.create(
        status="succeeded",
        filename="alert.txt",
        content=b"Leave Russia now.",
        options={"publisher": "Embassy"},
        progress=100,
        source=source,
        proposals_created=2,
        created_by=editor,
    )
    proposal_type = ContentType.objects.get(app_label="timeline", model="proposal")
    job_type = ContentType.objects.get(app_label="timeline", model="importjob")
    reviewers = Group.objects.create(name="reviewers")
    reviewers.permissions.add(Permission.objects.get(content_type=proposal_type, codename="change_proposal"))
    editor.user_permissions.add(Permission.objects.get(content_type=job_type, codename="add_importjob"))
    LogEntry.objects.create(
        action_time=dt.datetime(2022, 9, 28, tzinfo=dt.UTC),
        user=editor,
        content_type=proposal_type,
        object_id=str(first.pk),
        object_repr="first",
        action_flag=2,
        change_message="accepted",
    )


PROPOSAL_FIELDS = (
    "id",
    "source_id",
    "kind",
    "state",
    "char_start",
    "char_end",
    "text",
    "mode",
    "speaker_name",
    "date_value",
    "date_start",
    "date_span_days",
    "confidence",
    "actors",
    "match_reasons",
    "event_id",
    "same_event_as_id",
    "reviewed_by_id",
)
JOB_FIELDS = ("id", "status", "filename", "content", "options", "progress", "source_id", "proposals_created")


def snapshot(apps, label: str) -> dict:
    """Every row and grant the move must keep, read through the models of `label` (timeline or intake)."""
    Proposal = apps.get_model(label, "Proposal")
    ImportJob = apps.get_model(label, "ImportJob")
    Permission = apps.get_model("auth", "Permission")
    LogEntry = apps.get_model("admin", "LogEntry")
    return {
        "proposals": [
            {**row, "date_start": str(row["date_start"])}
            for row in Proposal.objects.order_by("id").values(*PROPOSAL_FIELDS)
        ],
        "jobs": [{**row, "content": bytes(row["content"])} for row in ImportJob.objects.values(*JOB_FIELDS)],
        "history": apps.get_model("timeline", "HistoricalEvent").objects.count(),
        "events": apps.get_model("timeline", "Event").objects.count(),
        "group grants": sorted(
            Permission.objects.filter(group__name="reviewers").values_list("content_type__app_label", "codename")
        ),
        "user grants": sorted(
            Permission.objects.filter(user__username="editor").values_list("content_type__app_label", "codename")
        ),
        "log entries": list(LogEntry.objects.values_list("content_type__app_label", "content_type__model")),
    }


def without_labels(snap: dict) -> dict:
    """The snapshot with app labels dropped, to compare the same grants before and after the move."""
    out = dict(snap)
    for key in ("group grants", "user grants", "log entries"):
        out[key] = sorted(tuple(row[1:]) for row in snap[key])
    return out


def tables() -> set[str]:
    return set(connection.introspection.table_names())


def test_proposals_jobs_and_grants_move_to_the_intake_app_and_back_without_loss(before_intake):
    build_old_rows(before_intake)
    before = snapshot(before_intake, "timeline")
    assert len(before["proposals"]) == 2 and len(before["jobs"]) == 1 and before["history"] == 1

    apps = migrate(latest())
    after = snapshot(apps, "intake")
    assert without_labels(after) == without_labels(before)
    assert after["group grants"] == [("intake", "change_proposal")]
    assert after["user grants"] == [("intake", "add_importjob")]
    assert after["log entries"] == [("intake", "proposal")]
    assert {"intake_proposal", "intake_importjob"} <= tables()
    assert not {"timeline_proposal", "timeline_importjob"} & tables()
    ContentType = apps.get_model("contenttypes", "ContentType")
    assert not ContentType.objects.filter(app_label="timeline", model__in=["proposal", "importjob"]).exists()

    apps = migrate(BEFORE_INTAKE)
    assert snapshot(apps, "timeline") == before
    assert {"timeline_proposal", "timeline_importjob"} <= tables()
    assert not {"intake_proposal", "intake_importjob"} & tables()


def test_the_moved_tables_keep_their_constraints_under_their_new_names(before_intake):
    build_old_rows(before_intake)
    apps = migrate(latest())
    Proposal = apps.get_model("intake", "Proposal")
    first = Proposal.objects.get(kind="statement")
    with (
        pytest.raises(IntegrityError, match=r"intake_proposal_fingerprint|UNIQUE constraint failed"),
        transaction.atomic(),
    ):
        Proposal.objects.create(source_id=first.source_id, kind="statement", char_start=0, char_end=16, text="again")
    with pytest.raises(IntegrityError, match="intake_proposal_offsets_ordered"), transaction.atomic():
        Proposal.objects.create(source_id=first.source_id, kind="statement", char_start=9, char_end=3, text="back")
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "intake_proposal")
    assert {"intake_proposal_queue", "intake_proposal_chrono", "intake_proposal_fingerprint"} <= set(constraints)


def test_grants_on_both_labels_are_merged_when_the_intake_content_types_already_exist(before_intake):
    """A post_migrate run between the two intake migrations makes intake's content types early: the
    timeline ones' grants join them, and nothing is granted twice or lost."""
    build_old_rows(before_intake)
    apps = migrate([("intake", "0001_initial"), ("timeline", "0006_proposals_move_to_intake")])
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    early = ContentType.objects.create(app_label="intake", model="proposal")
    Permission.objects.create(content_type=early, codename="change_proposal", name="Can change proposal")
    Permission.objects.create(content_type=early, codename="view_proposal", name="Can view proposal")

    apps = migrate(latest())
    after = snapshot(apps, "intake")
    assert after["group grants"] == [("intake", "change_proposal")]
    assert after["log entries"] == [("intake", "proposal")]
    ContentType = apps.get_model("contenttypes", "ContentType")
    assert ContentType.objects.filter(model="proposal").count() == 1
    Permission = apps.get_model("auth", "Permission")
    assert Permission.objects.filter(content_type__model="proposal", codename="change_proposal").count() == 1


@pytest.fixture
def before_links():
    apps = migrate([("intake", "0004_review_desk")])
    try:
        yield apps
    finally:
        migrate(latest())


def test_existing_proposals_are_linked_to_the_known_actors_they_name_and_the_links_go_back(before_links):
    Source = before_links.get_model("timeline", "Source")
    Actor = before_links.get_model("timeline", "Actor")
    Proposal = before_links.get_model("intake", "Proposal")
    embassy = Actor.objects.create(name="U.S. Embassy", kind="government_body")
    kremlin = Actor.objects.create(name="Kremlin", kind="government_body")
    source = Source.objects.create(
        slug="alert", headline="Alert", publisher="Embassy", text="Leave now, the embassy said.", checksum="y",
        published_date=dt.date(2022, 9, 28),
    )  # fmt: skip
    said = Proposal.objects.create(
        source=source, kind="statement", char_start=0, char_end=9, text="Leave now", speaker=embassy,
        actors=[{"name": "U.S. Embassy", "actor_id": embassy.pk}],
    )  # fmt: skip
    cited = Proposal.objects.create(
        source=source, kind="citation", char_start=0, char_end=28, text=source.text,
        actors=[{"name": "Kremlin", "actor_id": kremlin.pk}, {"name": "gone", "actor_id": 999_999}, {"name": "x"}],
    )  # fmt: skip

    apps = migrate(latest())
    Linked = apps.get_model("intake", "Proposal").linked_actors.through
    links = set(Linked.objects.values_list("proposal_id", "actor_id"))
    assert links == {(said.pk, embassy.pk), (cited.pk, kremlin.pk)}

    migrate([("intake", "0004_review_desk")])
    assert Proposal.objects.count() == 2
