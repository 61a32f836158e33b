"""The news endpoints of the JSON API, /api/v2/news/ and /api/v2/tags/ (wired in portal/urls.py).

Only what a reader of the public site can see: live, public articles (no drafts, no pages behind
a view restriction) and the tags in use on them. Comments and editors' internals (owners,
revisions) have no field here at all.
"""

from types import SimpleNamespace

from rest_framework.fields import IntegerField

from django.db.models import Count, Prefetch, Q

from taggit.models import Tag
from wagtail.api import APIField
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model

from news.models import NewsPage
from portal.api import CheckedParametersMixin, SingleValuedOrderingFilter
from portal.api_fields import API_IMAGE_RENDITION
from portal.text import fold_for_search


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
            queryset = queryset.tagged(tag_ids.get(fold_for_search(name), []))
        other_parameters = request.GET.copy()
        del other_parameters["tags"]
        queryset = super().filter_queryset(SimpleNamespace(GET=other_parameters), queryset, view)
        # Wagtail refuses ?search= together with a tag filter; it looks for this mark.
        queryset._filtered_by_tag = True
        return queryset


def with_checked_ordering(backends):
    return [
        SingleValuedOrderingFilter if backend is OrderingFilter else backend for backend in backends
    ]


class NewsAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    """/api/v2/news/: ?tags=<name>, ?section=<id>, ?search=<words>, ?order=-published_at."""

    name = "news"
    model = NewsPage
    filter_backends = [
        FoldedTagsFilter,
        *with_checked_ordering(
            backend for backend in PagesAPIViewSet.filter_backends if backend is not FieldsFilter
        ),
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
        # The base queryset keeps Wagtail's notion of the request's site.
        on_this_site = self.get_base_queryset().values("pk")
        return (
            NewsPage.objects.published()
            .filter(pk__in=on_this_site)
            .select_related("section")
            .prefetch_related("tags", Prefetch("main_image", queryset=images))
            .newest_first()
        )


class TagsAPIViewSet(CheckedParametersMixin, BaseAPIViewSet):
    """/api/v2/tags/: the tags of published articles, with how many articles carry each."""

    name = "tags"
    model = Tag
    body_fields = ["id", "name", "slug", APIField("news_count", serializer=IntegerField())]
    listing_default_fields = ["id", "type", "detail_url", "name", "slug", "news_count"]
    filter_backends = [FieldsFilter, SingleValuedOrderingFilter]

    def get_queryset(self):
        in_published = Q(news_newspagetag_items__content_object__in=NewsPage.objects.published())
        return (
            Tag.objects.filter(in_published)
            .annotate(news_count=Count("news_newspagetag_items", filter=in_published))
            .order_by("name", "id")
        )


API_ENDPOINTS = [NewsAPIViewSet, TagsAPIViewSet]
