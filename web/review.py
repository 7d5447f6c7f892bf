"""The review desk: an editor decides an article's proposals one at a time, with the keyboard.

GET  /review/                       the queue: articles with pending proposals, newest first, filtered
GET  /review/sources/<id>?p=&edit=  the article's text with its pending proposals, and one proposal's card
POST /review/sources/<id>           a decision: accept (with corrections), reject, undo, bulk accept

Without JavaScript every action is a plain form and a decision answers with a redirect to the next
card (POST-redirect-GET). With it (review.js) the same forms are sent by fetch with an
`X-Requested-With: fetch` header, and the answer is the desk's HTML alone, swapped in place. Reads go
through intake.selectors, writes through intake.services.review; this module only routes.
"""

from __future__ import annotations

import time
from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from intake import selectors
from intake.models import Proposal, ProposalState
from intake.services import review
from intake.services.bulk_accept import proposals_accept_above
from timeline.models import Source
from web.review_forms import CorrectionsForm, DecisionForm, QueueFilterForm

PERMISSION = "intake.change_proposal"
# The site's name in the header, as on the other pages; each review template names its own page.
TITLE = "News timeline"


def editors_only(view):
    """Anonymous users go to the login page; users without the review permission get a 403."""

    @wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url=reverse("admin:login"))
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied("Reviewing needs the permission to change proposals.")
        return view(request, *args, **kwargs)

    return checked


def is_fetch(request: HttpRequest) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def desk_url(source: Source, proposal_id: int | None = None, *, edit: bool = False) -> str:
    params = {"p": proposal_id} if proposal_id else {}
    if edit:
        params["edit"] = 1
    query = urlencode(params)
    return reverse("web:review-source", args=[source.pk]) + (f"?{query}" if query else "")


@editors_only
@require_http_methods(["GET", "HEAD"])
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    story = filters.get("story")
    sources = list(
        selectors.review_queue(
            story=story.slug if story else "",
            kind=filters.get("kind", ""),
            min_confidence=filters.get("confidence"),
        )
    )
    context = {
        "title": TITLE,
        "form": form,
        "sources": sources,
        "total": sum(s.pending for s in sources),
    }
    return render(request, "web/review/queue.html", context)


def _render_desk(request, source: Source, current_id: int | None, *, form=None, status: int = 200, notice: str = ""):
    desk = selectors.review_desk(source=source, current_id=current_id, user=request.user)
    current = desk.current
    if form is None and current is not None and request.GET.get("edit"):
        form = CorrectionsForm(proposal=current)
    context = {
        "title": TITLE,
        "desk": desk,
        "current": current,
        "form": form,
        "notice": notice,
        "next": desk.neighbour(1),
        "previous": desk.neighbour(-1),
        "decision": DecisionForm(),
    }
    template = "web/review/_desk.html" if is_fetch(request) else "web/review/source.html"
    response = render(request, template, context, status=status)
    if current is not None:
        response["X-Review-Url"] = desk_url(source, current.pk, edit=form is not None)
    return response


@editors_only
@require_http_methods(["GET", "HEAD", "POST"])
def source(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Source.objects.defer("notes"), pk=pk)
    if request.method == "POST":
        return decide(request, article)
    try:
        current_id = int(request.GET.get("p", ""))
    except ValueError:
        current_id = None
    return _render_desk(request, article, current_id)


def _answer(request, article: Source, next_id: int | None, notice: str, *, status: int = 200) -> HttpResponse:
    """After a decision: the next card, in place (fetch) or by redirect (a plain form)."""
    if is_fetch(request):
        return _render_desk(request, article, next_id, notice=notice, status=status)
    if notice:
        (messages.success if status == 200 else messages.error)(request, notice)
    return redirect(desk_url(article, next_id))


def _accept(request, article: Source, proposal: Proposal, version: int | None) -> HttpResponse:
    form = None
    corrections = None
    if "words" in request.POST:  # the edit form: accept with corrections
        form = CorrectionsForm(request.POST, proposal=proposal)
        if not form.is_valid():
            return _render_desk(request, article, proposal.pk, form=form, status=400)
        corrections = form.corrections()
    try:
        review.review_accept(proposal_id=proposal.pk, user=request.user, version=version, corrections=corrections)
    except ValidationError as error:
        if form is None:
            return _answer(request, article, proposal.pk, "Not done: " + " ".join(error.messages), status=400)
        form.add_service_errors(error)
        return _render_desk(request, article, proposal.pk, form=form, status=400)
    edited = " with your corrections" if corrections else ""
    return _answer(
        request, article, selectors.next_pending(source=article, after=proposal.char_start), f"Accepted{edited}."
    )


def _decide(request, article: Source, data: dict) -> HttpResponse:
    action = data["action"]
    if action == "undo":
        undone = review.review_undo(user=request.user, source=article)
        if undone is None:
            return _answer(request, article, None, "Nothing of yours to undo here.", status=400)
        return _answer(request, article, undone.pk, f"Undone: that proposal is {ProposalState.PENDING} again.")
    if action == "bulk":
        accepted = proposals_accept_above(source=article, min_confidence=data["confidence"], user=request.user)
        return _answer(
            request, article, None, f"Accepted {len(accepted)} at confidence {data['confidence']:g} or more."
        )
    proposal = get_object_or_404(Proposal.objects.select_related("source"), pk=data["proposal"], source=article)
    if action == "accept":
        return _accept(request, article, proposal, data.get("version"))
    review.review_reject(proposal_id=proposal.pk, user=request.user, version=data.get("version"))
    return _answer(request, article, selectors.next_pending(source=article, after=proposal.char_start), "Rejected.")


def decide(request: HttpRequest, article: Source) -> HttpResponse:
    started = time.perf_counter()
    decision = DecisionForm(request.POST)
    if not decision.is_valid():
        errors = "; ".join(m for messages_ in decision.errors.values() for m in messages_)
        response = _answer(request, article, None, f"Not done: {errors}", status=400)
    else:
        try:
            response = _decide(request, article, decision.cleaned_data)
        except review.DecisionConflict as conflict:
            response = _answer(request, article, conflict.proposal.pk, str(conflict), status=409)
        except ValidationError as error:
            response = _answer(request, article, None, "Not done: " + " ".join(error.messages), status=400)
    # The server's own time for the decision, for the browser test and anyone watching the network panel.
    response["Server-Timing"] = f"decide;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response
