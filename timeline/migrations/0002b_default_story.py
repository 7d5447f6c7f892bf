"""Put every existing source and event into one default story, so the timeline reads as before.

Before stories, the service held one timeline. Its records move, unchanged, into a story named
here (editors may rename it or move records out of it); `?story=default` then gives exactly the
old whole timeline. On an empty database nothing is created. Backwards, the default story is
deleted with its memberships, and the records stay as they are.
"""

from django.db import migrations

SLUG = "default"
TITLE = "Default story"
DESCRIPTION = (
    "Every source and event recorded before stories existed. Rename it, or move its records into "
    "stories of their own (admin actions on the source and event lists)."
)
BATCH = 2000


def _link(through, field: str, story_id: int, ids) -> None:
    rows = [through(story_id=story_id, **{field: pk}) for pk in ids]
    through.objects.bulk_create(rows, batch_size=BATCH)


def forwards(apps, schema_editor):
    Source = apps.get_model("timeline", "Source")
    Event = apps.get_model("timeline", "Event")
    Story = apps.get_model("timeline", "Story")
    if not (Source.objects.exists() or Event.objects.exists()):
        return
    story = Story.objects.create(slug=SLUG, title=TITLE, description=DESCRIPTION)
    _link(Source.stories.through, "source_id", story.pk, Source.objects.values_list("pk", flat=True).iterator())
    _link(Event.stories.through, "event_id", story.pk, Event.objects.values_list("pk", flat=True).iterator())


def backwards(apps, schema_editor):
    Story = apps.get_model("timeline", "Story")
    Story.objects.filter(slug=SLUG).delete()


class Migration(migrations.Migration):
    dependencies = [("timeline", "0002_story")]

    operations = [migrations.RunPython(forwards, backwards)]
