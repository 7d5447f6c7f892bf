import pytest
from django.urls import reverse

from intake.models import Proposal
from intake.services.proposals import proposals_propose
from tests.factories import SourceFactory
from tests.fake_reader import fake_reader  # noqa: F401 (a fixture)
from timeline.models import Citation, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fake_reader")]

HOSTILE = "Intro <script>alert('x')</script>. The embassy said on Tuesday that citizens should leave."


@pytest.fixture
def proposals():
    source = SourceFactory(text=HOSTILE + " Tanks crossed the border on Monday.")
    proposals_propose(source=source)
    return list(Proposal.objects.order_by("kind"))


def test_the_proposal_list_and_a_proposal_page_open_for_staff(admin_client, proposals):
    listing = admin_client.get(reverse("admin:intake_proposal_changelist") + "?state__exact=pending")

    assert listing.status_code == 200
    assert "Tanks crossed the border on Monday." in listing.content.decode()
    assert admin_client.get(reverse("admin:intake_importjob_changelist")).status_code == 200


def test_the_sentence_is_highlighted_in_its_article_with_the_article_escaped(admin_client, proposals):
    statement = next(p for p in proposals if p.kind == "statement")

    page = admin_client.get(reverse("admin:intake_proposal_change", args=[statement.pk])).content.decode()

    assert "<mark>The embassy said on Tuesday that citizens should leave.</mark>" in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "<script>alert('x')</script>" not in page


def test_admin_actions_accept_and_reject_in_bulk(admin_client, admin_user, proposals):
    url = reverse("admin:intake_proposal_changelist")
    citation, statement = proposals

    admin_client.post(url, {"action": "accept_selected", "_selected_action": [citation.pk, statement.pk]})

    assert Citation.objects.count() == 1 and Statement.objects.count() == 1
    assert set(Proposal.objects.values_list("state", "reviewed_by")) == {("accepted", admin_user.pk)}
    response = admin_client.post(url, {"action": "reject_selected", "_selected_action": [citation.pk]}, follow=True)
    assert "Nothing rejected: Proposal" in response.content.decode()
    assert Proposal.objects.get(pk=citation.pk).state == "accepted"


def test_an_edit_in_the_admin_goes_through_the_checks(admin_client, proposals):
    statement = next(p for p in proposals if p.kind == "statement")
    url = reverse("admin:intake_proposal_change", args=[statement.pk])
    form = {
        "char_start": statement.char_start,
        "char_end": statement.char_end,
        "mode": "direct",
        "speaker_name": "U.S. Embassy",
        "speaker": "",
        "event": "",
        "event_title": "",
        "date_text": "Tuesday",
    }

    bad = admin_client.post(url, {**form, "char_end": 10_000})
    assert bad.status_code == 200 and "Offsets must satisfy" in bad.content.decode()
    admin_client.post(url, form)

    statement.refresh_from_db()
    assert (statement.speaker_name, statement.mode) == ("U.S. Embassy", "direct")
