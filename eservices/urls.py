from django.urls import path

from eservices import views

app_name = "eservices"

urlpatterns = [
    path("services/", views.services, name="services"),
    path("centres/", views.centres, name="centres"),
]
