"""Site-wide addresses of the portal app itself (robots, sitemap, search and API join here)."""

from django.urls import path

from portal import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
