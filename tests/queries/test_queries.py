"""Every named query has a header and runs on a built graph."""
import pytest

from kg.errors import BadParameter
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


def test_policy_citations_keep_firms_when_news_also_cites(tmp_path):
    import pyoxigraph as ox

    from kg.namespaces import PREFIXES

    store = ox.Store()
    prefixes = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
    store.load((prefixes + """
        kg:plan a kg:Policy ; rdfs:label "Green Plan" ; prov:wasDerivedFrom kg:report, kg:news .
        kg:report kg:author kg:acme .  kg:acme rdfs:label "Acme" .
    """).encode(), ox.RdfFormat.TURTLE)
    result = run_query(store, resolve_query("most-cited-policies"))
    assert [list(map(str, row)) for row in result.rows] == [["Green Plan", "2", "Acme"]]


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_query_answers_each_row_once(query, built):
    # a fact stated in several document graphs must not come back once per graph
    rows = run_query(open_store(built[0]), query).rows
    assert len({tuple(r) for r in rows}) == len(rows)


def test_a_parameter_a_named_query_does_not_declare_is_refused_with_what_it_takes(built):
    with pytest.raises(BadParameter, match="partners-of-organization takes name"):
        run_query(open_store(built[0]), resolve_query("partners-of-organization"), ["org=Corning"])
