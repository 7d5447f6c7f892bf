"""POST /api/v1/dates/annotate: the date engine over a posted text, shaped like `annotate_dates --format json`."""

import json

import pytest
from django.core.management import call_command

from timeline.models import Event, Source

pytestmark = pytest.mark.django_db

URL = "/api/v1/dates/annotate"
TEXT = "The U.S. Embassy in Moscow on Wednesday issued a security alert. It was dated Tuesday."


def test_it_returns_each_date_expression_resolved_against_the_reference_date(client):
    response = client.post(URL, {"text": TEXT, "reference_date": "2022-09-28"}, format="json")

    assert response.status_code == 200, response.content
    annotations = response.json()
    by_text = {a["text"]: a for a in annotations}
    assert by_text["Wednesday"]["value"] == "2022-09-28"
    assert by_text["Tuesday"]["value"] == "2022-09-27"
    for a in annotations:
        assert TEXT[a["start"] : a["end"]] == a["text"]
        assert list(a) == [
            "start",
            "end",
            "text",
            "type",
            "value",
            "start_date",
            "end_date",
            "precision",
            "rule",
            "mod",
            "explanation",
            "anchor",
        ]


def test_it_answers_exactly_what_the_annotate_dates_command_prints(client, tmp_path, capsys):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    call_command("annotate_dates", str(path), "--reference-date", "2022-09-28", "--timezone", "Europe/London")
    printed = json.loads(capsys.readouterr().out)

    body = {"text": TEXT, "reference_date": "2022-09-28", "timezone": "Europe/London"}
    assert client.post(URL, body, format="json").json() == printed


def test_a_text_over_the_limit_is_a_400_that_says_the_limit(client, settings):
    settings.ANNOTATE_MAX_CHARS = 50
    response = client.post(URL, {"text": "x" * 51, "reference_date": "2022-09-28"}, format="json")
    assert response.status_code == 400
    assert "text" in response.json()["errors"]
    assert "limit is 50" in response.json()["errors"]["text"][0]


def test_a_body_over_the_upload_limit_is_refused_with_a_413(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post(URL, {"text": "x" * 10_000, "reference_date": "2022-09-28"}, format="json")
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["detail"]
    assert not Source.objects.exists() and not Event.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": TEXT}, "reference_date"),
        ({"text": TEXT, "reference_date": "28/09/2022"}, "reference_date"),
        ({"reference_date": "2022-09-28"}, "text"),
        ({"text": TEXT, "reference_date": "2022-09-28", "timezone": "Mars/Olympus"}, "timezone"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, body, field):
    response = client.post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_anyone_may_annotate_but_not_with_get(client):
    assert client.get(URL).status_code == 405
