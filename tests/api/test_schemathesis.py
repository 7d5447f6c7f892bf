"""The API driven from its own OpenAPI schema by schemathesis, as a client no one here wrote would drive it.

Every operation gets schema-valid and schema-violating requests, anonymously and with an editor's
token, through the WSGI app (no network), and every response is checked against the schema and
schemathesis's other checks: no 5xx, documented status codes and content types, bodies that match,
invalid input refused. Examples are bounded and derandomized (a fixed seed), so CI takes minutes.
"""

import pytest
import schemathesis
from django.contrib.auth.models import Permission, User
from django.core import signals
from django.core.cache import cache
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.specs.openapi import checks as openapi_checks

from tests.factories import CitationFactory, StatementFactory

# `ignored_auth` expects every operation that lists a security scheme to refuse requests without
# credentials. Reads list the token and session schemes (they identify a user when given) but are
# open to anyone by design, so the check does not apply; writes' refusal of anonymous clients is
# asserted in tests/api/test_permissions.py.
# `positive_data_acceptance` expects every schema-valid request to succeed, but a schema cannot say
# which ids exist, which strings are IANA time zones, or which password is right: those requests
# get the documented 400 naming the field, by design.
EXCLUDED_CHECKS = [openapi_checks.ignored_auth, openapi_checks.positive_data_acceptance]
MAX_EXAMPLES = 6  # per operation and client: about two minutes per database in CI


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # Django closes the database connection at the end of each WSGI request; inside a test's
    # transaction that would end it (on PostgreSQL). Django's own test client unhooks this the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _no_throttle(settings):
    # Hundreds of requests from one "anonymous client" would otherwise meet the rate limit.
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_CLASSES": []}
    cache.clear()


@pytest.fixture
def records(db):
    # A few real rows, so that generated ids sometimes name one.
    for _ in range(2):
        CitationFactory()
        StatementFactory()


@pytest.fixture
def token(db) -> str:
    editor = User.objects.create_user("fuzz-editor", password="fuzz-editor-password")
    editor.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["timeline", "intake"]))
    return Token.objects.create(user=editor).key


# Built in-process from the same generator that serves /api/schema/; requests go to the WSGI app.
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = get_wsgi_application()

HYPOTHESIS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@HYPOTHESIS
def test_every_operation_answers_anonymous_clients_as_documented(case, records):
    case.call_and_validate(excluded_checks=EXCLUDED_CHECKS)


@schema.parametrize()
@HYPOTHESIS
def test_every_operation_answers_an_editor_with_a_token_as_documented(case, records, token):
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, excluded_checks=EXCLUDED_CHECKS)
