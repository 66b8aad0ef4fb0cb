"""The cached dropout/BN experiment: data split, reproducibility, caching and argument checks."""

import numpy as np
import pytest

from studynotes.linear import regularization_curves, spiral_split


def test_spiral_split_flips_the_requested_fraction():
    X, y, X_val, y_val = spiral_split(200, 50, flip=0.25, seed=3)
    _, y_clean, _, y_val_clean = spiral_split(200, 50, flip=0.0, seed=3)
    assert X.shape == (600, 2) and X_val.shape == (150, 2)
    changed = np.mean(y != y_clean)
    # Binomial(600, 0.25): 4 standard errors
    assert abs(changed - 0.25) <= 4 * np.sqrt(0.25 * 0.75 / 600)
    np.testing.assert_array_equal(y_val, y_val_clean)  # validation labels stay clean
    assert set(np.unique(y)) <= {0, 1, 2}


def test_curves_are_reproducible_cached_and_consistent():
    kw = dict(n_train=10, n_val=10, hidden_dim=8, num_iters=20, eval_every=10, seed=1)
    a = regularization_curves(dropout_keep=0.5, **kw)
    assert regularization_curves(dropout_keep=0.5, **kw) is a  # lru_cache
    regularization_curves.cache_clear()
    b = regularization_curves(dropout_keep=0.5, **kw)
    assert b is not a
    np.testing.assert_array_equal(a.val_loss, b.val_loss)
    np.testing.assert_array_equal(a.iters, [0, 10, 20])
    assert a.batch_loss.size == 20
    np.testing.assert_allclose(a.gap, a.val_loss - a.train_loss)
    assert np.all((a.val_acc >= 0) & (a.val_acc <= 1))
    with pytest.raises(ValueError):
        a.train_loss[0] = 0.0  # shared through the cache, so read-only


def test_training_lowers_the_loss_with_and_without_bn():
    for bn in (False, True):
        c = regularization_curves(batchnorm=bn, n_train=30, n_val=10, hidden_dim=20, num_iters=200, eval_every=100, lr=0.5)
        assert c.train_loss[-1] < c.train_loss[0]
        # with BN the running statistics start at the initial network's own, so step 0 is measurable
        assert np.isfinite(c.train_loss[0])


@pytest.mark.parametrize(
    "kw",
    [
        dict(num_iters=25, eval_every=10),
        dict(dropout_keep=0.0),
        dict(dropout_keep=1.5),
        dict(lr=-1.0),
        dict(flip=1.5),
        dict(n_train=1),
    ],
)
def test_bad_arguments(kw):
    with pytest.raises(ValueError):
        regularization_curves(**{**dict(n_train=10, n_val=10, hidden_dim=8, num_iters=20, eval_every=10), **kw})


def test_dropout_keeps_the_network_from_memorizing_flipped_labels_in_every_seed():
    """The post's claim, seed by seed: without dropout the flipped labels are memorized and the gap opens."""
    from studynotes.linear import memorization_runs

    plain, drop = memorization_runs(), memorization_runs(dropout_keep=0.5)
    assert plain.seeds == drop.seeds and len(plain.seeds) >= 5
    # Memorization without dropout: most flipped labels reproduced, train accuracy above the clean share (0.8).
    assert np.all(plain.flipped_acc[:, -1] >= 0.8)
    assert np.all(plain.train_acc[:, -1] > 0.9)
    # With dropout at most half of them, and in every seed at least 0.4 fewer than without.
    assert np.all(drop.flipped_acc[:, -1] <= 0.5)
    assert np.all(plain.flipped_acc[:, -1] - drop.flipped_acc[:, -1] >= 0.4)
    # The train/validation accuracy gap is smaller with dropout by at least 0.15 in every seed,
    # and validation accuracy is higher in every seed.
    assert np.all(plain.gap[:, -1] - drop.gap[:, -1] >= 0.15)
    assert np.all(drop.val_acc[:, -1] > plain.val_acc[:, -1])
    # Without dropout validation accuracy falls from its peak (by at least 0.05 in every seed).
    assert np.all(plain.val_acc.max(axis=1) - plain.val_acc[:, -1] >= 0.05)


def test_memorization_runs_checks_and_shapes():
    from studynotes.linear import memorization_runs

    r = memorization_runs(seeds=(3,), n_train=5, n_val=5, hidden_dim=4, num_iters=4, eval_every=2)
    assert r.flipped_acc.shape == r.train_acc.shape == r.val_acc.shape == (1, 3)
    np.testing.assert_array_equal(r.iters, [0, 2, 4])
    np.testing.assert_allclose(r.gap, r.train_acc - r.val_acc)
    with pytest.raises(ValueError, match="eval_every"):
        memorization_runs(num_iters=5, eval_every=2)
    with pytest.raises(TypeError, match="seeds"):
        memorization_runs(seeds=())
    with pytest.raises(ValueError, match="lr"):
        memorization_runs(lr=-1.0)
