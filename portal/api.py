"""The read-only JSON API at /api/v2/ (Wagtail API v2): news, tags, e-services and hotlines.

Only what a reader of the public site can see: live, public articles (no drafts, no pages behind
a view restriction), active e-services and hotlines, tags in use on those articles. Comments and
editors' internals (owners, revisions, link-check results) have no field here at all.
"""

from types import SimpleNamespace

from rest_framework.fields import IntegerField

from django.db.models import Count, Prefetch, Q

from taggit.models import Tag
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model

from eservices.models import EService, Hotline
from news.models import NewsPage
from portal.api_fields import API_IMAGE_RENDITION
from portal.text import fold_for_search

api_router = WagtailAPIRouter("wagtailapi")
SEARCH_OPERATORS = {"and", "or"}


class CheckedSearchMixin:
    """Wagtail passes ?search_operator= on unchecked, and an unknown one is a 500 there."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")


class FoldedTagsFilter(FieldsFilter):
    """?tags= finds a tag however it is spelled: ي or ی, a space or a ZWNJ, any digits.

    Wagtail compares the stored name exactly. Tag names are few, so they are folded here in
    one query; each requested name must match (as Wagtail's own filter does with commas).
    """

    def filter_queryset(self, request, queryset, view):
        wanted = request.GET.get("tags")
        if wanted is None:
            return super().filter_queryset(request, queryset, view)
        if "\x00" in wanted:
            raise BadRequestError("field filter error. null characters are not allowed for tags")
        tag_ids = {}
        for tag_id, name in Tag.objects.values_list("id", "name"):
            tag_ids.setdefault(fold_for_search(name), []).append(tag_id)
        for name in wanted.split(","):
            queryset = queryset.filter(tags__in=tag_ids.get(fold_for_search(name), []))
        other_parameters = request.GET.copy()
        del other_parameters["tags"]
        queryset = super().filter_queryset(SimpleNamespace(GET=other_parameters), queryset, view)
        # Wagtail refuses ?search= together with a tag filter; it looks for this mark.
        queryset._filtered_by_tag = True
        return queryset


class NewsAPIViewSet(CheckedSearchMixin, PagesAPIViewSet):
    """/api/v2/news/: ?tags=<name>, ?section=<id>, ?search=<words>, ?order=-published_at."""

    name = "news"
    model = NewsPage
    filter_backends = [
        FoldedTagsFilter,
        *(backend for backend in PagesAPIViewSet.filter_backends if backend is not FieldsFilter),
    ]
    # Only articles here: "type" would switch the listing to other page types.
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"type"}
    meta_fields = [field for field in PagesAPIViewSet.meta_fields if field != "parent"]
    detail_only_fields = []
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "news_code",
        "over_title",
        "lead",
        "published_at",
        "published_at_jalali",
        "section",
        "tags",
    ]

    def get_queryset(self):
        images = get_image_model().objects.prefetch_renditions(API_IMAGE_RENDITION)
        return (
            NewsPage.objects.filter(pk__in=self.get_base_queryset().values_list("pk", flat=True))
            .select_related("section")
            .prefetch_related("tags", Prefetch("main_image", queryset=images))
            .order_by("-published_at", "-news_code")
        )


class TagsAPIViewSet(BaseAPIViewSet):
    """/api/v2/tags/: the tags of published articles, with how many articles carry each."""

    name = "tags"
    model = Tag
    body_fields = ["id", "name", "slug", APIField("news_count", serializer=IntegerField())]
    listing_default_fields = ["id", "type", "detail_url", "name", "slug", "news_count"]
    filter_backends = [FieldsFilter, OrderingFilter]

    def get_queryset(self):
        published = NewsPage.objects.live().public().values("pk")
        in_published = Q(news_newspagetag_items__content_object__in=published)
        return (
            Tag.objects.filter(in_published)
            .annotate(news_count=Count("news_newspagetag_items", filter=in_published))
            .order_by("name", "id")
        )


class EServicesAPIViewSet(CheckedSearchMixin, BaseAPIViewSet):
    """/api/v2/eservices/: active e-services in the editors' order; ?category=, ?popular=true."""

    name = "eservices"
    model = EService
    body_fields = ["id", "title", "description", "address", "category", "popular"]
    listing_default_fields = ["id", "type", "detail_url", *body_fields[1:]]
    filter_backends = [FieldsFilter, SearchFilter]

    def get_queryset(self):
        return EService.objects.filter(active=True).order_by("sort_order", "id")


class HotlinesAPIViewSet(BaseAPIViewSet):
    """/api/v2/hotlines/: active help lines in the editors' order."""

    name = "hotlines"
    model = Hotline
    body_fields = ["id", "number", "title", "description", "hours"]
    listing_default_fields = ["id", "type", "detail_url", *body_fields[1:]]

    def get_queryset(self):
        return Hotline.objects.filter(active=True).order_by("sort_order", "id")


for viewset in (NewsAPIViewSet, TagsAPIViewSet, EServicesAPIViewSet, HotlinesAPIViewSet):
    api_router.register_endpoint(viewset.name, viewset)
