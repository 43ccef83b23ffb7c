"""Property-based tests of the loader: any text cleans without error, and every clean character maps back."""
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.loader import _HARD_BLOCK, clean_text

# Text made of the characters markdown, HTML and footnote handling react to, mixed with arbitrary Unicode.
markup = st.sampled_from(["#", "##", "*", "**", "-", "+", "•", "1.", "a)", "<b>", "</b>", "<sup>1</sup>", "[1]", "^2",
                          "[x](http://e.org)", "<http://e.org>", "\\", "\t", "\n", "\n\n", "\r\n", "---", "   ", "。"])
documents = st.lists(st.one_of(markup, st.text(max_size=30)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_any_text_cleans_and_maps_back(original):
    clean, blocks = clean_text(original)
    text = clean.text
    assert len(text) == len(clean)
    previous_end = 0
    for block in blocks:
        assert previous_end <= block.start <= block.end <= len(text)
        assert block.kind in ("heading", "paragraph", "item", "row")
        previous_end = block.end
    for i, ch in enumerate(text):
        position = clean.origin(i)
        assert 0 <= position <= len(original)
        if not ch.isspace():
            assert original[position] == ch  # a visible character is a copy of the file's character
    for block in blocks:
        start, end = clean.to_original(block.start, block.end)
        assert 0 <= start <= end <= len(original)


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1, max_value=4), st.sampled_from(["\n", " ", ". "]))
def test_text_without_blank_lines_is_cut_into_bounded_blocks(megachars, joint):
    words = ("Northwind opened a plant in Chengdu in 2024" + joint) * (megachars * 25_000)
    _, blocks = clean_text(words)
    assert blocks and max(b.end - b.start for b in blocks) <= _HARD_BLOCK
