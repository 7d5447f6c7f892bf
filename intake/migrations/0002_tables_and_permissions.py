"""Proposals and import jobs in the intake app's own tables, with their permissions.

The tables, their indexes and their constraints take the intake app's names; the content types move
from the timeline app to this one, so every permission granted on them (and every admin log entry)
is kept; queued import tasks point at intake.tasks. Reversible: backwards, all of it goes back.
"""

from django.conf import settings
from django.db import migrations, models

OLD_TASK = "timeline.tasks.run_import_job"
NEW_TASK = "intake.tasks.run_import_job"
MODELS = ("proposal", "importjob")


def _move(apps, schema_editor, old_label, new_label):
    """Give the models' content types to new_label. Where both exist (a post_migrate in between made
    the new one), the old one's grants and log entries go to the new one's, then the old one goes."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    LogEntry = apps.get_model("admin", "LogEntry")
    db = schema_editor.connection.alias
    for model in MODELS:
        old = ContentType.objects.using(db).filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.using(db).filter(app_label=new_label, model=model).first()
        if new is None:
            old.app_label = new_label
            old.save(update_fields=["app_label"])
            continue
        for perm in Permission.objects.using(db).filter(content_type=old):
            twin = Permission.objects.using(db).filter(content_type=new, codename=perm.codename).first()
            if twin is None:
                perm.content_type = new
                perm.save(update_fields=["content_type"])
                continue
            twin.group_set.add(*perm.group_set.all())
            twin.user_set.add(*perm.user_set.all())
            perm.delete()
        LogEntry.objects.using(db).filter(content_type=old).update(content_type=new)
        old.delete()


def move_content_types(apps, schema_editor):
    _move(apps, schema_editor, "timeline", "intake")


def move_content_types_back(apps, schema_editor):
    _move(apps, schema_editor, "intake", "timeline")


def _retarget_tasks(apps, schema_editor, old_path, new_path):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.using(schema_editor.connection.alias).filter(task_path=old_path).update(task_path=new_path)


def point_queued_tasks_here(apps, schema_editor):
    _retarget_tasks(apps, schema_editor, OLD_TASK, NEW_TASK)


def point_queued_tasks_back(apps, schema_editor):
    _retarget_tasks(apps, schema_editor, NEW_TASK, OLD_TASK)


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_initial"),
        ("timeline", "0006_proposals_move_to_intake"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.RunPython(point_queued_tasks_here, point_queued_tasks_back),
        migrations.AlterModelTable(
            name="importjob",
            table=None,
        ),
        migrations.AlterModelTable(
            name="proposal",
            table=None,
        ),
        migrations.RemoveConstraint(
            model_name="importjob",
            name="timeline_importjob_status_valid",
        ),
        migrations.RemoveConstraint(
            model_name="importjob",
            name="timeline_importjob_progress_percent",
        ),
        migrations.RemoveConstraint(
            model_name="proposal",
            name="timeline_proposal_date_end_after_start",
        ),
        migrations.RemoveConstraint(
            model_name="proposal",
            name="timeline_proposal_date_interval_complete",
        ),
        migrations.RemoveConstraint(
            model_name="proposal",
            name="timeline_proposal_date_value_when_dated",
        ),
        migrations.RemoveConstraint(
            model_name="proposal",
            name="timeline_proposal_date_status_valid",
        ),
        migrations.RemoveConstraint(
            model_name="proposal",
            name="timeline_proposal_date_precision_valid",
        ),
        migrations.RemoveConstraint(
            model_name="proposal",
            name="timeline_proposal_fingerprint",
        ),
        migrations.RemoveConstraint(
            model_name="proposal",
            name="timeline_proposal_offsets_ordered",
        ),
        migrations.RemoveConstraint(
            model_name="proposal",
            name="timeline_proposal_kind_valid",
        ),
        migrations.RemoveConstraint(
            model_name="proposal",
            name="timeline_proposal_state_valid",
        ),
        migrations.RenameIndex(
            model_name="proposal",
            new_name="intake_proposal_date_range",
            old_name="timeline_proposal_date_range",
        ),
        migrations.RenameIndex(
            model_name="proposal",
            new_name="intake_proposal_chrono",
            old_name="timeline_proposal_chrono",
        ),
        migrations.RenameIndex(
            model_name="proposal",
            new_name="intake_proposal_date_status",
            old_name="timeline_proposal_date_status",
        ),
        migrations.RenameIndex(
            model_name="proposal",
            new_name="intake_proposal_span",
            old_name="timeline_proposal_span",
        ),
        migrations.RenameIndex(
            model_name="proposal",
            new_name="intake_proposal_queue",
            old_name="timeline_proposal_queue",
        ),
        migrations.AddConstraint(
            model_name="importjob",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["queued", "running", "succeeded", "failed"])),
                name="intake_importjob_status_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="importjob",
            constraint=models.CheckConstraint(
                condition=models.Q(("progress__lte", 100)), name="intake_importjob_progress_percent"
            ),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date_start__isnull", True), ("date_end__gte", models.F("date_start")), _connector="OR"
                ),
                name="intake_proposal_date_end_after_start",
            ),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("date_end__isnull", True), ("date_start__isnull", True)),
                    models.Q(("date_end__isnull", False), ("date_start__isnull", False)),
                    _connector="OR",
                ),
                name="intake_proposal_date_interval_complete",
            ),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("date_status__in", ["resolved", "inferred", "ambiguous", "manual"]), _negated=True),
                    models.Q(("date_value", ""), _negated=True),
                    _connector="OR",
                ),
                name="intake_proposal_date_value_when_dated",
            ),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date_status__in", ["unresolved", "resolved", "inferred", "ambiguous", "unresolvable", "manual"])
                ),
                name="intake_proposal_date_status_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("date_precision", ""),
                    (
                        "date_precision__in",
                        ["time", "day", "week", "weekend", "month", "quarter", "season", "year", "decade", "century"],
                    ),
                    _connector="OR",
                ),
                name="intake_proposal_date_precision_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.UniqueConstraint(
                fields=("source", "kind", "char_start", "char_end"), name="intake_proposal_fingerprint"
            ),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.CheckConstraint(
                condition=models.Q(("char_end__gt", models.F("char_start"))), name="intake_proposal_offsets_ordered"
            ),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["statement", "citation"])), name="intake_proposal_kind_valid"
            ),
        ),
        migrations.AddConstraint(
            model_name="proposal",
            constraint=models.CheckConstraint(
                condition=models.Q(("state__in", ["pending", "accepted", "rejected"])),
                name="intake_proposal_state_valid",
            ),
        ),
    ]
