"""The deep-network diagnostics of Lecture 6 and the transfer-learning run of Lecture 7: gradients against
numerical ones, and the behaviour the posts describe, over the seeds they name."""

from __future__ import annotations

import numpy as np
import pytest

from studynotes.nn import (
    TRANSFER_METHODS,
    deep_relu_loss,
    layer_stats,
    make_spiral,
    numerical_gradient,
    rel_error,
    related_tasks,
    transfer_experiment,
)

SEEDS = range(5)  # lecture 6, a6_layer_stats.py
TRANSFER_SEEDS = range(6)  # lecture 7, o8b_transfer_run.py


def test_deep_relu_loss_gradients_match_numerical_ones():
    rng = np.random.default_rng(3)
    X, y = make_spiral(5, 3, rng)
    dims = [2, 7, 6, 3]
    weights = [rng.standard_normal((a, b)) for a, b in zip(dims[:-1], dims[1:])]
    biases = [0.1 * rng.standard_normal(b) for b in dims[1:]]
    _, dW, db, hidden = deep_relu_loss(weights, biases, X, y)
    assert [h.shape for h in hidden] == [(15, 7), (15, 6)]
    for i in range(3):
        for params, grads in ((weights, dW), (biases, db)):
            num = numerical_gradient(lambda _: deep_relu_loss(weights, biases, X, y)[0], params[i])
            assert rel_error(num, grads[i]) < 1e-6


def test_deep_relu_loss_refuses_mismatched_layers():
    with pytest.raises(ValueError, match="weights\\[1\\]"):
        deep_relu_loss([np.zeros((2, 4)), np.zeros((5, 3))], [np.zeros(4), np.zeros(3)], np.zeros((1, 2)), [0])
    with pytest.raises(ValueError, match="init"):
        layer_stats("zeros")


@pytest.mark.parametrize("seed", SEEDS)
def test_small_init_collapses_and_learns_nothing_while_he_keeps_the_scale(seed):
    small = layer_stats("small", width=50, steps=100, seed=seed)
    he = layer_stats("he", width=50, steps=100, seed=seed)
    # 0.01 randn: every layer's activations at least ten times narrower than the one below
    assert np.all(small.act_std[0, 1:] / small.act_std[0, :-1] < 0.1)
    # ... and the weight gradient is tiny in every layer, at the start and after 100 steps, not only in the deep ones
    assert np.all(small.grad_std < 1e-8)
    assert np.all(small.grad_std[:, -1] < small.grad_std[:, 0])  # the first layer's is not the smallest
    assert small.loss[1] == pytest.approx(np.log(3), abs=1e-3) and small.loss[0] == pytest.approx(np.log(3), abs=1e-3)
    # He: the spread stays within a factor 2 through the six layers, gradients of order 1e-3..1e-2, the loss falls
    assert np.all((he.act_std[0] > 0.5 * he.act_std[0, 0]) & (he.act_std[0] < 2 * he.act_std[0, 0]))
    assert np.all(he.grad_std > 1e-4) and np.all(he.grad_std[0] > 1e-3)
    assert he.loss[1] < 0.75 * np.log(3)
    assert he.grad_std[0].max() < 2 * he.grad_std[0].min()  # similar size in every layer
    # after 100 steps the upper activations of 0.01 randn have grown by orders of magnitude, still far below He's
    assert 1e3 * small.act_std[0, -1] < small.act_std[1, -1] < 1e-2 * he.act_std[1, -1]
    assert np.all(he.grad_std[0] > 1e6 * small.grad_std[0])


def test_transfer_beats_scratch_with_few_labels_and_fine_tuning_helps_with_more():
    acc = {n: np.array([[transfer_experiment(n, s)[m] for m in TRANSFER_METHODS] for s in TRANSFER_SEEDS]) for n in (20, 200)}
    few, more = acc[20], acc[200]
    gain_few, gain_more = few[:, 1] - few[:, 0], more[:, 1] - more[:, 0]
    se = gain_few.std(ddof=1) / np.sqrt(gain_few.size)
    assert gain_few.mean() > 2 * se and gain_few.mean() > 0.05  # frozen features help with 20 labels
    assert gain_more.mean() < gain_few.mean() / 2  # with 200, scratch catches up most of the gap
    assert np.all(np.abs(few[:, 2] - few[:, 1]) < 0.01)  # with 20 labels fine-tuning changes almost nothing
    assert np.all(more[:, 2] > more[:, 1])  # with 200 it is better than the frozen features in every seed
    assert np.all(more.mean(axis=0) > few.mean(axis=0))


def test_related_tasks_share_the_hidden_features():
    draw = related_tasks(0)
    rng = np.random.default_rng(0)
    X, ys = draw(500, "source", rng)
    assert X.shape == (500, 50) and set(np.unique(ys)) <= set(range(10))
    _, yt = draw(500, "target", np.random.default_rng(0))
    assert set(np.unique(yt)) <= {0, 1, 2}
    with pytest.raises(ValueError, match="task"):
        draw(5, "other", rng)
    with pytest.raises(ValueError, match="n_target"):
        transfer_experiment(0, 0)
