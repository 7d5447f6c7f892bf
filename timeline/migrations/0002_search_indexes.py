"""Full-text search indexes, on PostgreSQL only.

The API's `q` filter (timeline.filters.text_search) matches `SearchVector(*fields, config="english")`;
these GIN indexes are built on exactly those expressions so PostgreSQL can use them. SQLite searches
with LIKE and has no use for them, so nothing is created there.
"""

from django.db import migrations

SEARCH_INDEXES = {
    "event": ("timeline_event_search", ["title", "description", "location", "category"]),
    "statement": ("timeline_statement_search", ["text"]),
    "source": ("timeline_source_search", ["headline", "publisher", "text"]),
}


def _indexes():
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    for model_name, (name, fields) in SEARCH_INDEXES.items():
        yield model_name, GinIndex(SearchVector(*fields, config="english"), name=name)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in _indexes():
        schema_editor.add_index(apps.get_model("timeline", model_name), index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name, index in _indexes():
        schema_editor.remove_index(apps.get_model("timeline", model_name), index)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
