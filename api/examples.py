"""Example payloads for the OpenAPI schema, drawn from the seed articles (the September 2022 alert)."""

from drf_spectacular.utils import OpenApiExample

DATE = {
    "text": "Tuesday",
    "value": "2022-09-27",
    "start": "2022-09-27",
    "end": "2022-09-27",
    "precision": "day",
    "status": "resolved",
    "anchor": "2022-09-28",
    "explanation": "'Tuesday' in an article of 2022-09-28: the Tuesday before → 2022-09-27",
}
WEDNESDAY = {
    **DATE,
    "text": "Wednesday",
    "value": "2022-09-28",
    "start": "2022-09-28",
    "end": "2022-09-28",
    "explanation": "'Wednesday' in an article of 2022-09-28: the anchor's own Wednesday → 2022-09-28",
}
PUBLICATION = {"date": "2022-09-28", "time": None, "timezone": "America/New_York"}
SOURCE_BRIEF = {
    "id": 3,
    "slug": "002_a46a5c61fee82934",
    "headline": "US Embassy in Moscow urges Americans to leave Russia",
    "publisher": "CNN",
    "url": "https://edition.cnn.com/europe/live-news/russia-ukraine-war-news-09-28-22",
    "publication": PUBLICATION,
}
POST_BRIEF = {
    "id": 4,
    "slug": "003_3419230858595fd6",
    "headline": "Americans told to leave Russia as war protests grow over army conscription",
    "publisher": "New York Post",
    "url": "",
    "publication": PUBLICATION,
}
ACTOR_BRIEF = {"id": 12, "name": "US Embassy in Moscow", "kind": "government_body"}
SENTENCE = "A security alert on the Embassy’s website, dated Tuesday, noted that dual nationals may be drafted."

SOURCE_REQUEST = {
    "slug": "002_a46a5c61fee82934",
    "headline": SOURCE_BRIEF["headline"],
    "publisher": "CNN",
    "url": SOURCE_BRIEF["url"],
    "authors": [],
    "language": "en",
    "publication": PUBLICATION,
    "origin": "seed article",
    "notes": "",
    "text": "US Embassy in Moscow urges Americans to leave Russia\n\n...",
}
SOURCE_RESPONSE = {
    "id": 3,
    "api_url": "https://timeline.example.org/api/v1/sources/3",
    **SOURCE_REQUEST,
    "checksum": "5f0c4e0b3d0c2b0e6c7c2b1f9d1a8e3f4b6a7c8d9e0f1a2b3c4d5e6f7a8b9c0d",
    "created_at": "2026-11-21T09:00:00Z",
    "updated_at": "2026-11-21T09:00:00Z",
}

ACTOR_REQUEST = {
    "name": "US Embassy in Moscow",
    "kind": "government_body",
    "aliases": ["the U.S. Embassy in Moscow", "the embassy"],
    "description": "The United States' embassy in Russia.",
}
ACTOR_RESPONSE = {"id": 12, "api_url": "https://timeline.example.org/api/v1/actors/12", **ACTOR_REQUEST}

EVENT_REQUEST = {
    "slug": "embassy-alert-2022-09",
    "title": "US Embassy in Moscow tells Americans to leave Russia (September 2022)",
    "description": "A security alert tells US citizens to depart Russia immediately.",
    "location": "Moscow",
    "category": "diplomacy",
    "date": {**DATE, "status": "ambiguous"},
    "actor_ids": [12],
    "citations": [
        {"source_id": 3, "sentence": SENTENCE, "char_start": 1017, "char_end": 1117, "date": DATE},
        {
            "source_id": 4,
            "sentence": "The U.S. Embassy in Moscow on Wednesday issued a security alert.",
            "char_start": 0,
            "char_end": 64,
            "date": WEDNESDAY,
        },
    ],
}
CITATIONS = [
    {
        "id": 41,
        "source": SOURCE_BRIEF,
        "sentence": SENTENCE,
        "char_start": 1017,
        "char_end": 1117,
        "date": DATE,
        "agrees_with_event": True,
    },
    {
        "id": 42,
        "source": POST_BRIEF,
        "sentence": "The U.S. Embassy in Moscow on Wednesday issued a security alert.",
        "char_start": 0,
        "char_end": 64,
        "date": WEDNESDAY,
        "agrees_with_event": False,
    },
]
READINGS = [
    {
        "value": "2022-09-27",
        "start": "2022-09-27",
        "end": "2022-09-27",
        "precision": "day",
        "texts": ["Tuesday"],
        "sources": [SOURCE_BRIEF],
        "citation_ids": [41],
    },
    {
        "value": "2022-09-28",
        "start": "2022-09-28",
        "end": "2022-09-28",
        "precision": "day",
        "texts": ["Wednesday"],
        "sources": [POST_BRIEF],
        "citation_ids": [42],
    },
]
EVENT_RESPONSE = {
    "id": 17,
    "api_url": "https://timeline.example.org/api/v1/events/17",
    **{key: value for key, value in EVENT_REQUEST.items() if key not in ("actor_ids", "citations")},
    "actors": [ACTOR_BRIEF],
    "citations": CITATIONS,
    "sources_disagree": True,
    "date_readings": READINGS,
}

STATEMENT_REQUEST = {
    "text": "depart Russia immediately while limited commercial travel options remain",
    "mode": "direct",
    "speaker_id": 12,
    "source_id": 3,
    "event_id": 17,
    "char_start": 620,
    "char_end": 693,
    "date": {
        **DATE,
        "text": "",
        "value": "2022-09-28",
        "start": "2022-09-28",
        "end": "2022-09-28",
        "status": "inferred",
    },
}
STATEMENT_RESPONSE = {
    "id": 23,
    "api_url": "https://timeline.example.org/api/v1/statements/23",
    "text": STATEMENT_REQUEST["text"],
    "mode": "direct",
    "speaker": ACTOR_BRIEF,
    "source": SOURCE_BRIEF,
    "event": {"id": 17, "slug": "embassy-alert-2022-09", "title": EVENT_REQUEST["title"]},
    "char_start": 620,
    "char_end": 693,
    "date": STATEMENT_REQUEST["date"],
}

TIMELINE_ENTRY = {
    "kind": "event",
    "id": 17,
    "unique_id": "event-17",
    "title": EVENT_REQUEST["title"],
    "text": EVENT_REQUEST["description"],
    "date": {**DATE, "status": "ambiguous"},
    "category": "diplomacy",
    "actors": [ACTOR_BRIEF],
    "sources": [SOURCE_BRIEF, POST_BRIEF],
    "citations": CITATIONS,
    "sources_disagree": True,
    "date_readings": READINGS,
    "event_id": 17,
}
TIMELINEJS = {
    "title": {"text": {"headline": "News timeline", "text": "<p>1 events and statements.</p>"}},
    "events": [
        {
            "start_date": {"year": "2022", "month": "9", "day": "27"},
            "text": {
                "headline": TIMELINE_ENTRY["title"],
                "text": "<p>A security alert tells US citizens to depart Russia immediately.</p>"
                "<p>Sources disagree on the date: CNN: 2022-09-27 (Tuesday); New York Post: 2022-09-28 (Wednesday)</p>"
                '<p>Sources: <a href="https://edition.cnn.com/...">CNN, 2022-09-28</a>; New York Post, 2022-09-28</p>',
            },
            "group": "diplomacy",
            "unique_id": "event-17",
        },
        {
            "start_date": {"year": "2022", "month": "9"},
            "display_date": "September 2022",
            "text": {"headline": "Russia rejects war-crimes accusations over Izyum", "text": "..."},
            "group": "diplomacy",
            "unique_id": "event-3",
        },
    ],
}
CSV = (
    "unique_id,kind,id,title,text,date_text,date_value,date_start,date_end,date_precision,date_status,"
    "date_anchor,date_explanation,category,actors,sources,source_urls,sources_disagree\r\n"
    "event-17,event,17,US Embassy in Moscow tells Americans to leave Russia (September 2022),"
    "A security alert tells US citizens to depart Russia immediately.,Tuesday,2022-09-27,2022-09-27,"
    "2022-09-27,day,ambiguous,2022-09-28,...,diplomacy,US Embassy in Moscow,CNN; New York Post,"
    "https://edition.cnn.com/...,true\r\n"
)
ICS = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//News timeline//API//EN\r\nBEGIN:VEVENT\r\n"
    "SUMMARY:US Embassy in Moscow tells Americans to leave Russia (September 2022)\r\n"
    "DTSTART;VALUE=DATE:20220927\r\nDTEND;VALUE=DATE:20220928\r\nDTSTAMP:20261121T090000Z\r\n"
    "UID:event-17@timeline.example.org\r\nCATEGORIES:diplomacy\r\n"
    "DESCRIPTION:A security alert tells US citizens to depart Russia immediately.\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


def pair(name: str, request: dict, response: dict) -> list[OpenApiExample]:
    return [
        OpenApiExample(name, value=request, request_only=True),
        OpenApiExample(name, value=response, response_only=True),
    ]


STORY_REQUEST = {
    "slug": "us-embassy-russia-alerts",
    "title": "US Embassy tells Americans to leave Russia",
    "description": "The US Embassy in Moscow's alerts telling Americans to leave Russia, in 2022 and 2023.",
    "notes": "Check the NY Post's dating of the September alert.",
}
STORY_RESPONSE = {
    "id": 3,
    "api_url": "https://timeline.example.org/api/v1/stories/us-embassy-russia-alerts",
    **STORY_REQUEST,
    "timeline_url": "https://timeline.example.org/api/v1/timeline?story=us-embassy-russia-alerts",
    "created_at": "2026-11-30T09:12:44Z",
    "updated_at": "2026-12-01T16:03:10Z",
}
STORY_DETAIL = {
    **STORY_RESPONSE,
    "summary": {
        "start": "2022-02-01",
        "end": "2023-02-13",
        "sources": 5,
        "events": 31,
        "statements": 67,
        "undated": 14,
        "publishers": ["CNN", "International Business Times", "Metro (UK)", "New York Post", "The Independent"],
        "last_update": "2026-12-01T16:03:10Z",
    },
}
STORY_MEMBERSHIP_REQUEST = {"source_ids": [41, 42], "event_ids": [7]}
STORY_MEMBERSHIP_RESPONSE = {"sources": [41, 42], "events": [7, 12, 13]}
