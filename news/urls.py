from django.urls import include, path, re_path

from news import views

urlpatterns = [
    # Old portal links (/news/126727/) are routed by the news index; the short link lives here.
    # Anything after /n/ is answered here (a 404 for a bad code), never bounced by APPEND_SLASH.
    re_path(r"^n/(?P<code>[^/]*)/?$", views.redirect_to_article, name="news_short_link"),
    path("news/<int:code>/view/", views.count_view, name="news_count_view"),
    path("", include("news.comments.urls")),
]
