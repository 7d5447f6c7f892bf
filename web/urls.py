"""The pages for people, at the site's root."""

from django.urls import path

from web import review, views

app_name = "web"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("sources/<int:pk>", views.source, name="source"),
    path("actors/<int:pk>", views.actor, name="actor"),
    path("timelinejs", views.timelinejs, name="timelinejs"),
    path("review/", review.queue, name="review"),
    path("review/sources/<int:pk>", review.source, name="review-source"),
]
