"""API routes. The API issue fills the router; this keeps the project importable until then."""

urlpatterns: list = []
