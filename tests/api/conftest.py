"""Clients and users for the API tests (the shared fixtures are in tests/conftest.py)."""

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.fixture
def client() -> APIClient:
    return APIClient()


@pytest.fixture
def user(db) -> User:
    return User.objects.create_user("reader", password="reader-password-1")


@pytest.fixture
def editor(db) -> User:
    editor = User.objects.create_user("editor", password="editor-password-1")
    editor.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["timeline", "intake"]))
    return editor


@pytest.fixture
def user_client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def editor_client(editor) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client
