"""Who may do what: anyone reads; writes need an authenticated user with the model permission."""

import pytest
from django.contrib.auth.models import Permission
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from tests.factories import ActorFactory, EventFactory
from timeline.models import Actor

pytestmark = pytest.mark.django_db

NEW_ACTOR = {"name": "Kremlin", "kind": "government_body"}


@pytest.mark.parametrize(
    "url",
    ["/api/v1/sources", "/api/v1/actors", "/api/v1/events", "/api/v1/statements", "/api/v1/timeline"],
)
def test_anyone_may_read_every_list(client, url):
    assert client.get(url).status_code == 200


def test_anyone_may_read_one_record(client):
    event = EventFactory()
    assert client.get(f"/api/v1/events/{event.pk}").json()["slug"] == event.slug


def test_an_anonymous_write_is_a_401_json_with_a_token_challenge_and_writes_nothing(client):
    response = client.post("/api/v1/actors", NEW_ACTOR, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
    assert response.json() == {"detail": "Authentication credentials were not provided."}
    assert not Actor.objects.exists()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_anonymous_changes_and_deletes_are_refused(client, method):
    actor = ActorFactory()
    response = getattr(client, method)(f"/api/v1/actors/{actor.pk}", NEW_ACTOR, format="json")
    assert response.status_code == 401
    actor.refresh_from_db()
    assert actor.name != "Kremlin"


def test_an_authenticated_user_without_the_permission_gets_a_403_json(user_client):
    response = user_client.post("/api/v1/actors", NEW_ACTOR, format="json")
    assert response.status_code == 403
    assert "detail" in response.json()
    assert not Actor.objects.exists()


def test_each_write_needs_its_own_permission(user, user_client):
    user.user_permissions.add(Permission.objects.get(codename="add_actor"))
    assert user_client.post("/api/v1/actors", NEW_ACTOR, format="json").status_code == 201
    actor = Actor.objects.get()
    assert user_client.delete(f"/api/v1/actors/{actor.pk}").status_code == 403


def test_a_user_with_the_permission_writes_with_a_token(editor_client):
    assert editor_client.post("/api/v1/actors", NEW_ACTOR, format="json").status_code == 201


def test_a_user_with_the_permission_writes_with_a_session_and_a_csrf_token(editor):
    client = APIClient(enforce_csrf_checks=True)
    client.login(username="editor", password="editor-password-1")
    refused = client.post("/api/v1/actors", NEW_ACTOR, format="json")
    assert refused.status_code == 403  # a session write without the CSRF token
    client.get("/admin/login/")  # sets the CSRF cookie
    response = client.post(
        "/api/v1/actors", NEW_ACTOR, format="json", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value
    )
    assert response.status_code == 201


def test_a_token_is_obtained_with_a_username_and_password(client, editor):
    response = client.post("/api/v1/auth/token", {"username": "editor", "password": "editor-password-1"}, format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    assert token == Token.objects.get(user=editor).key

    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.post("/api/v1/actors", NEW_ACTOR, format="json").status_code == 201


def test_wrong_credentials_get_no_token(client, editor):
    response = client.post("/api/v1/auth/token", {"username": "editor", "password": "wrong"}, format="json")
    assert response.status_code == 400
    assert "errors" in response.json()
    assert not Token.objects.exists()


def test_an_invalid_token_is_a_401(client):
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert client.get("/api/v1/events").status_code == 401


def test_anonymous_clients_are_throttled_with_a_json_429(client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/min"})
    statuses = [client.get("/api/v1/events").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/events")
    assert "detail" in response.json()
    assert "Retry-After" in response


def test_authenticated_clients_are_not_held_to_the_anonymous_rate(editor_client, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/min"})
    assert [editor_client.get("/api/v1/events").status_code for _ in range(3)] == [200, 200, 200]
