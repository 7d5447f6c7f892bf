"""Content negotiation: an unknown `?format=` is a 400 naming the parameter, not DRF's 404."""

from django.http import Http404
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation


class FormatParameterNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        if request.method == "OPTIONS":
            # The answer is a JSON description of the endpoint, which an export renderer (CSV,
            # iCalendar) cannot write, whatever format the query string asks for.
            json_renderers = [r for r in renderers if r.media_type == "application/json"] or renderers
            return json_renderers[0], json_renderers[0].media_type
        return super().select_renderer(request, renderers, format_suffix)

    def filter_renderers(self, renderers, format):
        try:
            return super().filter_renderers(renderers, format)
        except Http404:
            known = ", ".join(sorted({r.format for r in renderers if r.format}))
            raise ValidationError({self.settings.URL_FORMAT_OVERRIDE: [f"Unknown format; one of: {known}."]}) from None
