"""Bad input through the CLI: a one-line error naming the input and exit 1, or a warning where the input
can still be used; never a traceback, never a half-written output.  (More cases: test_cli.)"""
import os
import shutil
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

from ..conftest import FIXTURES, TEST_CORPUS

runner = CliRunner()


def kg(*args):
    return runner.invoke(app, [str(a) for a in args])


def lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.strip()]


def assert_one_line_error(result, *needles: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = lines(result)
    assert line.startswith("error: ") and all(n in line for n in needles), line


def write_big(path: Path, megabytes: int) -> Path:
    paragraph = ("Northwind Robotics opened a plant in Chengdu in 2024 and plans a second one. " * 12 + "\n") * 10
    chunk = paragraph.encode() * (1_000_000 // len(paragraph) + 1)
    with open(path, "wb") as handle:
        for _ in range(megabytes):
            handle.write(chunk[:1_000_000])
    return path


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    big = write_big(tmp_path / "huge.txt", 50)
    tracemalloc.start()
    result = kg("build", big, "--store", tmp_path / "s", "--out", tmp_path / "out")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert_one_line_error(result, str(big), "50.0 MB is over the 20 MB limit", "--max-file-mb 50")
    assert peak < 20_000_000  # the file was never read whole
    assert not (tmp_path / "out").exists() and not (tmp_path / "s").exists()


def test_an_oversized_file_in_a_directory_is_skipped_with_a_warning(tmp_path, cli_nlp):
    corpus = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, corpus)
    write_big(corpus / "dump.txt", 2)
    result = kg("build", corpus, "--store", tmp_path / "s", "--out", tmp_path / "out", "--max-file-mb", "1")
    assert result.exit_code == 0, result.output
    assert f"warning: {corpus / 'dump.txt'}: 2.0 MB is over the 1 MB limit for one document" in result.output
    assert "documents: 4" in result.output


def test_unsupported_files_in_a_directory_are_skipped_with_a_warning(tmp_path, cli_nlp):
    corpus = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, corpus)
    (corpus / "logo.png").write_bytes(b"\x89PNG\r\n")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    result = kg("build", corpus, "--store", tmp_path / "s", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"warning: {corpus / 'logo.png'}: skipped (unsupported file type .png)" in result.output
    assert f"warning: {corpus / 'notes.docx'}: skipped (unsupported file type .docx)" in result.output
    assert "SHACL:     conforms" in result.output


def test_non_utf8_text_builds_with_a_warning(tmp_path, cli_nlp):
    latin1 = FIXTURES / "bad" / "latin1.txt"
    result = kg("build", latin1, "--store", tmp_path / "s", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"warning: {latin1}: not valid UTF-8; undecodable bytes were replaced" in result.output
    assert (tmp_path / "out" / "kg.ttl").is_file()


def test_a_document_with_no_entities_builds_with_a_warning(tmp_path, cli_nlp):
    plain = tmp_path / "weather.txt"
    plain.write_text("The weather was mild all week.\n\nThe river was calm and the evenings were long.\n", encoding="utf-8")
    result = kg("build", plain, "--store", tmp_path / "s", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert f"warning: {plain}: no organizations, people, places or facts found" in result.output
    assert "documents: 1" in result.output and "SHACL:     conforms" in result.output


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = kg("build", fifo, "--store", tmp_path / "s", "--out", tmp_path / "out")
    assert_one_line_error(result, str(fifo), "cannot be read (not a regular file)")


def test_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("Corning opened a plant in Chongqing.", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):  # what chmod 000 does for a user who is not root (the tests may run as root)
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = kg("build", locked, "--store", tmp_path / "s", "--out", tmp_path / "out")
    assert_one_line_error(result, str(locked), "cannot be read (Permission denied)")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("text", [
    "@prefix x: <http://x/> .\nx:a x:b\n",
    "<http://x/a> <http://x/b> \"unterminated .\n",
    "@prefix x <http://x/> .\n",
])
def test_malformed_turtle_given_to_validate(tmp_path, text):
    bad = tmp_path / "bad.ttl"
    bad.write_text(text, encoding="utf-8")
    assert_one_line_error(kg("validate", bad), str(bad), "not valid RDF")


def test_validate_of_a_missing_file(tmp_path):
    assert_one_line_error(kg("validate", tmp_path / "none.ttl"), str(tmp_path / "none.ttl"))


def test_a_closed_pipe_ends_the_output_quietly(built):
    """`kg show X | head -1`: the reader leaves early; kg stops without an error line."""
    import fcntl
    import subprocess
    import sys

    from ..conftest import REPO

    read, write = os.pipe()
    fcntl.fcntl(read, fcntl.F_SETPIPE_SZ, 4096)  # a small pipe, so the card does not fit in it
    process = subprocess.Popen([sys.executable, "-m", "kg", "show", "Corning", "--limit", "0", "--store", str(built[0])],
                               cwd=REPO, stdout=write, stderr=subprocess.PIPE)
    os.close(write)
    with os.fdopen(read, "rb") as reader:
        assert reader.readline().startswith(b"Corning")
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0 and b"error" not in stderr and b"Traceback" not in stderr, stderr
