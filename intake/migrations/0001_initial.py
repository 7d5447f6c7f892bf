"""Proposals and import jobs become the intake app's, as they were: state only, no table is touched.

Their tables, rows, constraint and index names stay the timeline app's here (db_table and the old
names); timeline's 0006 drops them from its own state, and 0002 then renames the tables, indexes
and constraints to the intake app's and moves their content types and permissions.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import timeline.models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("timeline", "0005_date_span"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImportJob",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "queued"),
                                    ("running", "running"),
                                    ("succeeded", "succeeded"),
                                    ("failed", "failed"),
                                ],
                                default="queued",
                                max_length=10,
                            ),
                        ),
                        ("url", models.URLField(blank=True, max_length=500, verbose_name="fetch from")),
                        ("filename", models.CharField(blank=True, max_length=200)),
                        (
                            "content",
                            models.BinaryField(blank=True, help_text="An uploaded page or text, when not fetched."),
                        ),
                        (
                            "options",
                            models.JSONField(
                                blank=True, default=dict, help_text="Publication facts given with the request."
                            ),
                        ),
                        ("progress", models.PositiveSmallIntegerField(default=0, help_text="Percent done.")),
                        (
                            "message",
                            models.CharField(blank=True, help_text="What it is doing, or did.", max_length=300),
                        ),
                        ("error", models.TextField(blank=True, help_text="Why it failed.")),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        (
                            "task_id",
                            models.CharField(
                                blank=True, help_text="The task backend's id of the last run.", max_length=64
                            ),
                        ),
                        ("proposals_created", models.PositiveIntegerField(default=0)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("started_at", models.DateTimeField(blank=True, null=True)),
                        ("finished_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "source",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="import_jobs",
                                to="timeline.source",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "timeline_importjob",
                        "ordering": ["-created_at", "-id"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("status__in", ["queued", "running", "succeeded", "failed"])),
                                name="timeline_importjob_status_valid",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("progress__lte", 100)), name="timeline_importjob_progress_percent"
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Proposal",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "date_text",
                            models.CharField(
                                blank=True,
                                help_text="The expression exactly as the text has it.",
                                max_length=200,
                                verbose_name="date as written",
                            ),
                        ),
                        (
                            "date_value",
                            models.CharField(
                                blank=True,
                                help_text="e.g. 2022-09-27, 2022-12, 2022-W38-WE, 2022-09-27TNI, P1W",
                                max_length=64,
                                verbose_name="TIMEX3 value",
                            ),
                        ),
                        ("date_type", models.CharField(blank=True, max_length=10, verbose_name="TIMEX3 type")),
                        ("date_start", models.DateField(blank=True, null=True, verbose_name="covers from")),
                        ("date_end", models.DateField(blank=True, null=True, verbose_name="covers until")),
                        (
                            "date_precision",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("time", "time of day"),
                                    ("day", "day"),
                                    ("week", "week"),
                                    ("weekend", "weekend"),
                                    ("month", "month"),
                                    ("quarter", "quarter"),
                                    ("season", "season"),
                                    ("year", "year"),
                                    ("decade", "decade"),
                                    ("century", "century"),
                                ],
                                max_length=10,
                                verbose_name="precision",
                            ),
                        ),
                        (
                            "date_status",
                            models.CharField(
                                choices=[
                                    ("unresolved", "unresolved"),
                                    ("resolved", "resolved"),
                                    ("inferred", "inferred"),
                                    ("ambiguous", "ambiguous"),
                                    ("unresolvable", "unresolvable"),
                                    ("manual", "manual"),
                                ],
                                default="unresolved",
                                max_length=12,
                                verbose_name="date status",
                            ),
                        ),
                        ("date_anchor", models.DateField(blank=True, null=True, verbose_name="resolved against")),
                        ("date_rule", models.CharField(blank=True, max_length=64, verbose_name="rule")),
                        (
                            "date_explanation",
                            models.CharField(blank=True, max_length=300, verbose_name="how it was dated"),
                        ),
                        (
                            "date_precision_rank",
                            models.GeneratedField(
                                db_persist=True,
                                expression=models.Case(
                                    models.When(date_precision="time", then=models.Value(0)),
                                    models.When(date_precision="day", then=models.Value(1)),
                                    models.When(date_precision="week", then=models.Value(2)),
                                    models.When(date_precision="weekend", then=models.Value(3)),
                                    models.When(date_precision="month", then=models.Value(4)),
                                    models.When(date_precision="quarter", then=models.Value(5)),
                                    models.When(date_precision="season", then=models.Value(6)),
                                    models.When(date_precision="year", then=models.Value(7)),
                                    models.When(date_precision="decade", then=models.Value(8)),
                                    models.When(date_precision="century", then=models.Value(9)),
                                    default=models.Value(10),
                                ),
                                output_field=models.PositiveSmallIntegerField(),
                            ),
                        ),
                        (
                            "date_span_days",
                            models.GeneratedField(
                                db_persist=True,
                                expression=timeline.models.DaySpan("date_end", "date_start"),
                                output_field=models.IntegerField(null=True),
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[("statement", "statement"), ("citation", "event citation")], max_length=10
                            ),
                        ),
                        (
                            "state",
                            models.CharField(
                                choices=[("pending", "pending"), ("accepted", "accepted"), ("rejected", "rejected")],
                                default="pending",
                                max_length=10,
                            ),
                        ),
                        (
                            "char_start",
                            models.PositiveIntegerField(help_text="Offset of the words in the source text."),
                        ),
                        ("char_end", models.PositiveIntegerField()),
                        (
                            "text",
                            models.TextField(help_text="The source text between the offsets.", verbose_name="words"),
                        ),
                        (
                            "rule",
                            models.CharField(
                                blank=True, help_text="The reader's pattern that produced it.", max_length=64
                            ),
                        ),
                        ("confidence", models.FloatField(default=0.0)),
                        (
                            "mode",
                            models.CharField(blank=True, help_text="direct or reported (statements)", max_length=10),
                        ),
                        ("speaker_name", models.CharField(blank=True, max_length=200)),
                        ("speaker_kind", models.CharField(blank=True, max_length=20)),
                        (
                            "event_title",
                            models.CharField(blank=True, help_text="Title of the proposed new event.", max_length=300),
                        ),
                        ("match_score", models.FloatField(blank=True, null=True)),
                        ("match_reasons", models.JSONField(blank=True, default=list)),
                        (
                            "actors",
                            models.JSONField(
                                blank=True, default=list, help_text="Named actors: [{name, kind, actor_id}]."
                            ),
                        ),
                        (
                            "keywords",
                            models.JSONField(blank=True, default=list, help_text="Content words used to match events."),
                        ),
                        ("reviewed_at", models.DateTimeField(blank=True, null=True)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "citation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="timeline.citation",
                            ),
                        ),
                        (
                            "event",
                            models.ForeignKey(
                                blank=True,
                                help_text="An existing event.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="timeline.event",
                            ),
                        ),
                        (
                            "reviewed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "same_event_as",
                            models.ForeignKey(
                                blank=True,
                                help_text="Another citation proposal whose new event this one also supports.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="grouped",
                                to="intake.proposal",
                            ),
                        ),
                        (
                            "source",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="proposals",
                                to="timeline.source",
                            ),
                        ),
                        (
                            "speaker",
                            models.ForeignKey(
                                blank=True,
                                help_text="A known actor.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="timeline.actor",
                            ),
                        ),
                        (
                            "statement",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="timeline.statement",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "timeline_proposal",
                        "ordering": ["source", "char_start", "kind"],
                        "abstract": False,
                        "indexes": [
                            models.Index(fields=["date_start", "date_end"], name="timeline_proposal_date_range"),
                            models.Index(
                                fields=["date_start", "date_precision_rank", "id"], name="timeline_proposal_chrono"
                            ),
                            models.Index(fields=["date_status"], name="timeline_proposal_date_status"),
                            models.Index(fields=["state", "kind", "source"], name="timeline_proposal_queue"),
                            models.Index(fields=["date_span_days"], name="timeline_proposal_span"),
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("date_start__isnull", True),
                                    ("date_end__gte", models.F("date_start")),
                                    _connector="OR",
                                ),
                                name="timeline_proposal_date_end_after_start",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("date_end__isnull", True), ("date_start__isnull", True)),
                                    models.Q(("date_end__isnull", False), ("date_start__isnull", False)),
                                    _connector="OR",
                                ),
                                name="timeline_proposal_date_interval_complete",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(
                                        ("date_status__in", ["resolved", "inferred", "ambiguous", "manual"]),
                                        _negated=True,
                                    ),
                                    models.Q(("date_value", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="timeline_proposal_date_value_when_dated",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    (
                                        "date_status__in",
                                        ["unresolved", "resolved", "inferred", "ambiguous", "unresolvable", "manual"],
                                    )
                                ),
                                name="timeline_proposal_date_status_valid",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("date_precision", ""),
                                    (
                                        "date_precision__in",
                                        [
                                            "time",
                                            "day",
                                            "week",
                                            "weekend",
                                            "month",
                                            "quarter",
                                            "season",
                                            "year",
                                            "decade",
                                            "century",
                                        ],
                                    ),
                                    _connector="OR",
                                ),
                                name="timeline_proposal_date_precision_valid",
                            ),
                            models.UniqueConstraint(
                                fields=("source", "kind", "char_start", "char_end"),
                                name="timeline_proposal_fingerprint",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("char_end__gt", models.F("char_start"))),
                                name="timeline_proposal_offsets_ordered",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("kind__in", ["statement", "citation"])),
                                name="timeline_proposal_kind_valid",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(("state__in", ["pending", "accepted", "rejected"])),
                                name="timeline_proposal_state_valid",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
