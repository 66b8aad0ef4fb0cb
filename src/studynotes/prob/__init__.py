"""Probability from Harvard's Stat 110: closed forms next to simulations that check them.

Every simulator takes a `numpy.random.Generator`; nothing uses global random state.
"""

from .cauchy import cauchy_cdf, cauchy_cdf_lotp, cauchy_pdf, sample_normal_ratio
from .discrete import binomial_pmf
from .montecarlo import Estimate, mc_estimate, running_mean
from .multinomial import (
    multinomial_conditional,
    multinomial_cov,
    multinomial_lump,
    multinomial_marginal,
    multinomial_pmf,
    sample_multinomial,
)
from .normal import (
    empirical_mgf,
    expected_abs_diff_iid_normals,
    expected_abs_normal,
    normal_cdf,
    normal_mgf,
    normal_pdf,
    sample_abs_diff_iid_normals,
    sum_of_independent_normals,
)

__all__ = [
    "Estimate",
    "binomial_pmf",
    "cauchy_cdf",
    "cauchy_cdf_lotp",
    "cauchy_pdf",
    "empirical_mgf",
    "expected_abs_diff_iid_normals",
    "expected_abs_normal",
    "mc_estimate",
    "multinomial_conditional",
    "multinomial_cov",
    "multinomial_lump",
    "multinomial_marginal",
    "multinomial_pmf",
    "normal_cdf",
    "normal_mgf",
    "normal_pdf",
    "running_mean",
    "sample_abs_diff_iid_normals",
    "sample_multinomial",
    "sample_normal_ratio",
    "sum_of_independent_normals",
]
