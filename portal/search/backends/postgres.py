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
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.db.models.expressions import RawSQL

from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

from portal.search.backends import FoldingQueryMixin, add_items_with, folding_indexer

SET_PLANNER = "SELECT set_config('enable_seqscan', %s, true), set_config('jit', %s, true)"


@contextmanager
def index_friendly_planner(using):
    """For the statements inside: no sequential scan of index entries, which would unpack every
    body vector (the planner prices that as cheap), and no JIT compiling, which takes longer than
    these queries. Restored afterwards: ``SET LOCAL`` alone would last until the end of an
    enclosing transaction."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('jit')")
        previous = cursor.fetchone()
        cursor.execute(SET_PLANNER, ["off", "off"])
        yield
        cursor.execute(SET_PLANNER, previous)


class FoldingPostgresIndex(postgres.PostgresIndex):
    add_items = add_items_with(
        folding_indexer(postgres.ObjectIndexer), postgres.PostgresIndex.add_items
    )


class IndexedPostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    @property
    def ranks_in_one_query(self):
        """Plain words over the whole index (what every search of the portal is); phrases,
        fuzzy and per-field searches keep Wagtail's own query."""
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

        The content-type test is computed inside the MATERIALIZED fence and filtered outside it:
        in the scan's WHERE, the planner would answer it from the content-type index and test the
        words on every row instead of asking the GIN indexes. OFFSET 0 keeps the id cast after
        that filter, as only the searched model's ids are known to be integers.
        """
        entries_sql, entries_params = self.matching_entries(config).query.sql_with_params()
        sql = (
            "WITH matches AS MATERIALIZED ("  # noqa: S608 - compiled by the ORM
            f"SELECT *, content_type_id = ANY(%s) AS of_model FROM ({entries_sql}) AS entries) "
            "SELECT id, rank FROM (SELECT object_id::integer AS id, rank FROM matches "
            "WHERE of_model OFFSET 0) AS of_model"
        )
        content_types = get_descendants_content_types_pks(self.queryset.model)
        return sql, (content_types, *entries_params)

    def matching_ids(self, config):
        """The ids of matches, as a subquery for ``pk__in``."""
        sql, params = self.matches_sql(config)
        return RawSQL(f"SELECT id FROM ({sql}) AS ids", params)  # noqa: S608, S611 - ORM-compiled

    def ranked_ids(self, config):
        """[(id, rank)] of every match in the queryset, best first (or in the queryset's order)."""
        queryset = self.queryset
        with index_friendly_planner(queryset.db):
            if not self.order_by_relevance:
                ordered = queryset.filter(pk__in=self.matching_ids(config))
                if not ordered.query.order_by:
                    ordered = ordered.order_by("-pk")
                return [(pk, None) for pk in ordered.values_list("pk", flat=True)]
            sql, params = self.matches_sql(config)
            in_queryset_sql, in_queryset_params = (
                queryset.order_by().values("pk").query.sql_with_params()
            )
            with connections[queryset.db].cursor() as cursor:
                cursor.execute(
                    f"SELECT id, rank FROM ({sql}) AS matched "  # noqa: S608 - compiled SQL
                    f"WHERE id IN ({in_queryset_sql}) ORDER BY rank DESC, id DESC",
                    (*params, *in_queryset_params),
                )
                return cursor.fetchall()


class RankedPostgresSearchResults(postgres.PostgresSearchResults):
    """count() and every slice of one search read one ranked list of ids, fetched once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._ranking = {}  # shared by the slices cloned from these results

    def _clone(self):
        clone = super()._clone()
        clone._ranking = self._ranking
        return clone

    def ranked(self):
        if "ids" not in self._ranking:
            compiler = self.query_compiler
            if not compiler.words():
                self._ranking["ids"] = []
            else:
                self._ranking["ids"] = compiler.ranked_ids(compiler.get_config(self.backend))
        return self._ranking["ids"][self.start : self.stop]

    def _do_count(self):
        if not getattr(self.query_compiler, "ranks_in_one_query", False):  # autocomplete
            return super()._do_count()
        return len(self.ranked())

    def _do_search(self):
        if not getattr(self.query_compiler, "ranks_in_one_query", False):
            return super()._do_search()
        ranked = self.ranked()
        if not ranked:
            return []
        rows = self.query_compiler.queryset.filter(pk__in=[pk for pk, _ in ranked])
        by_pk = {row.pk: row for row in rows}
        results = []
        for pk, rank in ranked:
            row = by_pk.get(pk)
            if row is None:  # unpublished between the two queries
                continue
            if self._score_field:
                setattr(row, self._score_field, rank)
            results.append(row)
        return results


class FoldingPostgresSearchBackend(FoldingQueryMixin, postgres.PostgresSearchBackend):
    index_class = FoldingPostgresIndex
    query_compiler_class = IndexedPostgresSearchQueryCompiler
    results_class = RankedPostgresSearchResults

    def __init__(self, params):
        # PostgreSQL has no Persian configuration, and "arabic" stems Persian words wrongly.
        super().__init__({"SEARCH_CONFIG": "simple", **params})
