from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.account import PasswordResetView
from wagtail.documents import urls as wagtaildocs_urls

from portal.security import throttle_password_resets

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
    path("", include("portal.site_urls")),
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

handler400 = "portal.views.bad_request"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
