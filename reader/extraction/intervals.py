"""A set of [start, end) spans answering "does this overlap anything taken?" in logarithmic time.

A scan over every taken span made long paragraphs quadratic (a 1 MB line of dates took minutes).
"""

from __future__ import annotations

import bisect


class Spans:
    def __init__(self, spans=()):
        self._sorted: list[tuple[int, int]] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._sorted, (start, end))
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        # Only spans starting within the longest span's length before `start` can reach past it.
        lo = bisect.bisect_left(self._sorted, (start - self._longest, -1))
        hi = bisect.bisect_left(self._sorted, (end, -1))
        return any(start < e for _, e in self._sorted[lo:hi])
