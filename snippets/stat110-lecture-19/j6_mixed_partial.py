# The joint PDF as the mixed partial derivative of the joint CDF, by a finite difference.
import numpy as np

from studynotes.i18n import localized
from studynotes.plotting import figure, figure_html
from studynotes.prob import mixed_partial
from studynotes.tables import table


def joint_cdf(x, y):
    """Independent X ~ Expo(1), Y ~ Expo(2): the joint CDF is the product of the marginal CDFs."""
    return (1 - np.exp(-np.maximum(x, 0))) * (1 - np.exp(-2 * np.maximum(y, 0)))


def joint_pdf(x, y):
    return 2 * np.exp(-x - 2 * y)


TEXT = localized(
    {
        "ko": dict(
            pt="점 $(x, y)$", step="간격 $h$", fd="유한차분", exact="$f(x,y)=2e^{-x-2y}$", cdf="$F(x,y)$",
            tF="결합 CDF F(x, y)", tf="결합 PDF f(x, y)"),
        "en": dict(
            pt="point $(x, y)$", step="step $h$", fd="finite difference", exact="$f(x,y)=2e^{-x-2y}$", cdf="$F(x,y)$",
            tF="joint CDF F(x, y)", tf="joint PDF f(x, y)"),
    }
)

print(table([TEXT["pt"], TEXT["step"], TEXT["cdf"], TEXT["fd"], TEXT["exact"]], [
    (f"$({x:g}, {y:g})$", f"{h:g}", f"{joint_cdf(x, y):.5f}", f"{float(mixed_partial(joint_cdf, x, y, h)):.5f}", f"{joint_pdf(x, y):.5f}")
    for (x, y), h in [((0.7, 0.4), 0.1), ((0.7, 0.4), 0.01), ((0.7, 0.4), 0.001), ((0.05, 0.05), 0.001)]
]))

fig, (ax1, ax2) = figure(1, 2, width=7.0, height=3.2, subplot_kw=dict(projection="3d"))
grid = np.linspace(0, 3, 25)
gx, gy = np.meshgrid(grid, grid)
panels = ((ax1, joint_cdf(gx, gy), TEXT["tF"], "C0", -125), (ax2, joint_pdf(gx, gy), TEXT["tf"], "C1", 55))
for ax, values, title, color, azim in panels:  # F seen with the origin in front, f with the origin at the back
    ax.plot_surface(gx, gy, values, color=color, alpha=0.9, linewidth=0, rstride=1, cstride=1,
                    rasterized=True)  # hundreds of facets: a bitmap keeps the page small
    ax.set(xlabel="x", ylabel="y", title=title)
    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        axis.set_pane_color((0, 0, 0, 0))
    ax.view_init(elev=25, azim=azim)
print(figure_html(fig))
