"""entities._outermost (issue 20, row 7): one sweep instead of every pair, the same answer as the pairwise rule."""

import random
import time
from dataclasses import dataclass

from reader.extraction.entities import _outermost


@dataclass(frozen=True, eq=False)
class FakeMention:
    """Stands in for an extracted mention: only its bounds matter to _outermost."""

    start: int
    end: int

    @property
    def bounds(self) -> tuple[int, int]:
        return self.start, self.end


def pairwise(mentions):
    """The rule as written before: inside another mention's phrase that is strictly longer."""
    def inside(m, o):
        return o.start <= m.start and m.end <= o.end and (m.end - m.start) < (o.end - o.start)

    return [m for m in mentions if not any(o is not m and inside(m, o) for o in mentions)]


def test_the_sweep_gives_the_pairwise_answer_in_the_same_order():
    rng = random.Random(20)
    for _ in range(3000):
        mentions = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 30)
            mentions.append(FakeMention(start, start + rng.randint(0, 12)))
        if mentions and rng.random() < 0.3:
            mentions.append(FakeMention(*mentions[0].bounds))  # the same bounds twice: neither is inside the other
        assert _outermost(mentions) == pairwise(mentions), mentions


def test_the_examples_of_the_docstring():
    whole, acronym, alone = FakeMention(0, 40), FakeMention(35, 40), FakeMention(50, 55)
    assert _outermost([acronym, whole, alone]) == [whole, alone]


def test_a_long_paragraph_of_names_is_swept_in_well_under_a_second():
    # A 300 KB paragraph of names: 18,000 mentions, each word also inside a two-word phrase. Pairwise, that is
    # 324 million comparisons (minutes; a 1 MB paragraph took 150 s); the sweep sorts once.
    mentions = []
    for k in range(6_000):
        at = k * 50
        mentions += [FakeMention(at, at + 20), FakeMention(at, at + 9), FakeMention(at + 10, at + 20)]
    began = time.perf_counter()
    kept = _outermost(mentions)
    assert time.perf_counter() - began < 1.0
    assert kept == mentions[::3]
