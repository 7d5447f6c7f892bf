"""API tokens: a username and password exchanged for the user's token, with logins limited."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import parsers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response

from api import serializers
from api.parsers import BoundedJSONParser
from api.throttles import LoginAddressThrottle, LoginUsernameThrottle
from api.views import ERRORS


class ObtainTokenView(ObtainAuthToken):
    # JSON, or a form as DRF's own token view takes (`curl -d username=...`).
    parser_classes = [BoundedJSONParser, parsers.FormParser, parsers.MultiPartParser]
    throttle_classes = [LoginUsernameThrottle, LoginAddressThrottle]

    @extend_schema(
        operation_id="auth_token_create",
        summary="Get an API token",
        description=(
            "Exchange a username and password for the user's token (created on first request, the same "
            "one after). Send it on writes as the header `Authorization: Token <token>`. "
            "The body is JSON or a form. Attempts are limited per username from one client address "
            "(API_LOGIN_USERNAME_THROTTLE_RATE, 20 an hour by default) and per client address over all "
            "usernames (API_LOGIN_ADDRESS_THROTTLE_RATE, 60 an hour); past either, 429 with `Retry-After` "
            "in seconds. Someone else's attempts from another address never lock a user out."
        ),
        request={
            "application/json": serializers.TokenRequestSerializer,
            "application/x-www-form-urlencoded": serializers.TokenRequestSerializer,
            "multipart/form-data": serializers.TokenRequestSerializer,
        },
        responses={
            200: serializers.TokenResponseSerializer,
            400: ERRORS[400],
            429: OpenApiResponse(
                serializers.ErrorSerializer,
                description="Too many attempts for this username or from this address; see Retry-After.",
            ),
        },
        examples=[
            *(
                OpenApiExample(
                    f"Credentials ({media_type})",
                    request_only=True,
                    media_type=media_type,
                    value={"username": "editor", "password": "…"},
                )
                for media_type in ("application/json", "application/x-www-form-urlencoded", "multipart/form-data")
            ),
            OpenApiExample("A token", response_only=True, value={"token": "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"}),
        ],
    )
    def post(self, request, *args, **kwargs) -> Response:
        return super().post(request, *args, **kwargs)
