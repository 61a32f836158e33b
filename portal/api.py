"""What every endpoint of the read-only JSON API at /api/v2/ shares; the endpoints live in the apps.

Each app owns its endpoints (news/api.py, eservices/api.py) and builds them from these pieces;
portal/urls.py registers them on one router. Nothing here knows which apps exist.

A bad parameter is a 400 with a message in Wagtail's own words and language, never a 500: a number
too large for the database would otherwise reach it and fail there (PostgreSQL: "bigint out of
range"; SQLite: "Python int too large to convert to SQLite INTEGER").
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.utils import BadRequestError

SEARCH_OPERATORS = {"and", "or"}
# Ranges of the model fields as declared, not as one database stores them, so SQLite (which
# keeps any 64-bit integer) answers exactly as PostgreSQL does.
FIELD_RANGES = BaseDatabaseOperations.integer_field_ranges
BIGINT_RANGE = FIELD_RANGES["BigIntegerField"]
# Parameters that name a page by id, wherever Wagtail's page filters accept them.
PAGE_ID_PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of")


def integer_range(field):
    """The values a database column behind this field accepts, or None if it is not a number."""
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if not isinstance(field, (models.IntegerField, models.AutoField)):
        return None
    return FIELD_RANGES.get(field.get_internal_type(), BIGINT_RANGE)


def check_integer(name, value, bounds):
    """400 for an integer the database cannot hold; anything else is left to Wagtail's checks."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return
    low, high = bounds
    if not low <= number <= high:
        raise BadRequestError(f"{name} must be an integer between {low} and {high}")


class CheckedParametersMixin:
    """Checks every numeric parameter an endpoint takes before any query runs: paging, page ids,
    model fields used as filters and the id in the address. Also ?search_operator=, which Wagtail
    passes on unchecked (an unknown one is a 500 there)."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        self.check_numbers(queryset.model)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def numeric_parameters(self, model):
        """Each numeric parameter this endpoint accepts, with the range its column holds."""
        high = BIGINT_RANGE[1]
        # offset + limit must still be a number the database can read.
        bounds = {"offset": (0, high - 1000), "limit": (0, high)}
        page_id = integer_range(models.AutoField())
        for name in PAGE_ID_PARAMETERS:
            if name in self.known_query_parameters:
                bounds[name] = page_id
        for name in self.get_available_fields(model, db_fields_only=True):
            try:
                field_range = integer_range(model._meta.get_field(name))
            except FieldDoesNotExist:
                continue
            if field_range is not None:
                bounds[name] = field_range
        bounds.setdefault("id", integer_range(model._meta.pk))
        return bounds

    def check_numbers(self, model):
        bounds = self.numeric_parameters(model)
        for name, value in self.request.GET.items():
            if name in bounds:
                check_integer(name, value, bounds[name])

    def detail_view(self, request, pk):
        check_integer("id", pk, integer_range(self.model._meta.pk))
        return super().detail_view(request, pk)

    def find_view(self, request):
        if "id" in request.GET:
            check_integer("id", request.GET["id"], integer_range(self.model._meta.pk))
        return super().find_view(request)


class SingleValuedOrderingFilter(OrderingFilter):
    """?order= by fields with one value per item only: ordering by tags would list an article
    once per tag."""

    def filter_queryset(self, request, queryset, view):
        for name in (request.GET.get("order") or "").split(","):
            name = name.strip().lstrip("-")
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.many_to_many or field.one_to_many:
                raise BadRequestError(
                    f"cannot order by '{name}' (it holds several values per item)"
                )
        return super().filter_queryset(request, queryset, view)
