"""Loading a curated timeline (a natural-key fixture) without ever overwriting what is already there.

`loaddata` writes every record of a fixture, so loading the seed timeline again would reset the
dates that resolve_dates filled and the corrections editors made. This loader creates only the
records whose natural key is not in the database yet and leaves existing ones alone. It reads the
whole fixture first, then writes in one transaction with a fixed number of queries per model.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction

from timeline.models import Actor, Citation, Event, Source, Statement
from timeline.services.provenance import passage_locate
from timeline.services.stories import events_follow_citations

# Natural keys as query paths, so that every existing key of a model is read in one query.
NATURAL_KEY_PATHS: dict[type[models.Model], tuple[str, ...]] = {
    Source: ("slug",),
    Actor: ("name",),
    Event: ("slug",),
    Statement: ("source__slug", "char_start"),
    Citation: ("event__slug", "source__slug", "char_start"),
}
# Dependency order: a record's foreign keys point only at models earlier in this list.
LOAD_ORDER = (Source, Actor, Event, Citation, Statement)


# The field that quotes the source text, for the models that point into it.
PASSAGE_WORDS = {Citation: "sentence", Statement: "text"}


def _check_passage(obj, words_field: str, source_texts: dict[int, str], where: str) -> None:
    try:
        passage = passage_locate(
            text=source_texts[obj.source_id],
            words=getattr(obj, words_field),
            char_start=obj.char_start,
            char_end=obj.char_end,
            words_field=words_field,
        )
    except ValidationError as exc:
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
        raise FixtureError(f"{where}: {problems}") from None
    setattr(obj, words_field, passage.words)
    obj.char_start, obj.char_end = passage.char_start, passage.char_end


class FixtureError(Exception):
    """A fixture that cannot be loaded; the message names the file and the record."""


@dataclass
class LoadReport:
    created: Counter = field(default_factory=Counter)
    kept: Counter = field(default_factory=Counter)
    joined_stories: int = 0  # events put in the stories of the sources that cite them

    def summary(self) -> str:
        parts = [f"{self.created[label]} new {label}" for label in sorted(self.created)]
        kept = sum(self.kept.values())
        text = (", ".join(parts) or "nothing new") + f"; {kept} already present, left as they are"
        if self.joined_stories:
            text += f"; events joined their sources' stories {self.joined_stories} times"
        return text


def _read(path: Path) -> list[dict]:
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FixtureError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FixtureError(f"{path}: not a JSON fixture ({exc})") from None
    if not isinstance(records, list):
        raise FixtureError(f"{path}: expected a list of records")
    return records


def _key(value) -> tuple:
    return tuple(value) if isinstance(value, list) else (value,)


def timeline_load_new(*, paths: list[Path], dry_run: bool = False) -> LoadReport:
    """Create the fixture records that do not exist yet (by natural key); never change existing ones."""
    by_model = _records_by_model(paths)
    report = LoadReport()
    with transaction.atomic():
        # Natural key -> primary key, for existing rows and for rows created as we go.
        known = {model: _existing_keys(model) for model in LOAD_ORDER}
        # Every source's text in one query (sources are loaded first), for the provenance check.
        texts = _SourceTexts()
        for model in LOAD_ORDER:
            new = [made for made in _new_records(model, by_model[model], known, texts, report) if made]
            _create(model, new, known, report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _records_by_model(paths: list[Path]) -> dict[type[models.Model], list[tuple[str, dict]]]:
    """Every record of every fixture, checked for a loadable model and natural keys, by model."""
    by_model: dict[type[models.Model], list[tuple[str, dict]]] = {model: [] for model in LOAD_ORDER}
    for path in paths:
        for index, record in enumerate(_read(path)):
            where = f"{path} record {index + 1}"
            try:
                model = apps.get_model(record["model"])
            except (KeyError, LookupError, ValueError, TypeError):
                raise FixtureError(f"{where}: unknown model {record.get('model')!r}") from None
            if model not in by_model:
                raise FixtureError(f"{where}: {model._meta.label} cannot be loaded this way")
            if "pk" in record:
                raise FixtureError(f"{where}: use natural keys, not a primary key")
            by_model[model].append((f"{where} ({model._meta.label})", record.get("fields", {})))
    return by_model


def _existing_keys(model: type[models.Model]) -> dict[tuple, int | None]:
    rows = model.objects.values_list(*NATURAL_KEY_PATHS[model], "pk").order_by()
    return {tuple(row[:-1]): row[-1] for row in rows}


class _SourceTexts:
    """Every source's text, read in one query the first time a passage is checked."""

    def __init__(self) -> None:
        self._texts: dict[int, str] | None = None

    def get(self) -> dict[int, str]:
        if self._texts is None:
            self._texts = dict(Source.objects.values_list("pk", "text"))
        return self._texts


def _new_records(model, records, known, texts: _SourceTexts, report: LoadReport):
    """The model's records whose natural key is new, built and checked: (key, object, m2m) each."""
    label = model._meta.verbose_name_plural
    # Relations were checked against the known keys; full_clean skips Django's query per relation.
    relations = [f.name for f in model._meta.fields if f.is_relation]
    for where, fields in records:
        obj, m2m = _build(model, fields, known, where)
        key = _natural_key(model, fields, where)
        if key in known[model]:
            report.kept[label] += 1
            continue
        try:
            obj.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            raise FixtureError(f"{where}: {problems}") from None
        if model in PASSAGE_WORDS:
            _check_passage(obj, PASSAGE_WORDS[model], texts.get(), where)
        known[model][key] = None  # a duplicate inside the fixture is kept once
        report.created[label] += 1
        yield key, obj, m2m


def _create(model, new: list, known, report: LoadReport) -> None:
    """Write the new records in one insert, and their many-to-many links in one more."""
    model.objects.bulk_create([obj for _, obj, _ in new])
    if model is Citation:
        # A cited event joins the stories its source is in (ingest_seeds put the seeds in theirs).
        report.joined_stories += events_follow_citations(citations=[obj for _, obj, _ in new])
    links = []
    for key, obj, m2m in new:
        known[model][key] = obj.pk
        for name, targets in m2m.items():
            through = getattr(model, name).through
            source_field = f"{model._meta.model_name}_id"
            target_field = f"{model._meta.get_field(name).related_model._meta.model_name}_id"
            links.extend(through(**{source_field: obj.pk, target_field: pk}) for pk in targets)
    if links:
        type(links[0]).objects.bulk_create(links)


def _build(model, fields: dict, known, where: str) -> tuple[models.Model, dict[str, list[int]]]:
    attrs, m2m = {}, {}
    for name, value in fields.items():
        try:
            field_ = model._meta.get_field(name)
        except Exception:
            raise FixtureError(f"{where}: unknown field {name!r}") from None
        if field_.many_to_many:
            related = field_.related_model
            try:
                m2m[name] = [known[related][_key(v)] for v in value]
            except KeyError as exc:
                raise FixtureError(f"{where}: {name} refers to unknown {related._meta.label} {exc.args[0]!r}") from None
        elif field_.is_relation:
            related = field_.related_model
            if value is None:
                attrs[field_.attname] = None
                continue
            pk = known[related].get(_key(value))
            if pk is None:
                raise FixtureError(f"{where}: {name} refers to unknown {related._meta.label} {value!r}")
            attrs[field_.attname] = pk
        else:
            attrs[name] = field_.to_python(value)
    return model(**attrs), m2m


def _natural_key(model, fields: dict, where: str) -> tuple:
    """A record's natural key, read from its fixture fields (a related key is the related record's)."""
    key: list = []
    for path in NATURAL_KEY_PATHS[model]:
        name = path.split("__", 1)[0]
        if name not in fields:
            raise FixtureError(f"{where}: lacks {name!r}, part of its natural key")
        if "__" in path:
            key.extend(_key(fields[name]))
        else:
            key.append(model._meta.get_field(name).to_python(fields[name]))
    return tuple(key)
