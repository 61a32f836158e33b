"""PostgreSQL full-text search ("simple" configuration), folding spellings, using its GIN indexes.

Wagtail's query matches ``(title || body) @@ query`` on index entries joined to the pages: the
concatenation has no index, and even written as ``title @@ q OR body @@ q`` the planner reads
every row for a word found in most articles, unpacking each article's large, out-of-line body
vector (its cost model does not count that). A search here is instead:

1. the matching index entries, answered from the two GIN indexes alone, with each one's rank
   taken from its small title vector in the same row;
2. those entries' objects that are in the searched queryset (live, public, the reader's filters);
3. one ordered list of ids from 1 and 2, from which ``count()`` and every slice are read, so a
   results page costs this one query plus one for its ten rows, not two full searches.
"""

import re
from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery
from django.core.exceptions import EmptyResultSet
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.db.models.expressions import OrderBy

from wagtail.models import Page

from portal.search.backends.folding import (
    FoldingQueryMixin,
    RankedResultsMixin,
    add_items_with,
    folding_indexer,
)
from portal.search.backends.modelsearch_api import (
    Lexeme,
    PlainText,
    get_descendants_content_types_pks,
    postgres,
)

SET_PLANNER = "SELECT set_config('enable_seqscan', %s, true), set_config('jit', %s, true)"


@contextmanager
def index_friendly_planner(using):
    """For the statements inside: no sequential scan of index entries, which would unpack every
    body vector (the planner prices that as cheap), and no JIT compiling, which takes longer than
    these queries. In a transaction of its own the settings end with it (``SET LOCAL``); inside
    an enclosing one they would last to its end, so there they are read first and restored."""
    connection = connections[using]
    nested = connection.in_atomic_block
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if nested:
            cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('jit')")
            previous = cursor.fetchone()
        cursor.execute(SET_PLANNER, ["off", "off"])
        yield
        if nested:
            cursor.execute(SET_PLANNER, previous)


class FoldingPostgresIndex(postgres.PostgresIndex):
    add_items = add_items_with(
        folding_indexer(postgres.ObjectIndexer), postgres.PostgresIndex.add_items
    )


class IndexedPostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def ranked(self, config):
        """[(pk, rank)] of every result in final order, or None where upstream's query is used.

        Plain words over the whole index (what every search of the portal is) are ranked here;
        phrases, fuzzy and per-field searches keep Wagtail's own query. Cached on the compiler,
        which a search result and its slices share.
        """
        cache = self.__dict__.setdefault("_ranked_cache", {})
        if config not in cache:
            cache[config] = self.ranked_ids(config) if self.ranks_in_one_query() else None
        return cache[config]

    def ranks_in_one_query(self):
        primary_key = self.queryset.model._meta.pk
        while primary_key.is_relation:  # a page type's key is its link to wagtailcore.Page
            primary_key = primary_key.target_field
        return (
            isinstance(self.query, PlainText)
            and self.fields is None
            and isinstance(primary_key, models.IntegerField)
        )

    def words(self):
        return [word for word in re.split(r"[\s\-]+", self.query.query_string) if word]

    def matching_entries(self, config):
        """Index entries with every word (or any, for operator "or") in their title or body:
        conditions the GIN indexes answer. Ranked on the title vector alone, as a body rank would
        unpack the body vectors this query avoids."""
        condition = None
        for word in self.words():
            word_query = SearchQuery(Lexeme(word), search_type="raw", config=config)
            in_either = Q(title=word_query) | Q(body=word_query)
            if condition is None:
                condition = in_either
            elif self.query.operator == "and":
                condition &= in_either
            else:
                condition |= in_either
        title_rank = self.build_tsrank(F("title"), self.query, config=config) * F("title_norm")
        return (
            postgres.IndexEntry._default_manager.filter(condition)
            .annotate(rank=title_rank)
            .values("object_id", "content_type_id", "rank")
        )

    def matches_sql(self, config):
        """(id, rank) of the searched model's matching entries, as SQL.

        Pages are most of the index and carry the long bodies. For them the content-type test is
        computed below a fence (OFFSET 0: the planner moves no condition across it) and filtered
        above it: in the scan's WHERE, the planner would answer it from the content-type index
        and test the words on every page's body instead of asking the GIN indexes. Other models
        (e-services, images, documents) are few, and the content-type index finds them at once.
        The outer OFFSET 0 keeps the id cast after the content-type filter: only the searched
        model's ids are known to be integers.
        """
        entries = self.matching_entries(config)
        content_types = get_descendants_content_types_pks(self.queryset.model)
        if not issubclass(self.queryset.model, Page):
            entries_sql, params = entries.filter(
                content_type_id__in=content_types
            ).query.sql_with_params()
            sql = f"SELECT object_id::integer AS id, rank FROM ({entries_sql} OFFSET 0) AS of_model"
            return sql, params
        entries_sql, entries_params = entries.query.sql_with_params()
        sql = (
            "SELECT object_id::integer AS id, rank FROM ("
            f"SELECT *, content_type_id = ANY(%s) AS of_model FROM ({entries_sql}) AS entries "
            "OFFSET 0) AS matches WHERE of_model OFFSET 0"
        )
        return sql, (content_types, *entries_params)

    def ordering(self):
        """[(expression, "DESC NULLS FIRST"...)] that order the matches: the rank for relevance,
        else the queryset's own order (field names and expressions, which Wagtail checked)."""
        if self.order_by_relevance:
            return [(None, "DESC")]
        columns = []
        for item in self.queryset.query.order_by or ["-pk"]:
            if isinstance(item, OrderBy):
                nulls = (
                    " NULLS FIRST" if item.nulls_first else " NULLS LAST" if item.nulls_last else ""
                )
                columns.append((item.expression, ("DESC" if item.descending else "ASC") + nulls))
            else:
                columns.append(
                    (F(item.removeprefix("-")), "DESC" if item.startswith("-") else "ASC")
                )
        return columns

    def ranked_ids(self, config):
        """[(id, rank)] of every match in the queryset, in order, from one statement: the matches
        joined to the queryset's rows (live, public, the reader's filters)."""
        if not self.words():
            return []
        queryset = self.queryset
        ordering = self.ordering()
        matches_sql, matches_params = self.matches_sql(config)
        order_values = {
            f"order_{number}": expression
            for number, (expression, _) in enumerate(ordering)
            if expression is not None
        }
        try:
            rows_sql, rows_params = (
                queryset.order_by()
                .values(search_pk=F("pk"), **order_values)
                .query.sql_with_params()
            )
        except EmptyResultSet:  # .none(), pk__in=[]: nothing to search in
            return []
        order_by = ", ".join(
            f"{'matched.rank' if expression is None else f'in_queryset.order_{number}'} {direction}"
            for number, (expression, direction) in enumerate(ordering)
        )
        with (
            index_friendly_planner(queryset.db),
            connections[queryset.db].cursor() as cursor,
        ):
            cursor.execute(
                f"SELECT matched.id, matched.rank FROM ({matches_sql}) AS matched "
                f"JOIN ({rows_sql}) AS in_queryset ON in_queryset.search_pk = matched.id "
                f"ORDER BY {order_by}, matched.id DESC",
                (*matches_params, *rows_params),
            )
            return cursor.fetchall()


class RankedPostgresSearchResults(RankedResultsMixin, postgres.PostgresSearchResults):
    pass


class FoldingPostgresSearchBackend(FoldingQueryMixin, postgres.PostgresSearchBackend):
    index_class = FoldingPostgresIndex
    query_compiler_class = IndexedPostgresSearchQueryCompiler
    results_class = RankedPostgresSearchResults

    def __init__(self, params):
        # PostgreSQL has no Persian configuration, and "arabic" stems Persian words wrongly.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
