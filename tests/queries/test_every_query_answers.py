"""Every named query answers on the shipped corpus, bound as the README's named-query table says."""
from __future__ import annotations

import re

import pytest

from kg.query import named_queries, resolve_query, run_query
from kg.store import open_store

from ..conftest import REPO


def readme_examples() -> dict[str, list[str]]:
    """name -> the bindings of the README's "answers on corpus/ with" column."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text[text.index("### Named queries"):]
    rows = re.findall(r"^\| `([\w-]+)` \|[^|]*\|[^|]*\| ([^|]*) \|$", table, re.M)
    return {name: re.findall(r"`([^`]+)`", example) for name, example in rows}


def test_the_readme_table_lists_every_named_query():
    assert set(readme_examples()) == set(named_queries())


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_query_answers_on_the_corpus(name, corpus_built):
    bindings = readme_examples()[name]
    rows = run_query(open_store(corpus_built), resolve_query(name), bindings).rows
    assert rows, f"{name} {' '.join(bindings)} answered no row on corpus/"
