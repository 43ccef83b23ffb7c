"""The committed tune/check split follows its stated rule, so nobody moved a file to the side that scores better."""
import tomllib

from bench.score import SPLIT_FILE, split_side


def test_every_listed_file_is_on_the_side_the_rule_puts_it():
    split = tomllib.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    listed = [(name, side) for group in split.values() for side in ("tune", "check") for name in group[side]]
    assert len(listed) == 24
    assert [(n, s) for n, s in listed if split_side(n) != s] == []
    assert {s for _, s in listed} == {"tune", "check"}
