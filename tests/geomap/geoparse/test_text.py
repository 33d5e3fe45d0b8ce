"""The shared tokeniser and run-finder: offsets, keys and flags that hold for any text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from geomap.geoparse.text import TOKEN, capitalised_runs, tokenise

# letters of both cases (some beyond Latin-1), digits, and every character the tokeniser
# treats specially: joiners, quotes, sentence ends, hyphens, underscores, line breaks
_CHARS = "aAbBeEzZéÉßØ19 ..,,''’“”-&_\n\t!?:;("
_WORDS = ["Lakeview", "Ruritania's", "U.S.", "Ga.", "Elm-Grove", "D-Ore.", "and", "of", "x"]

texts = st.lists(st.one_of(st.text(_CHARS, max_size=6), st.sampled_from(_WORDS)), max_size=30).map(
    " ".join
)


@given(texts)
def test_every_token_is_the_text_at_its_offsets(text: str) -> None:
    tokens = tokenise(text)
    for t in tokens:
        assert text[t.start : t.end] == t.text
        assert t.key == t.text.lower()
        assert t.capitalised == t.text[:1].isupper()
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:], strict=False))


@given(texts)
def test_lower_case_words_are_the_patterns_matches(text: str) -> None:
    """A word that does not open with a capital is a token exactly as the pattern found it
    (only capitalised words are cut, extended or split)."""
    lower = [(m.group(), m.start()) for m in TOKEN.finditer(text) if not m.group()[0].isupper()]
    got = [(t.text, t.start) for t in tokenise(text) if not t.capitalised]
    assert got == lower


@given(texts)
def test_runs_hold_capitalised_words_in_text_order(text: str) -> None:
    tokens = tokenise(text)
    runs = capitalised_runs(text, tokens)
    assert capitalised_runs(text, tokens) == runs  # asked again: the same runs
    flat = [i for run in runs for i in run]
    assert flat == sorted(set(flat))
    for run in runs:
        assert tokens[run[0]].capitalised and tokens[run[-1]].capitalised
    assert {i for i, t in enumerate(tokens) if t.capitalised} <= set(flat)


def test_a_possessive_an_abbreviation_and_a_hyphenated_name() -> None:
    text = "Roe left Lakeview's mill for Elm-Grove, Ga. on Monday."
    got = [(t.text, t.start, t.sentence_start) for t in tokenise(text) if t.capitalised]
    assert got == [
        ("Roe", 0, True),
        ("Lakeview", 9, False),
        ("Elm", 29, False),
        ("Grove", 33, False),
        ("Ga.", 40, False),
        ("Monday", 47, False),
    ]
