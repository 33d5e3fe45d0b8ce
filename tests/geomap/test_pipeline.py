"""The pipeline on texts longer than any report: read block by block with offsets into the
whole text, and bounded by the number of place mentions."""

from __future__ import annotations

from geomap import pipeline as pipeline_module
from geomap.geoparse.segment import BLOCK
from geomap.reports.text import parse_document
from geomap.settings import Settings

PARAGRAPH = (
    "Troops were sent from Kharkiv to Dnipro on 3 May 2020, officials in Kyiv said.\n\n"
    "Police arrested protesters in Lyon and Marseille.\n\n"
)


def test_a_long_text_is_read_in_blocks_with_offsets_into_the_whole(
    settings: Settings,
    pipeline_factory,  # type: ignore[no-untyped-def]
) -> None:
    pipeline = pipeline_factory(settings)
    text = "Reports\n\n" + PARAGRAPH * (3 * BLOCK // len(PARAGRAPH))
    doc = parse_document(text.encode(), "long.txt")
    one = pipeline.extract(parse_document(("Reports\n\n" + PARAGRAPH).encode(), "one.txt"))
    ex = pipeline.extract(doc)
    assert not ex.notes
    per_paragraph = len([t for t in one.toponyms if t.span.start >= len("Reports\n\n")])
    assert len(ex.toponyms) == per_paragraph * (len(text) // len(PARAGRAPH))
    for t in ex.toponyms:
        assert text[t.span.start : t.span.end] == t.span.text
    last = max(t.span.start for t in ex.toponyms)
    assert last > 2 * BLOCK


def test_a_document_is_read_up_to_the_mention_bound(
    settings: Settings,
    pipeline_factory,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(pipeline_module, "MAX_DOCUMENT_MENTIONS", 50)
    pipeline = pipeline_factory(settings)
    text = "Reports\n\n" + PARAGRAPH * 100
    ex = pipeline.extract(parse_document(text.encode(), "many.txt"))
    assert len(ex.toponyms) == 50
    stop = ex.toponyms[-1].span.end
    assert ex.notes == (
        f"more than 50 place mentions: read the first {stop:,} of {len(text):,} characters",
    )
    assert all(i.quote.end <= stop for i in ex.incidents)


def test_a_town_matched_only_by_another_name_abroad_is_left_out(
    settings: Settings,
    pipeline_factory,  # type: ignore[no-untyped-def]
) -> None:
    # "Abbas" is only another name of a small town in Pakistan; the text is about Ohio
    pipeline = pipeline_factory(settings)
    text = "A poster of Abbas hung in the hall in Dayton, where students from Columbus, Ohio, met."
    ex = pipeline.extract(parse_document(text.encode(), "poster.txt"))
    assert [t.span.text for t in ex.toponyms] == ["Dayton", "Columbus", "Ohio"]
