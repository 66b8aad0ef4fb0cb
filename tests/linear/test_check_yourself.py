"""The regularization post's folded check-yourself answers, each against the package and an exact computation."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from sitetools import LANGS, folded_answers
from studynotes.linear import lasso, lasso_lambda_max, ols, orthonormal_design, ridge, soft_threshold
from studynotes.optim import adam, adamw

POST = "regularization-normalization"


def answers(lang: str) -> list[str]:
    found = list(folded_answers(POST, lang).values())
    assert len(found) == 4, f"{POST}.{lang}: expected 4 questions, found {len(found)}"
    return found


def shows(answer: str, *pieces: str) -> None:
    for piece in pieces:
        assert piece in answer, f"the answer does not show {piece!r}:\n{answer}"


def one_feature_data(n: int = 200) -> tuple[np.ndarray, np.ndarray]:
    """A standardized feature (x'x/N = 1, mean 0) with x'(y - ybar)/N = 0.3 exactly."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal(n)
    x = (x - x.mean()) / x.std()
    noise = rng.standard_normal(n)
    noise -= noise.mean() + (noise @ x / n) * x  # orthogonal to x and to the constant
    return x[:, None], 2.0 + 0.3 * x + noise


@pytest.mark.parametrize("lang", LANGS)
def test_one_feature_lasso_is_soft_thresholding(lang):
    X, y = one_feature_data()
    assert ols(X, y).coef[0] == pytest.approx(0.3)
    assert lasso_lambda_max(X, y) == pytest.approx(0.3)
    assert lasso(X, y, 0.1).coef[0] == pytest.approx(0.2, abs=1e-8)
    assert lasso(X, y, 0.5).coef[0] == 0.0  # exactly zero, not merely small
    assert float(soft_threshold(np.array([0.3]), 0.1)[0]) == pytest.approx(0.2)
    shows(answers(lang)[0], "$0.3$", "$0.2$", "$0$", "\\lambda_{\\max} = 0.3")


@pytest.mark.parametrize("lang", LANGS)
def test_orthonormal_lasso_and_ridge(lang):
    b, lam = np.array([3.0, -0.5, 1.2]), 1.0
    assert soft_threshold(b, lam) == pytest.approx([2.0, 0.0, 0.2])
    assert [Fraction(v).limit_denominator(100) for v in b / (1 + 2 * lam)] == [1, Fraction(-1, 6), Fraction(2, 5)]
    rng = np.random.default_rng(0)
    Xo = orthonormal_design(300, 3, rng)
    y = Xo @ b  # noiseless: OLS recovers b exactly
    assert ols(Xo, y).coef == pytest.approx(b)
    assert lasso(Xo, y, lam).coef == pytest.approx([2.0, 0.0, 0.2], abs=1e-8)
    assert ridge(Xo, y, lam).coef == pytest.approx([1.0, -1 / 6, 0.4])
    shows(answers(lang)[1], "(2,\\,0,\\,0.2)", "(1,\\,-1/6,\\,0.4)")


@pytest.mark.parametrize("lang", LANGS)
def test_inverted_dropout_mean_and_variance(lang):
    for p in (Fraction(4, 5), Fraction(1, 2)):
        values = {Fraction(1) / p: p, Fraction(0): 1 - p}  # h = 1: output 1/p with probability p, else 0
        mean = sum(v * q for v, q in values.items())
        var = sum(v * v * q for v, q in values.items()) - mean**2
        assert mean == 1 and var == (1 - p) / p
    assert float((1 - Fraction(4, 5)) / Fraction(4, 5)) == 0.25
    shows(answers(lang)[2], "h^2(1-p)/p", "$0.25$", "$0.5$")


@pytest.mark.parametrize("lang", LANGS)
def test_adam_l2_ignores_lambda_adamw_does_not(lang):
    w = np.array([1.0])
    for lam in (0.1, 1.0):
        after_adam, _ = adam(w, lam * w, {"learning_rate": 0.01})
        after_adamw, _ = adamw(w, np.zeros(1), {"learning_rate": 0.01, "weight_decay": lam})
        assert 1 - after_adam[0] == pytest.approx(0.01, rel=1e-5)  # the same step for either lambda
        assert 1 - after_adamw[0] == pytest.approx(0.01 * lam, rel=1e-9)
    shows(answers(lang)[3], "$0.01$", "= 0.001$", "($0.01$)")
