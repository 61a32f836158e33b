"""The project's wiring: the one module of portal/ that knows which apps exist.

Apps never import portal's wiring and portal's other modules never import the apps
(tests/portal/test_dependencies.py): each app owns its URLs, its API endpoints (news/api.py,
eservices/api.py) and its search results, and this file joins them under one site.
"""

from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import PasswordResetView
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from eservices import api as eservices_api
from news import api as news_api
from news.search import views as search_views
from portal import views
from portal.security import throttle_password_resets

api_router = WagtailAPIRouter("wagtailapi")
for endpoint in (*news_api.API_ENDPOINTS, *eservices_api.API_ENDPOINTS):
    api_router.register_endpoint(endpoint.name, endpoint)

urlpatterns = [
    # Wagtail's own view, limited per address and per e-mail (django-axes guards only the login).
    path(
        "admin/password_reset/",
        throttle_password_resets(PasswordResetView.as_view()),
        name="wagtailadmin_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("captcha/", include("news.comments.captcha_urls")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.health, name="health"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("search/", search_views.search, name="search"),
    path("api/v2/", api_router.urls),
    path("", include("news.urls")),
    path("", include("eservices.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every address not matched above; it must stay last.
urlpatterns += [path("", include(wagtail_urls))]

# Django's own 404 handler serves templates/404.html. 400 and 500 are ours, for reasons given there.
handler400 = "portal.views.bad_request"
handler500 = "portal.views.server_error"
