"""Every named query has a header and runs on a built graph."""
import pytest

from kg.query import named_queries, resolve_query, run_query
from kg.resources import query_files
from kg.store import open_store

QUERIES = sorted(named_queries().values(), key=lambda q: q.name)


def test_there_are_at_least_eight_named_queries():
    assert len(query_files()) >= 8


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_query_has_header_and_runs(query, built):
    assert query.title != query.name and query.description
    for param in query.params:
        assert f"?{param}" in query.text.split("WHERE")[0], f"?{param} must be projected to be bindable"
    run_query(open_store(built[0]), query)  # no error, unbound parameters match everything


def test_profile_query_binds_parameter(built):
    result = run_query(open_store(built[0]), resolve_query("organization-profile"), ["name=corning incorporated"])
    assert [row[2] for row in result.rows] == ["Corning"]


def test_people_query_finds_byline_affiliation(built):
    result = run_query(open_store(built[0]), resolve_query("people-and-affiliations"))
    assert ["Maria Lopez", "Executive Vice President", "Corning"] in result.rows


def test_bound_parameter_filters_rows(built):
    store = open_store(built[0])
    every = run_query(store, resolve_query("people-and-affiliations"))
    only = run_query(store, resolve_query("people-and-affiliations"), ["org=Corning"])
    assert only.rows and all(row[2] == "Corning" for row in only.rows)
    assert len(only.rows) < len(every.rows)
