"""Proposals and import jobs leave the timeline app for the intake app: state only, the tables stay.

The intake app's 0001 takes them into its state first; its 0002 renames the tables and moves the
content types and permissions.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0005_date_span'),
        ('intake', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='Proposal'),
                migrations.DeleteModel(name='ImportJob'),
            ],
            database_operations=[],
        ),
    ]
