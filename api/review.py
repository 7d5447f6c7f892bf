"""The review decisions in the API, the same as the review desk's (intake.services.review):

POST /api/v1/proposals/{id}/accept   optional body: the version seen, and corrections before accepting
POST /api/v1/proposals/{id}/reject   optional body: the version seen
POST /api/v1/proposals/undo          undo your last decision (in one source, when `source` is given)

A decision on a proposal someone else decided (or changed) meanwhile is a 409 naming their decision.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from api.serializers import ErrorSerializer
from api.strict import StrictTypesMixin
from intake.services import review
from timeline.models import Source


def conflict(message: str) -> ValidationError:
    """A 409 in the errors' one shape, keyed `state` as an accept of a decided proposal was before."""
    error = ValidationError({"state": [message]})
    error.status_code = status.HTTP_409_CONFLICT
    return error


CONFLICT = OpenApiResponse(ErrorSerializer, description="Decided or changed by someone else meanwhile; nothing done.")


class DecisionSerializer(StrictTypesMixin, serializers.Serializer):
    version = serializers.IntegerField(
        min_value=0, required=False, help_text="The proposal's version you saw; a 409 if it has changed since."
    )


class AcceptSerializer(DecisionSerializer):
    """Corrections made before accepting; what is left out stays as proposed."""

    words = serializers.CharField(required=False, help_text="The words, within the sentence; offsets are recomputed.")
    speaker_id = serializers.IntegerField(required=False, help_text="Statements: an existing actor who speaks.")
    speaker_name = serializers.CharField(
        required=False, help_text="Statements: a new speaker's name (an actor known by it is used)."
    )
    mode = serializers.CharField(required=False, help_text="Statements: direct or reported.")
    event_title = serializers.CharField(required=False, help_text="Citations: the new event's title.")
    event_id = serializers.IntegerField(required=False, help_text="Citations: an existing event to join.")
    date_text = serializers.CharField(
        required=False, allow_blank=True, help_text="The date as written; the engine must read it."
    )

    def corrections(self) -> review.Corrections:
        data = dict(self.validated_data)
        data.pop("version", None)
        return review.Corrections(**data)


class UndoSerializer(StrictTypesMixin, serializers.Serializer):
    source = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.only("pk"), required=False, help_text="Undo your last decision in this source only."
    )


ACCEPT_EXAMPLE = OpenApiExample(
    "Corrected speaker and date", value={"version": 0, "speaker_id": 12, "date_text": "Tuesday"}, request_only=True
)
REJECT_EXAMPLE = OpenApiExample("As seen", value={"version": 0}, request_only=True)
UNDO_EXAMPLE = OpenApiExample("In one source", value={"source": 5}, request_only=True)


class ReviewActionsMixin:
    """accept, reject and undo on the proposals' viewset."""

    def _decide(self, decision, **kwargs):
        try:
            return decision(user=self.request.user, **kwargs)
        except review.DecisionConflict as lost:
            raise conflict(str(lost)) from None

    @extend_schema(
        summary="Accept a proposal, with corrections",
        description=(
            "Creates its statement (and speaker) or its citation (on its event, or a new one), resolves their "
            "dates, and records who accepted. The body may correct the words (within the sentence), the speaker, "
            "the mode, the event or its title, and the date first; a bad correction is a 400 naming the field, "
            "and nothing is written. Needs change_proposal."
        ),
        request=AcceptSerializer,
        responses={409: CONFLICT},
        examples=[ACCEPT_EXAMPLE],
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None) -> Response:
        body = AcceptSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        proposal = self.get_object()
        accepted = self._decide(
            review.review_accept,
            proposal_id=proposal.pk,
            version=body.validated_data.get("version"),
            corrections=body.corrections(),
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=accepted.pk)).data)

    @extend_schema(
        summary="Reject a proposal",
        description="It stays rejected: reading the article again never proposes it again.",
        request=DecisionSerializer,
        responses={409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None) -> Response:
        body = DecisionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        proposal = self.get_object()
        self._decide(review.review_reject, proposal_id=proposal.pk, version=body.validated_data.get("version"))
        return Response(self.get_serializer(self.get_queryset().get(pk=proposal.pk)).data)

    @extend_schema(
        summary="Undo your last decision",
        description=(
            "Your latest accept or reject (in one source, with `source`) goes back to pending; what accepting "
            "wrote (the statement, the citation, an event or speaker it made) is removed, with history. "
            "A 404 when there is nothing of yours to undo. Needs change_proposal."
        ),
        request=UndoSerializer,
        responses={409: CONFLICT},
    )
    @action(detail=False, methods=["post"])
    def undo(self, request) -> Response:
        body = UndoSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        undone = self._decide(review.review_undo, source=body.validated_data.get("source"))
        if undone is None:
            return Response({"detail": "You have no decision to undo."}, status=status.HTTP_404_NOT_FOUND)
        return Response(self.get_serializer(self.get_queryset().get(pk=undone.pk)).data)
