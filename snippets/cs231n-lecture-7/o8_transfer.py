# Transfer learning as a diagram: which layers of a pretrained CNN stay frozen, which are fine-tuned, which are trained anew.
from matplotlib.patches import Patch, Rectangle

from studynotes.i18n import localized
from studynotes.plotting import INK, PALETTE, figure, figure_html

LAYERS = ["conv 64", "conv 128", "conv 256", "conv 512", "conv 512", "FC 4096", "FC 4096"]
colors = {"trained": PALETTE[4], "frozen": "#9e9e9e", "fine": PALETTE[1], "new": PALETTE[0]}
plans = [
    ["trained"] * 8,
    ["frozen"] * 7 + ["new"],
    ["frozen"] * 4 + ["fine"] * 3 + ["new"],
]
fig, ax = figure(width=4.4, height=4.4)
TEXT = localized(
    {
        "ko": dict(
            cols=["1. ImageNet으로\n사전 학습", "2. 데이터가 적을 때:\n마지막 층만 새로", "3. 데이터가 많을 때:\n위쪽 층까지 미세 조정"],
            frozen="고정 (그대로 씀)", image="입력 이미지", fine="미세 조정 (학습률 약 1/10)", new="새로 초기화해 학습", trained="ImageNet에서 학습됨"),
        "en": dict(
            cols=["1. Pretrain on\nImageNet", "2. Small dataset:\nnew last layer only", "3. Bigger dataset:\nfine-tune top layers"],
            frozen="frozen (reused as is)", image="image", fine="fine-tuned (about 1/10 learning rate)", new="reinitialized and trained", trained="trained on ImageNet"),
    }
)

for col, (title, plan) in enumerate(zip(TEXT["cols"], plans, strict=True)):
    x = col * 3.2
    names = [*LAYERS, "FC 1000" if col == 0 else "FC C"]
    for row, (name, kind) in enumerate(zip(names, plan, strict=True)):
        ax.add_patch(Rectangle((x, row * 0.9), 2.4, 0.7, facecolor=colors[kind], alpha=0.55, edgecolor=INK, linewidth=0.6))
        ax.text(x + 1.2, row * 0.9 + 0.35, name, ha="center", va="center", fontsize=9)
    ax.text(x + 1.2, 8 * 0.9 + 0.15, title, ha="center", va="bottom", fontsize=9)
ax.text(-0.25, 0.35, TEXT["image"], ha="right", va="center", fontsize=9)
ax.set(xlim=(-1.2, 9.0), ylim=(-0.3, 8.6))
ax.axis("off")
handles = [Patch(facecolor=colors[k], alpha=0.55, edgecolor=INK, label=TEXT[k]) for k in ["trained", "frozen", "fine", "new"]]
fig.legend(handles=handles, loc="outside lower center", ncol=2, fontsize=9)
print(figure_html(fig))
