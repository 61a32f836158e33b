"""The search backends lean on private parts of modelsearch: an upgrade moving them fails here."""

from portal.search.backends import modelsearch_api
from portal.search.backends.modelsearch_api import postgres


def test_installed_modelsearch_is_the_one_the_backends_were_written_against():
    assert modelsearch_api.installed_version() == modelsearch_api.PINNED_VERSION, (
        "modelsearch changed: re-read what portal/search/backends/modelsearch_api.py lists, "
        "then update PINNED_VERSION and requirements.txt"
    )


def test_every_private_part_the_backends_rely_on_is_still_there():
    assert modelsearch_api.broken_assumptions() == []


def test_a_moved_private_part_is_reported_by_what_the_portal_relied_on(monkeypatch):
    """The check is real: an indexer no longer built by name, as an upgrade might do, is caught."""

    def add_items_without_the_indexer_name(self, model, objs):
        return None

    monkeypatch.setattr(postgres.PostgresIndex, "add_items", add_items_without_the_indexer_name)
    monkeypatch.delattr(postgres.PostgresSearchQueryCompiler, "build_tsrank")

    broken = modelsearch_api.broken_assumptions()

    assert len(broken) == 2
    assert "ObjectIndexer" in broken[0]
    assert "build_tsrank" in broken[1]
