"""Site-wide addresses of the portal app itself (robots, sitemap, search and API join here)."""

from django.urls import path

from wagtail.contrib.sitemaps.views import sitemap

from portal import views
from portal.api import api_router
from portal.search import views as search_views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.health, name="health"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("search/", search_views.search, name="search"),
    path("api/v2/", api_router.urls),
]
