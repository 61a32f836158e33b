"""Every name of modelsearch (Wagtail 8's search) that the portal's backends use, in one place.

The query classes (modelsearch.query) and index fields are modelsearch's public API. Everything
else below is private: the database backends' indexes, compilers and results, and a few of their
helpers. The backends import these names from here only, and
tests/portal/test_search_upstream.py checks each assumption listed in ASSUMPTIONS against the
installed modelsearch, and that it is the version these were read from (PINNED_VERSION, pinned in
requirements.txt): an upgrade fails that test loudly instead of the search quietly going wrong.

What would let this module go:
- an indexer hook on the database indexes (an ``object_indexer_class`` attribute, or a
  ``prepare_value`` hook per backend): folding at index time would need no ``add_items_with``;
- a text-analysis hook for queries (what Elasticsearch calls an analyzer), for folding queries;
- upstream ranking that does not repeat the FTS5 MATCH per row (SQLite) and lets PostgreSQL answer
  matches from the GIN indexes (postgres.py explains the planner's trap): the two ranking
  compilers and RankedResultsMixin would then go, with the private results attributes.
"""

import inspect
from importlib import import_module
from importlib.metadata import version

from django.db import connection

from modelsearch.backends import base, elasticsearchbase
from modelsearch.backends.database import fallback
from modelsearch.backends.database.postgres import postgres
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

PINNED_VERSION = "1.3.2"
# modelsearch's SQLite modules look up a model that exists only on SQLite: imported on first use,
# which only the SQLite backend makes.
SQLITE_NAMES = {
    "sqlite": ("modelsearch.backends.database.sqlite.sqlite", None),
    "BM25": ("modelsearch.backends.database.sqlite.query", "BM25"),
    "MatchExpression": ("modelsearch.backends.database.sqlite.query", "MatchExpression"),
    "normalize": ("modelsearch.backends.database.sqlite.query", "normalize"),
}


def __getattr__(name):
    if name not in SQLITE_NAMES:
        raise AttributeError(name)
    module_name, attribute = SQLITE_NAMES[name]
    module = import_module(module_name)
    return module if attribute is None else getattr(module, attribute)


def sqlite_in_use():
    return connection.vendor == "sqlite"


# Also, imported on first use: the names of SQLITE_NAMES.
__all__ = [
    "And",
    "Boost",
    "Fuzzy",
    "Lexeme",
    "MatchAll",
    "Not",
    "Or",
    "Phrase",
    "PlainText",
    "elasticsearchbase",
    "fallback",
    "fts5_available",
    "fts_table_exists",
    "get_descendants_content_types_pks",
    "postgres",
]


def _names_used_by(function):
    """Global names a function's code reads, its comprehensions and inner functions included."""
    names, codes = set(), [function.__code__]
    while codes:
        code = codes.pop()
        names.update(code.co_names)
        codes.extend(const for const in code.co_consts if inspect.iscode(const))
    return names


def _source_of(function):
    return inspect.getsource(function)


def _sqlite():
    return __getattr__("sqlite")


def _indexer_built_by_name(module, index_class):
    return "ObjectIndexer" in _names_used_by(index_class.add_items) and hasattr(
        module.ObjectIndexer, "prepare_value"
    )


def _results_api_holds(results_class):
    return all(
        f"self.{name} =" in _source_of(base.BaseSearchResults.__init__)
        for name in ("start", "stop", "query_compiler", "backend", "_score_field")
    ) and all(callable(getattr(results_class, name, None)) for name in ("_do_count", "_do_search"))


def _index_entry_columns_hold(model):
    wanted = {"title", "body", "title_norm", "content_type", "object_id"}
    return wanted <= {field.name for field in model._meta.get_fields()}


# (what the portal relies on, a check that is True while it holds, engine: None for any, or
# "sqlite" for what can only be imported on SQLite)
ASSUMPTIONS = [
    (
        "the PostgreSQL index's add_items builds the module-level ObjectIndexer by name "
        "(folding.add_items_with swaps that name)",
        lambda: _indexer_built_by_name(postgres, postgres.PostgresIndex),
        None,
    ),
    (
        "the SQLite index's add_items builds the module-level ObjectIndexer by name",
        lambda: _indexer_built_by_name(_sqlite(), _sqlite().SQLiteIndex),
        "sqlite",
    ),
    (
        "a backend's _search(query_compiler_class, query, model_or_queryset, **kwargs) receives "
        "every query, for search and autocomplete alike (FoldingQueryMixin folds it there)",
        lambda: (
            list(inspect.signature(base.BaseSearchBackend._search).parameters)
            == ["self", "query_compiler_class", "query", "model_or_queryset", "kwargs"]
            and "self._search(" in _source_of(base.BaseSearchBackend.search)
            and "self._search(" in _source_of(base.BaseSearchBackend.autocomplete)
        ),
        None,
    ),
    (
        "search results read their slice from start/stop, their compiler from query_compiler, "
        "their backend from backend and the score's name from _score_field, and are computed "
        "by _do_count() and _do_search() (RankedResultsMixin)",
        lambda: _results_api_holds(postgres.PostgresSearchResults),
        None,
    ),
    (
        "SQLite's search results are computed by _do_count() and _do_search() too",
        lambda: _results_api_holds(_sqlite().SQLiteSearchResults),
        "sqlite",
    ),
    (
        "a query compiler keeps query, fields, order_by_relevance and queryset as attributes",
        lambda: all(
            f"self.{name} =" in _source_of(base.BaseSearchQueryCompiler.__init__)
            for name in ("query", "fields", "order_by_relevance", "queryset")
        ),
        None,
    ),
    (
        "the PostgreSQL compiler has get_config(backend) and build_tsrank(vector, query, config)",
        lambda: (
            callable(postgres.PostgresSearchQueryCompiler.get_config)
            and {"vector", "query", "config"}
            <= set(inspect.signature(postgres.PostgresSearchQueryCompiler.build_tsrank).parameters)
        ),
        None,
    ),
    (
        "the SQLite compilers have FTS_TABLE_FIELDS, build_search_query(query, config), "
        "get_config, get_search_fields_for_model and get_index_vectors",
        lambda: (
            _sqlite().SQLiteSearchQueryCompiler.FTS_TABLE_FIELDS == ["title", "body"]
            and "config"
            in inspect.signature(_sqlite().SQLiteSearchQueryCompiler.build_search_query).parameters
            and all(
                callable(getattr(_sqlite().SQLiteAutocompleteQueryCompiler, name, None))
                for name in ("get_config", "get_search_fields_for_model", "get_index_vectors")
            )
        ),
        "sqlite",
    ),
    (
        "index entries have title, body, title_norm, content_type and object_id columns",
        lambda: _index_entry_columns_hold(postgres.IndexEntry),
        None,
    ),
    (
        "SQLite's FTS index entries exist beside the index entries",
        lambda: (
            _index_entry_columns_hold(_sqlite().IndexEntry)
            and _sqlite().SQLiteFTSIndexEntry is not None
        ),
        "sqlite",
    ),
    (
        "an Elasticsearch/OpenSearch mapping builds each field's document data in "
        "_get_document_field_data(field, obj) as (name, value, edgengrams) "
        "(elasticsearch.FoldingMappingMixin folds the last two)",
        lambda: (
            list(
                inspect.signature(
                    elasticsearchbase.ElasticsearchBaseMapping._get_document_field_data
                ).parameters
            )
            == ["self", "field", "obj"]
            and "name, value, field_edgengrams = self._get_document_field_data(field, obj)"
            in _source_of(elasticsearchbase.ElasticsearchBaseMapping.get_document)
        ),
        None,
    ),
]


def broken_assumptions():
    """The assumptions above that the installed modelsearch no longer meets; those of SQLite's
    modules only where SQLite is the database (elsewhere they cannot be imported)."""
    broken = []
    for description, holds, engine in ASSUMPTIONS:
        if engine == "sqlite" and not sqlite_in_use():
            continue
        try:
            ok = holds()
        except (AttributeError, TypeError, ValueError, OSError, LookupError) as error:
            ok, description = False, f"{description} ({error!r})"
        if not ok:
            broken.append(description)
    return broken


def installed_version():
    return version("modelsearch")
