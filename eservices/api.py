"""The e-service endpoints of the JSON API (registered in portal/urls.py): active items only,
in the editors' order; link-check results and other editors' data have no field here."""

from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.views import BaseAPIViewSet

from eservices.models import EService, Hotline
from portal.api import CheckedParametersMixin


class EServicesAPIViewSet(CheckedParametersMixin, BaseAPIViewSet):
    """/api/v2/eservices/: active e-services in the editors' order; ?category=, ?popular=true."""

    name = "eservices"
    model = EService
    body_fields = ["id", "title", "description", "address", "category", "popular"]
    listing_default_fields = ["id", "type", "detail_url", *body_fields[1:]]
    filter_backends = [FieldsFilter, SearchFilter]

    def get_queryset(self):
        return EService.objects.active().order_by("sort_order", "id")


class HotlinesAPIViewSet(CheckedParametersMixin, BaseAPIViewSet):
    """/api/v2/hotlines/: active help lines in the editors' order."""

    name = "hotlines"
    model = Hotline
    body_fields = ["id", "number", "title", "description", "hours"]
    listing_default_fields = ["id", "type", "detail_url", *body_fields[1:]]

    def get_queryset(self):
        return Hotline.objects.active().order_by("sort_order", "id")


API_ENDPOINTS = [EServicesAPIViewSet, HotlinesAPIViewSet]
