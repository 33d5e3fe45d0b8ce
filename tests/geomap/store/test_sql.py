"""What both SQL backends share: the counts a reader remembers."""

from __future__ import annotations

from geomap.store.sql import RecentCounts


def test_recent_counts_forget_the_least_recently_used() -> None:
    counts = RecentCounts(kept=2)
    counts.put(("v1", "a"), 1)
    counts.put(("v1", "b"), 2)
    assert counts.get(("v1", "a")) == 1  # now the most recently used
    counts.put(("v1", "c"), 3)
    assert counts.get(("v1", "b")) is None
    assert (counts.get(("v1", "a")), counts.get(("v1", "c"))) == (1, 3)
    assert counts.get(("v2", "a")) is None  # another store version is another key
