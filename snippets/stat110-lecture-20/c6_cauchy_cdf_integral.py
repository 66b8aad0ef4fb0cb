# The lecture's CDF of X/Y by the law of total probability, integrated numerically, against 1/2 + arctan(t)/pi.
from studynotes.i18n import localized
from studynotes.prob import cauchy_cdf, cauchy_cdf_lotp
from studynotes.tables import table

TEXT = localized(
    {
        "ko": ["$t$", "수치 적분", "$\\tfrac12+\\tfrac1\\pi\\arctan t$", "차이"],
        "en": ["$t$", "numerical integral", "$\\tfrac12+\\tfrac1\\pi\\arctan t$", "difference"],
    }
)

rows = []
for t in (-2.0, 0.5, 1.0, 3.0):
    numeric, closed = cauchy_cdf_lotp(t), float(cauchy_cdf(t))
    rows.append((f"{t:g}", f"{numeric:.10f}", f"{closed:.10f}", f"{abs(numeric - closed):.1e}"))
print(table(TEXT, rows))
