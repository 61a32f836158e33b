from django.urls import path

from news.comments import views

urlpatterns = [
    path("news/<int:news_code>/comments/", views.comment_page, name="news_comment_page"),
    path(
        "news/<int:news_code>/comments/form/",
        views.comment_form_fragment,
        name="news_comment_form",
    ),
    path("news/comments/status/", views.comment_status, name="news_comment_status"),
]
