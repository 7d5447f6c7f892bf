"""Who a caller is, for the rate limits: the socket's address unless the deployment names its
proxies; logged-in users have a rate of their own; the expensive endpoints draw on a budget of work;
the admin's login form is limited like the token endpoint."""

import pytest
from rest_framework.throttling import SimpleRateThrottle

pytestmark = pytest.mark.django_db

ANNOTATE = "/api/v1/dates/annotate"
IMPORT = "/api/v1/sources/import"


@pytest.fixture
def rates(monkeypatch):
    """Set some throttle rates for one test (throttles read the rates once, into a class attribute)."""

    def set_rates(**overrides):
        monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {**SimpleRateThrottle.THROTTLE_RATES, **overrides})

    return set_rates


def statuses(client, n: int, path: str = "/api/v1/events", **headers) -> list[int]:
    return [client.get(path, **headers).status_code for _ in range(n)]


def test_a_spoofed_forwarded_for_header_changes_nothing_by_default(client, rates):
    rates(anon="3/min")
    codes = [client.get("/api/v1/events", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code for i in range(4)]
    assert codes == [200, 200, 200, 429]


def test_behind_a_named_proxy_each_forwarded_client_counts_on_its_own(client, rates, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    rates(anon="3/min")
    first = statuses(client, 4, HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.1")
    other = statuses(client, 1, HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.2")
    assert first == [200, 200, 200, 429]
    # The proxy's own entry (the last) is the client; what the client wrote before it is not trusted.
    assert other == [200]


def test_a_logged_in_user_is_throttled_at_the_user_rate(user_client, rates):
    rates(user="4/min")
    assert statuses(user_client, 5) == [200, 200, 200, 200, 429]


def test_the_user_rate_does_not_count_anonymous_calls(client, rates):
    rates(user="2/min", anon="10/min")
    assert statuses(client, 4) == [200] * 4


def test_an_import_draws_its_cost_from_the_callers_budget_even_when_refused(editor_client, rates, settings):
    settings.IMPORT_THROTTLE_COST = 20
    rates(cost="50/hour")
    codes = [editor_client.post(IMPORT, {}).status_code for _ in range(3)]
    assert codes == [400, 400, 429]
    assert editor_client.get("/api/v1/events").status_code == 200  # other calls are not held back


def login(django_client, username: str, password: str, address: str):
    return django_client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_the_admin_login_form_is_limited_per_username_from_one_address(admin_user, rates):
    from django.test import Client

    rates(login_username="5/hour")
    browser = Client()
    codes = [login(browser, "admin", "wrong", "10.1.1.1").status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    refused = login(browser, "admin", "password", "10.1.1.1")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0

    # The real admin, elsewhere, still gets in.
    assert login(Client(), "admin", "password", "10.2.2.2").status_code == 302


def test_the_admin_login_form_is_limited_per_address_over_all_usernames(db, rates):
    from django.test import Client

    rates(login_address="3/hour")
    browser = Client()
    codes = [login(browser, f"user{i}", "wrong", "10.3.3.3").status_code for i in range(4)]
    assert codes == [200, 200, 200, 429]


def test_annotating_draws_one_unit_per_thousand_characters(client, rates):
    rates(cost="250/hour", anon="1000/min")
    body = {"text": "On Monday. " * 9000, "reference_date": "2022-09-28"}  # 99,000 characters: 100 units
    codes = [client.post(ANNOTATE, body, format="json").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.post(ANNOTATE, {"text": "On Monday.", "reference_date": "2022-09-28"}).status_code == 200


def test_a_token_is_given_for_a_form_encoded_body_as_for_json(user):
    from django.test import Client

    response = Client().post("/api/v1/auth/token", {"username": "reader", "password": "reader-password-1"})
    assert response.status_code == 200 and response.json()["token"]
