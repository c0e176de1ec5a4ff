"""The recurrence ``h_t = w_x x_t + w_h h_{t-1}``, ``y_t = σ(s h_t)``: closed form of ``h_T``.

With the homework's weights (``w_x = 1``, ``w_h = -1``, ``s = 1000``, ``h_0 = 0``) and an even
length T, ``h_T = Σ_k (-1)^k x_k``: the even-step inputs minus the odd-step inputs. The
closed form is checked against the unrolled recurrence for several T; the named wrong
answers (:meth:`RecurrenceDerivation.mistakes`) are derived the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import sympy as sp

from .base import Derivation, Step, equation, in_order, tex

X = sp.Function("x")
H = sp.Function("h")
Y = sp.Function("y")
SIGMA = sp.Function("sigma")
T, K, PAIR, t = sp.symbols("T k i t", integer=True, positive=True)
VERIFY_LENGTHS = tuple(range(1, 11))


@dataclass(frozen=True)
class RecurrenceSetup:
    """The network of the problem's figure."""

    input_weight: int
    recurrent_weight: int
    output_scale: int
    h0: int


@cache
def unroll(setup: RecurrenceSetup, length: int, recurrent_weight: int | None = None) -> sp.Expr:
    """``h_length`` by running the recurrence step by step (optionally with another w_h)."""
    w_h = setup.recurrent_weight if recurrent_weight is None else recurrent_weight
    h: sp.Expr = sp.Integer(setup.h0)
    for t in range(1, length + 1):
        h = sp.expand(setup.input_weight * X(t) + w_h * h)
    return h


def closed_form(setup: RecurrenceSetup) -> sp.Expr:
    """``h_T = Σ_k w_x w_h^(T-k) x_k + w_h^T h_0`` with T symbolic."""
    w_x, w_h = setup.input_weight, setup.recurrent_weight
    return sp.Sum(w_x * w_h ** (T - K) * X(K), (K, 1, T)) + w_h**T * setup.h0


@dataclass(frozen=True)
class RecurrenceDerivation(Derivation):
    """Worked solution plus the targets of the ``recurrence`` check."""

    setup: RecurrenceSetup
    verified_lengths: tuple[int, ...]

    def hidden(self, length: int) -> sp.Expr:
        """The reference ``h_T`` for a concrete length."""
        return unroll(self.setup, length)

    def output(self, length: int) -> sp.Expr:
        """The reference ``y_T = σ(s h_T)`` (σ left unevaluated)."""
        return SIGMA(self.setup.output_scale * self.hidden(length))

    def mistakes(self, length: int) -> dict[str, sp.Expr]:
        """Wrong values of ``h_T`` that students write, each derived, by name."""
        right = self.hidden(length)
        w_x, w_h = self.setup.input_weight, self.setup.recurrent_weight
        return {
            "sign_flipped": sp.expand(-right),
            "no_alternation": unroll(self.setup, length, recurrent_weight=abs(w_h)),
            "one_step": sp.expand(w_x * X(length) + w_h * w_x * X(length - 1)),
            # h_{t-1} taken as the plain sum of the earlier inputs: x_T - (x_1 + … + x_{T-1})
            "minus_all_earlier": sp.expand(
                w_x * X(length) + w_h * w_x * sum(X(t) for t in range(1, length))
            ),
        }


def _unrolled_steps(setup: RecurrenceSetup, upto: int) -> str:
    rows = []
    for t in range(1, upto + 1):
        h = unroll(setup, t)
        ordered = in_order(*(h.coeff(X(k)) * X(k) for k in range(t, 0, -1)))
        rows.append(equation(H(t), ordered))
    return (
        r"\begin{aligned}"
        + r" \\ ".join(r.replace(" = ", " &= ", 1) for r in rows)
        + r"\end{aligned}"
    )


def _even_form(setup: RecurrenceSetup) -> tuple[sp.Expr, bool]:
    """Σ (-1)^k x_k for T = 2m, and whether it equals the closed form's sign pattern."""
    m = sp.Symbol("m", integer=True, positive=True)
    general = setup.input_weight * setup.recurrent_weight ** (2 * m - K)
    simple = sp.powsimp(sp.simplify(general))
    return simple, sp.simplify(general - simple) == 0


def _saturation(scale: int) -> sp.Float:
    """``1 - σ(s)``: how far the output is from 1 for a difference of one."""
    return sp.N(1 / (1 + sp.exp(scale)), 3)


@cache
def derive(input_weight: int, recurrent_weight: int, output_scale: int, h0: int):
    """The worked solution for one network; the closed form is checked by unrolling."""
    setup = RecurrenceSetup(input_weight, recurrent_weight, output_scale, h0)
    general = closed_form(setup)
    verified = tuple(
        n for n in VERIFY_LENGTHS if sp.expand(general.subs(T, n).doit() - unroll(setup, n)) == 0
    )
    if verified != VERIFY_LENGTHS:
        failed = sorted(set(VERIFY_LENGTHS) - set(verified))
        raise ArithmeticError(f"the closed form differs from the unrolled recurrence at T={failed}")
    sign, holds = _even_form(setup)
    if not holds:
        raise ArithmeticError("the even-length sign pattern does not simplify")
    even_sum = sp.Sum(sign * X(K), (K, 1, T))
    paired = sp.Sum(in_order(X(2 * PAIR), -X(2 * PAIR - 1)), (PAIR, 1, T / 2))
    evens, odds = sp.Sum(X(2 * PAIR), (PAIR, 1, T / 2)), sp.Sum(X(2 * PAIR - 1), (PAIR, 1, T / 2))
    output = SIGMA(sp.Mul(output_scale, in_order(evens, -odds), evaluate=False))
    steps = (
        Step(
            "Write the recurrence from the figure.",
            equation(H(t), in_order(input_weight * X(t), recurrent_weight * H(t - 1)))
            + r", \quad "
            + equation(Y(t), SIGMA(sp.Mul(output_scale, H(t), evaluate=False)))
            + r", \quad "
            + equation(H(0), h0),
        ),
        Step("Unroll the first steps.", _unrolled_steps(setup, 4)),
        Step(
            "The pattern, checked against the unrolled recurrence for T = "
            + ", ".join(str(n) for n in verified)
            + ".",
            equation(H(T), general),
        ),
        Step(
            "For even T the sign of x_k depends only on k.",
            equation(H(T), even_sum) + " = " + tex(paired),
        ),
        Step(
            "So the output at the last step is the sigmoid of "
            f"{output_scale} times the difference D between the sum of the even-step "
            "inputs and the sum of the odd-step inputs.",
            equation(Y(T), output),
        ),
        Step(
            "The inputs are integers, so D is an integer: y_T is 1/2 when D = 0 and "
            "otherwise within this distance of 1 (D ≥ 1) or of 0 (D ≤ -1).",
            f"1 - {tex(SIGMA(output_scale))} = {tex(_saturation(output_scale))}",
        ),
    )
    answer = equation(Y(T), SIGMA(sp.Mul(output_scale, even_sum, evaluate=False)))
    title = "Recurrences using RNNs"
    return RecurrenceDerivation(title, steps, answer, setup, verified)


def from_setup(setup: dict) -> RecurrenceDerivation:
    """The derivation for a problem YAML's ``setup`` mapping."""
    return derive(
        int(setup["input_weight"]),
        int(setup["recurrent_weight"]),
        int(setup["output_scale"]),
        int(setup["h0"]),
    )
