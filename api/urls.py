"""API routes: one router for the resources, plus the annotate endpoint, tokens, the schema and its docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from api import intake, tokens, views
from api.docs import OfflineRedocView, OfflineSwaggerView

app_name = "api"

# No ".json" suffix routes: `?format=` chooses a format, and "/events/0.5" is a plain JSON 404.
router = DefaultRouter(trailing_slash=False)
router.include_format_suffixes = False
router.register("sources", views.SourceViewSet, basename="source")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("events", views.EventViewSet, basename="event")
router.register("statements", views.StatementViewSet, basename="statement")
router.register("timeline", views.TimelineViewSet, basename="timeline")
router.register("stories", views.StoryViewSet, basename="story")
router.register("jobs", intake.ImportJobViewSet, basename="job")
router.register("proposals", intake.ProposalViewSet, basename="proposal")
router.register("feeds", intake.FeedViewSet, basename="feed")

urlpatterns = [
    # Before the router, whose sources/{id} would take "import" for an id.
    path("api/v1/sources/import", intake.SourceImportView.as_view(), name="source-import"),
    path(
        "api/v1/actors/<int:pk>/timeline",
        views.ActorTimelineViewSet.as_view({"get": "list"}),
        name="actor-timeline",
    ),
    path("api/v1/sources/import-many", intake.SourceImportManyView.as_view(), name="source-import-many"),
    path("api/v1/", include(router.urls)),
    path("api/v1/dates/annotate", views.AnnotateDatesView.as_view(), name="dates-annotate"),
    path("api/v1/auth/token", tokens.ObtainTokenView.as_view(), name="auth-token"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", OfflineSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("api/redoc/", OfflineRedocView.as_view(url_name="api:schema", template_name="api/redoc.html"), name="redoc"),
    # Last: any other path under /api/ is a JSON 404, not Django's HTML page.
    re_path(r"^api/", views.not_found, name="not-found"),
]
