"""Scores are rounded once, in one place: a simple share (a multiple of 1/16) is exact, any
other share of a part's points is rounded to 3 decimals; sums lose only float noise."""

from __future__ import annotations

import pytest

from grader.results import SCORE_DECIMALS, part_score, sum_points


@pytest.mark.parametrize(
    ("fraction", "points", "score"),
    [
        (2 / 3, 4, 2.667),  # not 2.6666
        (1 / 3, 4, 1.333),  # not 1.3334
        (0.6667, 3, 2.0),  # a fraction rounded earlier: not 2.0001, above a bound of 2
        (1.0, 0.1875, 0.1875),  # full credit is the part's points exactly
        (0.5, 0.1875, 0.09375),  # a simple share stays exact
        (0.5, 0.625, 0.3125),
        (0.3, 0.625, 0.188),
        (0.0, 3, 0.0),
    ],
)
def test_a_parts_share_is_rounded_to_three_decimals(fraction, points, score) -> None:
    got = part_score(fraction, points)
    assert got == score and got <= points
    if (fraction * 16) % 1:
        assert len(repr(got).split(".")[1]) <= SCORE_DECIMALS


def test_sums_carry_no_float_noise() -> None:
    assert sum_points([0.1, 0.2]) == 0.3
    assert sum_points([0.1875, 2.667, 3]) == 5.8545
    assert sum_points([0.09375, 0.1875]) == 0.28125
    assert repr(sum_points([-0.0])) == "0.0"
