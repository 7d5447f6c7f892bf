"""Every query parameter of every list, and every id in a path or an action's body, answers an id past
the database's integer range with a JSON 4xx, never a 500: walked from the OpenAPI schema, so a new
filter or action is covered the day it is documented."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from tests.factories import SourceFactory, StoryFactory

pytestmark = pytest.mark.django_db

OVERFLOW = "9223372036854775808"  # one past PostgreSQL's and SQLite's largest integer
# Parameters whose values are not ids or numbers: words, formats, cursors.
NOT_NUMBERS = {"q", "format", "cursor", "ordering", "search"}


def operations(method: str) -> list[tuple[str, dict]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (path, operation)
        for path, item in schema["paths"].items()
        for verb, operation in item.items()
        if verb == method
    ]


def list_parameters() -> list[tuple[str, str]]:
    found = []
    for path, operation in operations("get"):
        if "{" in path:
            continue
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "query" and parameter["name"] not in NOT_NUMBERS:
                found.append((path, parameter["name"]))
    return found


def assert_json_4xx(response) -> None:
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_the_schema_walk_finds_the_lists_filters():
    walked = set(list_parameters())
    assert {("/api/v1/stories", "event"), ("/api/v1/stories", "source"), ("/api/v1/events", "actor")} <= walked
    assert len(walked) > 30


@pytest.mark.parametrize(("path", "name"), list_parameters())
def test_an_overflowing_value_in_any_list_parameter_is_a_json_answer_not_a_500(editor_client, path, name):
    response = editor_client.get(path, {name: OVERFLOW})
    assert response.status_code < 500, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith(("application/json", "text/csv", "text/calendar"))


@pytest.mark.parametrize("path", sorted({path for path, _ in operations("get") if path.count("{") == 1}))
def test_an_overflowing_id_in_any_path_is_a_json_404(editor_client, path):
    url = path.split("{", 1)[0] + OVERFLOW + path.split("}", 1)[1]
    response = editor_client.get(url)
    assert response.status_code == 404, (url, response.status_code)
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("action", ["add", "remove"])
def test_an_overflowing_source_id_in_a_story_membership_change_is_a_400_naming_it(editor_client, action):
    story = StoryFactory()
    SourceFactory()
    response = editor_client.post(
        f"/api/v1/stories/{story.slug}/{action}", {"source_ids": [int(OVERFLOW)]}, format="json"
    )
    assert_json_4xx(response)
    assert "source_ids" in response.json()["errors"]
