"""The acceptance check on the seed articles: both embassy alerts on the timeline, in order, with their
sources, and the sources' Tuesday/Wednesday disagreement over the first one in plain view.

Runs the real pipeline (ingest the seeds, load the curated fixture, resolve the dates), so it guards
the API against changes anywhere upstream of it.
"""

import pytest

pytestmark = pytest.mark.django_db

ALERT = "tells Americans to leave Russia"


def alerts(client) -> list[dict]:
    response = client.get("/api/v1/timeline", {"kind": "event", "q": "embassy", "page_size": 200})
    assert response.status_code == 200
    return [row for row in response.json()["results"] if ALERT in row["title"]]


def test_the_timeline_lists_the_september_2022_and_february_2023_alerts_in_order(client, seeded):
    september, february = alerts(client)

    assert september["date"]["start"].startswith("2022-09-2")
    assert february["date"]["value"] == "2023-02-13"
    assert {s["publisher"] for s in september["sources"]} >= {"CNN", "New York Post", "The Independent"}
    assert {s["publisher"] for s in february["sources"]} >= {"International Business Times", "Metro (UK)"}
    assert all(s["publication"]["date"] for s in september["sources"])


def test_the_sources_tuesday_wednesday_disagreement_is_visible(client, seeded):
    september, _ = alerts(client)

    assert september["sources_disagree"] is True
    assert september["date"]["status"] == "ambiguous"
    readings = {reading["value"]: reading for reading in september["date_readings"]}
    assert "Tuesday" in readings["2022-09-27"]["texts"]
    assert "Wednesday" in readings["2022-09-28"]["texts"]
    assert [s["publisher"] for s in readings["2022-09-28"]["sources"]] == ["New York Post"]
    # Each citation carries its own source's reading, and says whether it agrees with the event's date.
    wednesday = [c for c in september["citations"] if c["date"]["text"] == "Wednesday"]
    assert wednesday and wednesday[0]["source"]["publisher"] == "New York Post"
    assert wednesday[0]["agrees_with_event"] is False


def test_the_timelinejs_export_of_the_seeds_shows_the_disagreement(client, seeded):
    response = client.get("/api/v1/timeline", {"format": "timelinejs", "kind": "event", "q": "embassy"})
    slides = [s for s in response.json()["events"] if ALERT in s["text"]["headline"]]
    assert len(slides) == 2
    assert "Sources disagree on the date" in slides[0]["text"]["text"]
    assert "(Wednesday)" in slides[0]["text"]["text"]
