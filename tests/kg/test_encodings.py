"""Line ends and encodings (hostile-run row 8): the hash is the file's bytes', and every evidence offset pair
slices the file's decoded text to the quoted sentence, for LF, CRLF, CR, a UTF-8 BOM and UTF-16/32 files."""
import codecs
import hashlib

import pytest

from kg.build import build
from kg.store import open_store

TEXT = ("# Northwind Robotics in Chengdu\n\n"
        "Northwind Robotics opened a new plant in Chengdu in 2024.\n"
        "The plant makes industrial robots for Siemens and Bosch.\n\n"
        "Siemens signed a strategic cooperation agreement with Northwind Robotics in 2023.\n")

VARIANTS = {
    "lf": lambda t: t.encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "utf8-bom": lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"),
    "utf16-le": lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le"),
    "utf16-be": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf32-le": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
}
DECODE = {"utf8-bom": "utf-8-sig", "utf16-le": "utf-16", "utf16-be": "utf-16", "utf32-le": "utf-32"}

EVIDENCE = """
PREFIX kg: <https://w3id.org/ccec-kg/ontology#>
SELECT ?quote ?start ?end WHERE { ?e a kg:Evidence ; kg:quote ?quote ; kg:startOffset ?start ; kg:endOffset ?end }
"""


@pytest.mark.parametrize("variant", VARIANTS)
def test_offsets_slice_the_file_and_the_hash_is_the_bytes(variant, tmp_path, nlp):
    data = VARIANTS[variant](TEXT)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "northwind.txt").write_bytes(data)
    summary = build([corpus], store_path=tmp_path / "store", out_dir=tmp_path / "out", nlp=nlp)
    assert summary.report.conforms and not summary.warnings, summary.warnings
    store = open_store(tmp_path / "store")
    hashes = {s["h"].value for s in store.query(
        "SELECT ?h WHERE { ?d <https://w3id.org/ccec-kg/ontology#sha256> ?h }", use_default_graph_as_union=True)}
    assert hashes == {hashlib.sha256(data).hexdigest()}
    decoded = data.decode(DECODE.get(variant, "utf-8"))  # what any reader of the file gets; a BOM is no text
    rows = list(store.query(EVIDENCE, use_default_graph_as_union=True))
    assert len(rows) >= 3
    for row in rows:
        piece = decoded[int(row["start"].value):int(row["end"].value)]
        assert " ".join(piece.split()) == row["quote"].value, (variant, piece)
    quotes = {row["quote"].value for row in rows}
    assert "Northwind Robotics opened a new plant in Chengdu in 2024." in quotes
