"""What the regularization post claims about dropout, early stopping, BN and the U-shaped validation curve, over its seeds."""

from __future__ import annotations

import numpy as np

from studynotes.linear import make_sine_data, memorization_runs, polynomial_ridge_predict, regularization_curves


def test_early_stopping_without_dropout_peaks_above_dropout_but_dropout_ends_higher():
    plain, drop = memorization_runs(), memorization_runs(dropout_keep=0.5)
    assert plain.seeds == drop.seeds == (0, 1, 2, 3, 4)
    mean_p, mean_d = plain.val_acc.mean(axis=0), drop.val_acc.mean(axis=0)
    assert mean_p.max() > mean_d.max()  # stopped at its early peak, no dropout validates at least as well
    assert np.argmax(mean_p) < len(mean_p) // 4  # and that peak is early
    assert mean_d[-1] > mean_p[-1]  # at the end dropout is ahead ...
    assert np.all(drop.val_acc[:, -1] > plain.val_acc[:, -1] - 0.02)  # ... in every seed (or level with it)
    assert np.all(drop.flipped_acc[:, -1] < plain.flipped_acc[:, -1])  # and memorizes fewer flipped labels in each


def test_batchnorm_converges_much_faster_on_every_seed():
    settings = dict(weight_scale=0.01, n_train=100, n_val=100, hidden_dim=100, reg=1e-3, lr=0.3, num_iters=600, eval_every=25)
    for seed in range(4):
        plain, bn = regularization_curves(seed=seed, **settings), regularization_curves(batchnorm=True, seed=seed, **settings)
        first = [int(np.argmax(c.batch_loss < 1.0)) + 1 for c in (plain, bn)]
        assert first[1] < 10 < 50 < first[0]
        assert bn.val_acc[-1] > 0.95 > 0.75 > plain.val_acc[-1]


def test_the_best_ridge_lambda_is_interior_on_40_fresh_draws():
    grid = np.geomspace(1e-8, 10.0, 61)
    lams = np.concatenate([[0.0], grid])
    for seed in range(40):  # the snippet's seeds
        r = np.random.default_rng(1000 + seed)
        x, y = make_sine_data(15, r, noise=0.2)
        xv, yv = make_sine_data(200, r, noise=0.2, low=x.min(), high=x.max())
        val = np.mean((polynomial_ridge_predict(x, y, xv, degree=12, lams=lams) - yv) ** 2, axis=1)
        best = np.argmin(val[1:])
        assert 0 < best < grid.size - 1
        assert val[0] > val[1:].min()
