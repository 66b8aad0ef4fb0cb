"""The folded check-yourself answers of the Stat 110 posts: each typed result equals an exact computation.

The answers are exact fractions derived by hand, so they are typed in the page; this test recomputes each one
independently (enumeration or exact rational arithmetic, plus the package where it has the function) and checks
that both languages' answer, inside the right lecture's section, shows that fraction.
"""

from __future__ import annotations

import itertools
import math
import re
from fractions import Fraction

import numpy as np
import pytest

from sitetools import ROOT
from studynotes.prob import (
    binomial_pmf,
    cauchy_cdf_lotp,
    disease_test_posterior,
    gamblers_ruin_win_prob,
    hypergeometric_pmf,
    monty_hall_win_prob,
    mc_estimate,
    multinomial_conditional,
    multinomial_pmf,
    negative_binomial_pmf,
    normal_cdf,
    normal_pdf,
    sample_unit_disc,
)


def matching_at_least_one(n: int) -> Fraction:
    perms = list(itertools.permutations(range(n)))
    return Fraction(sum(any(p[j] == j for j in range(n)) for p in perms), len(perms))


def monty_switch_win(doors: int) -> Fraction:
    """Enumerate the game: car uniform, Monty opens one random goat door other than door 0, switch at random."""
    win = Fraction(0)
    for car in range(doors):
        openable = [d for d in range(1, doors) if d != car]
        for opened in openable:
            others = [d for d in range(1, doors) if d != opened]
            for switch_to in others:
                p = Fraction(1, doors) * Fraction(1, len(openable)) * Fraction(1, len(others))
                win += p * (switch_to == car)
    return win


def ruin(i: int, N: int, p: Fraction) -> Fraction:
    """Solve p_k = p p_{k+1} + q p_{k-1}, p_0 = 0, p_N = 1 exactly, by shooting on p_1."""
    q = 1 - p
    a, b = [Fraction(0), Fraction(1)], [Fraction(0), Fraction(0)]  # p_k = a_k * x + b_k with x = p_1
    for k in range(1, N):
        a.append((a[k] - q * a[k - 1]) / p)
        b.append((b[k] - q * b[k - 1]) / p)
    x = (1 - b[N]) / a[N]
    return a[i] * x + b[i]


def two_aces(replace: bool) -> Fraction:
    if replace:
        return math.comb(5, 2) * Fraction(1, 13) ** 2 * Fraction(12, 13) ** 3
    return Fraction(math.comb(4, 2) * math.comb(48, 3), math.comb(52, 5))


def distinct_birthdays_of_two() -> Fraction:
    return Fraction(sum(len({a, b}) for a in range(365) for b in range(365)), 365**2)


def two_positive_tests() -> Fraction:
    """P(D | T1, T2) by enumerating disease status and two results, conditionally independent given the status."""
    prior, sens, false_pos = Fraction(1, 100), Fraction(95, 100), Fraction(5, 100)
    both_and_d = prior * sens * sens
    both = both_and_d + (1 - prior) * false_pos * false_pos
    return both_and_d / both


def binomial_even(n: int, p: Fraction) -> Fraction:
    return sum((math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(0, n + 1, 2)), Fraction(0))


def cards_before_first_ace() -> Fraction:
    """The first ace is at position j (1-based) when the other three aces lie among the 52 - j later cards."""
    return sum((Fraction(math.comb(52 - j, 3), math.comb(52, 4)) * (j - 1) for j in range(1, 50)), Fraction(0))


def rolls_to_see_every_face() -> Fraction:
    """Expected rolls from j faces seen, solved backwards: E_j = 1 + (j/6) E_j + ((6-j)/6) E_{j+1}, E_6 = 0."""
    e = Fraction(0)
    for j in range(5, -1, -1):
        e = (1 + Fraction(6 - j, 6) * e) / (1 - Fraction(j, 6))
    return e


# (post, section anchor, exact answer, package value or None)
ANSWERS = [
    ("stat110-lectures-4-10", "lecture-4", matching_at_least_one(4), None),
    ("stat110-lectures-4-10", "lecture-6", monty_switch_win(4), monty_hall_win_prob(4, opened=1, switch=True)),
    ("stat110-lectures-4-10", "lecture-7", ruin(2, 5, Fraction(3, 5)), gamblers_ruin_win_prob(2, 5, 0.6)),
    ("stat110-lectures-4-10", "lecture-8", two_aces(replace=False), float(hypergeometric_pmf(2, 4, 48, 5))),
    ("stat110-lectures-4-10", "lecture-8", two_aces(replace=True), float(binomial_pmf(2, 5, 1 / 13))),
    ("stat110-lectures-4-10", "lecture-10", distinct_birthdays_of_two(), 365 * (1 - (364 / 365) ** 2)),
    ("stat110-lectures-4-10", "lecture-5", two_positive_tests(), disease_test_posterior(disease_test_posterior(0.01, 0.95, 0.95), 0.95, 0.95)),
    ("stat110-lectures-4-10", "lecture-7", binomial_even(3, Fraction(1, 3)), (1 + (1 / 3) ** 3) / 2),
    ("stat110-lectures-4-10", "lecture-9", cards_before_first_ace(), 48 / 5),
    ("stat110-lectures-4-10", "lecture-10", rolls_to_see_every_face(), 6 * sum(1 / k for k in range(1, 7))),
]

QUESTION = re.compile(r'^\?\?\? question "[^\n]*\n((?:    [^\n]*\n?)+)', re.M)


def section(text: str, anchor: str) -> str:
    start = re.search(rf"^## .*\{{ *#{anchor} *\}}", text, re.M)
    assert start, f"no section #{anchor}"
    end = re.search(r"^## ", text[start.end() :], re.M)
    return text[start.end() : start.end() + end.start()] if end else text[start.end() :]


def answers_in(post: str, lang: str, anchor: str) -> list[str]:
    text = (ROOT / "docs" / "posts" / f"{post}.{lang}.md").read_text(encoding="utf-8")
    return QUESTION.findall(section(text, anchor))


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize(("post", "anchor", "exact", "package"), ANSWERS)
def test_typed_answer_is_the_exact_value(post, anchor, exact, package, lang):
    if package is not None:
        assert package == pytest.approx(float(exact), rel=1e-12)
    typed = rf"\frac{{{exact.numerator}}}{{{exact.denominator}}}"
    assert any(typed in body for body in answers_in(post, lang, anchor)), (
        f"{post}.{lang} #{anchor}: no folded answer shows {typed}"
    )


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_sum_of_two_geometrics_is_negative_binomial(lang):
    # the folded answer's formula (k+1) p^2 q^k against the convolution of two Geom(p) PMFs, and the package's NBin(2, p)
    for p in (Fraction(1, 3), Fraction(1, 2), Fraction(4, 5)):
        q = 1 - p
        for k in range(8):
            convolution = sum(q**j * p * q ** (k - j) * p for j in range(k + 1))
            assert convolution == (k + 1) * p**2 * q**k
            assert float(negative_binomial_pmf(k, 2, float(p))) == pytest.approx(float(convolution), rel=1e-12)
    assert any("=(k+1)p^2q^k" in body for body in answers_in("stat110-lectures-4-10", lang, "lecture-9"))


def test_known_values_of_the_exact_computations():
    # the limits the answers quote, so the enumerations above cannot drift unnoticed
    assert matching_at_least_one(4) == 1 - Fraction(1, 2) + Fraction(1, 6) - Fraction(1, 24)
    assert float(matching_at_least_one(7)) == pytest.approx(1 - math.exp(-1), abs=1e-4)
    assert monty_switch_win(3) == Fraction(2, 3)
    assert ruin(3, 6, Fraction(1, 2)) == Fraction(1, 2)
    assert distinct_birthdays_of_two() == 2 - Fraction(1, 365)
    assert binomial_even(4, Fraction(1, 2)) == Fraction(1, 2) and binomial_even(2, Fraction(1, 3)) == Fraction(5, 9)
    assert rolls_to_see_every_face() == 6 * sum(Fraction(1, k) for k in range(1, 7))


def e_max_two_normals() -> float:
    """E max(Z1, Z2) = integral of z * 2 phi(z) Phi(z) (the density of the maximum), by the trapezoid rule."""
    z = np.linspace(-12, 12, 240_001)
    return float(np.trapezoid(z * 2 * normal_pdf(z) * normal_cdf(z), z))


def e_abs_diff_expo(lam: float) -> float:
    """E|X - Y| for i.i.d. Expo(lam) by 2-D LOTUS on a grid (midpoint rule)."""
    h = 30 / lam / 3000
    g = (np.arange(3000) + 0.5) * h
    x, y = np.meshgrid(g, g, indexing="ij")
    return float((np.abs(x - y) * lam**2 * np.exp(-lam * (x + y))).sum() * h * h)


def multinomial_cov_by_enumeration(n: int, p: list[float]) -> float:
    outcomes = [(i, j, n - i - j) for i in range(n + 1) for j in range(n + 1 - i)]
    probs = [multinomial_pmf(c, p) for c in outcomes]
    e1 = sum(q * c[0] for q, c in zip(probs, outcomes))
    e2 = sum(q * c[1] for q, c in zip(probs, outcomes))
    return sum(q * c[0] * c[1] for q, c in zip(probs, outcomes)) - e1 * e2


def triangle_rectangle() -> tuple[Fraction, Fraction, Fraction]:
    """Uniform on 0 < y < x < 1 (density 2): P(X<0.2, Y>0.8) and the two marginal probabilities, by exact areas."""
    a, b = Fraction(1, 5), Fraction(4, 5)
    joint = 2 * max(Fraction(0), a - b) ** 2 / 2  # the region x < a, y > b, y < x is empty when a <= b
    p_x = 2 * (a * a / 2)  # area of {y < x < a} times the density
    p_y = 2 * ((1 - b) ** 2 / 2)  # area of {b < y < x < 1} times the density
    return joint, p_x, p_y


def disc_moments() -> tuple[float, float, float]:
    """E(X^2), E(X^2 Y^2) on the unit disc by integrating out y in closed form, then x by the trapezoid rule."""
    x = np.linspace(-1, 1, 2_000_001)
    half = np.sqrt(1 - x * x)
    e_x2 = float(np.trapezoid(x * x * 2 * half, x) / math.pi)
    e_x2y2 = float(np.trapezoid(x * x * 2 * half**3 / 3, x) / math.pi)
    return e_x2, e_x2y2, e_x2y2 - e_x2**2


def texts(post: str, lang: str) -> str:
    return "".join(answers_in(post, lang, "check-yourself"))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_lecture_19_and_20_answers(lang):
    l19 = texts("stat110-lecture-19", lang)
    l20 = texts("stat110-lecture-20", lang)
    # triangle 0<y<x<1: area 1/2, so c = 2
    assert "c=2" in l19 and Fraction(1) / Fraction(1, 2) == 2
    # the triangle is not a product: a rectangle of positive area has P = 0 but a positive product of marginals
    joint, p_x, p_y = triangle_rectangle()
    assert joint == 0 and p_x == p_y == Fraction(1, 25) and p_x * p_y == Fraction(16, 10_000)
    assert "P(X<0.2,\\ Y>0.8)=0" in l19 and "0.04\\cdot0.04=0.0016" in l19
    pts = sample_unit_disc(400_000, np.random.default_rng(48)).points
    # disc: E(R) = 2/3 (simulated independently) and Cov(X^2, Y^2) = -1/48 (by quadrature)
    r = np.hypot(pts[:, 0], pts[:, 1])
    assert mc_estimate(r).agrees_with(2 / 3)
    e_x2, e_x2y2, cov_sq = disc_moments()
    assert e_x2 == pytest.approx(1 / 4, abs=1e-9) and e_x2y2 == pytest.approx(1 / 24, abs=1e-9)
    assert cov_sq == pytest.approx(-1 / 48, abs=1e-9)
    assert mc_estimate((pts[:, 0] ** 2 - 0.25) * (pts[:, 1] ** 2 - 0.25)).agrees_with(-1 / 48)
    assert "E(R)=\\int_0^1 r\\cdot2r\\,dr=\\frac{2}{3}" in l19 and "=-\\frac{1}{48}" in l19
    # E(N | X=5) = 5 + lambda q with lambda = 10, p = 0.3
    assert "5+7=12" in l19 and 5 + round(10 * (1 - 0.3)) == 12
    # E max(Z1, Z2) = 1/sqrt(pi)
    assert e_max_two_normals() == pytest.approx(1 / math.sqrt(math.pi), abs=1e-9)
    assert r"\frac{1}{\sqrt\pi}" in l20
    # E|X - Y| = 1/lambda for i.i.d. Expo(lambda)
    for lam in (0.5, 1.0, 3.0):
        assert e_abs_diff_expo(lam) == pytest.approx(1 / lam, rel=1e-4)
    assert r"E\lvert X-Y\rvert=\frac{1}{\lambda}" in l20
    # Cov(X1, X2) = -n p1 p2 = -1.5 for Mult_3(10, (0.5, 0.3, 0.2))
    assert multinomial_cov_by_enumeration(10, [0.5, 0.3, 0.2]) == pytest.approx(-1.5, abs=1e-12)
    assert multinomial_cov_by_enumeration(7, [0.2, 0.45, 0.35]) == pytest.approx(-7 * 0.2 * 0.45, abs=1e-12)
    assert r"=-np_1p_2" in l20 and "=-1.5" in l20
    # 1/T is standard Cauchy: P(1/T <= u) = P(T < 0) + P(T >= 1/u) for u > 0, P(1/T <= u) = P(1/u <= T < 0) for u < 0
    for u in (0.3, 1.0, 4.0):
        inverse = cauchy_cdf_lotp(0.0) + 1 - cauchy_cdf_lotp(1 / u)
        assert inverse == pytest.approx(cauchy_cdf_lotp(u), abs=1e-6)
        assert cauchy_cdf_lotp(0.0) - cauchy_cdf_lotp(-1 / u) == pytest.approx(cauchy_cdf_lotp(-u), abs=1e-6)
    assert r"f_{1/T}(u)" in l20 and r"\frac{1}{\pi(1+u^2)}" in l20
    # Mult_3(10, (0.5, 0.3, 0.2)) given X_3 = 0: X_1 ~ Bin(10, 0.5/0.8)
    m, probs = multinomial_conditional(10, [0.5, 0.3, 0.2], j=2, n_j=0)
    assert m == 10 and probs[0] == pytest.approx(0.625)
    assert r"\mathrm{Bin}(10,0.625)" in l20
