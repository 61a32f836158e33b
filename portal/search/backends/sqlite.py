"""SQLite FTS5, folding spellings, ranking in time that grows with the matches, not their square.

Wagtail's SQLite backend orders by relevance with a correlated subquery that repeats the full-text
MATCH for every matching row: a common word in 1,000 articles took seconds. Here one FTS query
scores every match, one query maps them to objects, the page's own filters and order come from one
plain query of primary keys, and only the rows of the requested page are then loaded.
"""

from portal.search.backends.folding import (
    FoldingQueryMixin,
    RankedResultsMixin,
    add_items_with,
    folding_indexer,
)
from portal.search.backends.modelsearch_api import (
    BM25,
    MatchAll,
    MatchExpression,
    Not,
    get_descendants_content_types_pks,
    normalize,
    sqlite,
)

# Below this many matches the page's filters run on the matches alone (one IN list); above it,
# on the whole table's primary keys, which costs the same whatever the word.
FEW_MATCHES = 500


class FoldingSQLiteIndex(sqlite.SQLiteIndex):
    add_items = add_items_with(folding_indexer(sqlite.ObjectIndexer), sqlite.SQLiteIndex.add_items)


class RankingSQLiteSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    def ranked(self, config):
        """[(pk, score)] of every result in final order, or None where upstream's way is used.

        Cached on the compiler, which a search result and its slices share (a paginator counts,
        then slices: one full-text query serves both).
        """
        cache = self.__dict__.setdefault("_ranked_cache", {})
        if config not in cache:
            cache[config] = self._rank(config)
        return cache[config]

    def _rank(self, config):
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        # Two single-table queries: joined in one, SQLite's planner repeats the MATCH per row.
        matched = sqlite.SQLiteFTSIndexEntry.objects.filter(match)
        bm25 = dict(matched.annotate(score=BM25()).values_list("pk", "score"))
        entries = sqlite.IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(self.queryset.model),
            pk__in=matched.values("pk"),
        ).values_list("pk", "object_id", "title_norm")
        # Upstream's weighting: the title counts again, scaled by its length against the average.
        scores = {
            object_id: bm25[entry_id] * (title_norm + 1.0)
            for entry_id, object_id, title_norm in entries
        }
        if not scores:
            return []
        candidates = self.queryset
        if len(scores) <= FEW_MATCHES:
            candidates = candidates.filter(pk__in=list(scores))
        if self.order_by_relevance:
            allowed = candidates.order_by().values_list("pk", flat=True)
            found = [(pk, scores[str(pk)]) for pk in allowed if str(pk) in scores]
            # bm25() is lower for better matches; newer items first among equals.
            return sorted(found, key=lambda item: (item[1], -item[0]))
        if not candidates.query.order_by:
            candidates = candidates.order_by("-pk")
        ordered = candidates.values_list("pk", flat=True)
        return [(pk, scores[str(pk)]) for pk in ordered if str(pk) in scores]


class RankingSQLiteAutocompleteQueryCompiler(RankingSQLiteSearchQueryCompiler):
    LAST_TERM_IS_PREFIX = True
    TARGET_SEARCH_FIELD_TYPE = sqlite.AutocompleteField
    FTS_TABLE_FIELDS = ["autocomplete"]

    get_config = sqlite.SQLiteAutocompleteQueryCompiler.get_config
    get_search_fields_for_model = sqlite.SQLiteAutocompleteQueryCompiler.get_search_fields_for_model
    get_index_vectors = sqlite.SQLiteAutocompleteQueryCompiler.get_index_vectors


class RankingSQLiteSearchResults(RankedResultsMixin, sqlite.SQLiteSearchResults):
    pass


class FoldingSQLiteSearchBackend(FoldingQueryMixin, sqlite.SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex
    query_compiler_class = RankingSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankingSQLiteAutocompleteQueryCompiler
    results_class = RankingSQLiteSearchResults
