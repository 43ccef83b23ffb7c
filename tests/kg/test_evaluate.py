"""`kg eval`: matching rules on hand-made predictions, and the whole command on the test corpus graph."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.evaluate import evaluate, score_file
from kg.matching import Predicted, dice, name_key
from kg.gold import load_gold
from kg.store import open_store

from ..conftest import FIXTURES, TEST_CORPUS

GOLD = FIXTURES / "gold"


def test_name_key_ignores_case_articles_legal_forms_and_punctuation():
    assert name_key("The Corning Incorporated") == name_key("corning") == "corning"
    assert name_key("AT&S") == name_key("at s")
    assert name_key("Chongqing University") != name_key("Chongqing")
    assert name_key("王伟") == "王伟" != name_key("李娜")  # names in any script keep their letters


def test_dice_on_content_words():
    assert dice("14th Five-Year Plan", "the 14th Five-Year Plan (2021-2025)") >= 0.6
    assert dice("Foreign Investment Law", "14th Five-Year Plan") == 0.0


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD / "advisory-reports--corning.json", corpus_dir=TEST_CORPUS)


def test_gold_quotes_are_located_in_the_source(gold):
    text = (TEST_CORPUS / "advisory-reports.md").read_text(encoding="utf-8")
    [facility, _] = gold.items["facility"]
    a, b = facility.span
    assert text[a:b] == "Corning operates a finishing plant in Chongqing"
    # markdown and line breaks inside a quote do not stop it being found
    assert gold.items["person"][0].span is not None


def _at(gold, quote: str) -> tuple[str, int, int, str]:
    text = (TEST_CORPUS / gold.source).read_text(encoding="utf-8")
    start = text.index(quote)
    return (gold.source, start, start + len(quote), quote)


def test_facility_needs_operator_and_overlapping_evidence(gold):
    sentence = _at(gold, "Corning operates a finishing plant in Chongqing")
    right = Predicted("f1", {"Corning plant"}, [sentence], {"operatedBy": [{"Corning"}], "locatedIn": [{"Chongqing"}]})
    wrong_operator = Predicted("f2", {"HP plant"}, [sentence], {"operatedBy": [{"HP"}]})
    wrong_place = Predicted("f3", {"Corning plant"}, [sentence], {"operatedBy": [{"Corning"}], "locatedIn": [{"Chengdu"}]})
    for pred, tp in ((right, 1), (wrong_operator, 0), (wrong_place, 0)):
        scores, _ = score_file(gold, {"facility": [pred]})
        assert scores["facility"].tp == tp


def test_each_gold_entry_matches_one_prediction(gold):
    sentence = _at(gold, "Corning Incorporated was founded in 1851")
    twins = [Predicted(f"o{i}", {"Corning"}, [sentence]) for i in range(2)]
    scores, errors = score_file(gold, {"organization": twins})
    assert (scores["organization"].tp, scores["organization"].fp) == (1, 1)
    assert [e.error for e in errors if e.kind == "organization"].count("false positive") == 1


def test_out_of_scope_predictions_are_ignored(gold):
    elsewhere = _at(gold, "HP and Qualcomm presented")
    scores, _ = score_file(gold, {"organization": [Predicted("o", {"HP"}, [elsewhere])]})
    assert scores["organization"].fp == 0


def test_evaluate_the_test_corpus_graph(built):
    report = evaluate(open_store(built[0]), [GOLD], corpus_dir=TEST_CORPUS)
    scores = report.scores
    assert report.files == 1
    assert scores["recommendation"].tp == 2 and scores["recommendation"].fp == 0
    assert scores["facility"].tp == 2
    assert scores["partnership"].tp == 1
    assert scores["person"].f1 == 1.0
    assert 0 < report.macro_f1 <= 1


def test_eval_cli_json_and_errors(built):
    result = CliRunner().invoke(app, ["eval", str(GOLD), "--corpus", str(TEST_CORPUS), "--store", str(built[0]),
                                      "--json", "--show-errors"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload["kinds"]) == {"organization", "person", "facility", "partnership", "project", "policy", "recommendation"}
    assert all({"error", "kind", "name", "sentence"} <= set(e) for e in payload["errors"])


def test_eval_help_documents_the_matching_rules():
    result = CliRunner().invoke(app, ["eval", "--help"])
    assert result.exit_code == 0 and "partnership" in result.output and "Dice" in result.output


@pytest.mark.parametrize("content,message", [
    ("not json", "not a gold annotation file"),
    ('{"source": "missing.md", "lines": [1, 2]}', "is missing"),
    ('{"source": "advisory-reports.md", "lines": [5, 9999]}', "outside the file"),
])
def test_bad_gold_file_is_one_line_error(built, tmp_path: Path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(bad), "--corpus", str(TEST_CORPUS), "--store", str(built[0])])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
