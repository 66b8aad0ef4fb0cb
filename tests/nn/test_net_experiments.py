"""The two-layer network, the training loop, preprocessing and the lecture's experiments."""

import numpy as np
import pytest

from studynotes.nn import (
    History,
    TwoLayerNet,
    init_experiment,
    linear_sgd_path,
    lr_sweep,
    make_spiral,
    normalize,
    numerical_gradient,
    overfit_small,
    pca_rotate,
    rel_error,
    same_sign_fraction,
    search_layouts,
    spiral_run,
    train,
    whiten,
    zero_center,
)


@pytest.mark.parametrize("batchnorm, keep, reg", [(False, None, 0.0), (False, None, 0.3), (True, None, 0.1), (True, 0.7, 0.05)])
def test_two_layer_net_gradients(batchnorm, keep, reg):
    rng = np.random.default_rng(1)
    X = rng.standard_normal((6, 4))
    y = rng.integers(0, 3, size=6)
    net = TwoLayerNet(4, 7, 3, rng=rng, reg=reg, batchnorm=batchnorm, dropout_keep=keep)
    if batchnorm:
        net.params["gamma1"] = rng.random(7) + 0.5
        net.params["beta1"] = rng.standard_normal(7)

    def loss_with_fixed_mask(_):
        net.rng = np.random.default_rng(123)  # the same dropout mask in every evaluation
        return net.loss(X, y)[0]

    net.rng = np.random.default_rng(123)
    loss, grads = net.loss(X, y)
    assert set(grads) == set(net.params)
    for name, value in net.params.items():
        num = numerical_gradient(loss_with_fixed_mask, value)
        if batchnorm and name == "b1":
            # batch normalisation subtracts the batch mean, so the first bias has no effect at all
            np.testing.assert_allclose(grads[name], 0, atol=1e-12)
            np.testing.assert_allclose(num, 0, atol=1e-9)
        else:
            assert rel_error(grads[name], num) < 1e-7, name


@pytest.mark.parametrize("c", [2, 3, 10])
def test_untrained_loss_is_log_c(c):
    rng = np.random.default_rng(c)
    X = rng.standard_normal((500, 20))
    y = rng.integers(0, c, size=500)
    net = TwoLayerNet(20, 50, c, rng=rng, weight_scale=1e-3)
    loss, _ = net.loss(X, y)
    # scores are O(1e-5) so the loss deviates from ln C by far less than 1e-3
    assert loss == pytest.approx(np.log(c), abs=1e-3)


def test_scores_and_predict_shapes():
    rng = np.random.default_rng(0)
    net = TwoLayerNet(2, 5, 3, rng=rng, batchnorm=True, dropout_keep=0.5)
    X = rng.standard_normal((8, 2))
    assert net.loss(X, mode="test").shape == (8, 3)
    pred = net.predict(X)
    assert pred.shape == (8,) and set(pred) <= {0, 1, 2}


def test_train_records_history_and_learns_spiral():
    rng = np.random.default_rng(0)
    X, y = make_spiral(50, 3, rng)
    net = TwoLayerNet(2, 50, 3, rng=rng)
    hist = train(net, X, y, X_val=X[::2], y_val=y[::2], lr=0.5, num_iters=300, batch_size=50, rng=rng)
    assert isinstance(hist, History)
    assert len(hist.loss) == len(hist.update_ratio) == 300
    assert len(hist.train_acc) == len(hist.val_acc) == len(hist.eval_iters) == 300 // 3
    assert np.mean(hist.loss[-20:]) < np.mean(hist.loss[:20])
    assert hist.train_acc[-1] > 0.6  # chance is 1/3
    assert not hist.diverged


def test_update_ratio_definition():
    rng = np.random.default_rng(4)
    X, y = make_spiral(20, 3, rng)
    net = TwoLayerNet(2, 10, 3, rng=rng)
    w_before = net.params["W1"].copy()
    hist = train(net, X, y, lr=0.1, num_iters=1, rng=rng)
    step = net.params["W1"] - w_before
    assert hist.update_ratio[0] == pytest.approx(np.linalg.norm(step) / np.linalg.norm(w_before), rel=1e-12)
    assert hist.val_acc == []


def test_make_spiral_shape_and_radius():
    X, y = make_spiral(100, 3, np.random.default_rng(0))
    assert X.shape == (300, 2) and y.shape == (300,)
    np.testing.assert_array_equal(np.bincount(y), [100, 100, 100])
    np.testing.assert_allclose(np.hypot(X[:, 0], X[:, 1])[:100], np.linspace(0, 1, 100), atol=1e-12)


def test_preprocessing_statistics():
    rng = np.random.default_rng(0)
    X = rng.multivariate_normal([5.0, -3.0], [[4.0, 2.7], [2.7, 2.25]], size=5000)
    np.testing.assert_allclose(zero_center(X).mean(axis=0), 0, atol=1e-12)
    Z = normalize(X)
    np.testing.assert_allclose(Z.std(axis=0), 1, atol=1e-12)
    R = pca_rotate(X)
    cov = R.T @ R / len(R)
    assert abs(cov[0, 1]) < 1e-10 and cov[0, 0] >= cov[1, 1]
    W = whiten(X)
    np.testing.assert_allclose(W.T @ W / len(W), np.eye(2), atol=1e-3)


def test_same_sign_fraction():
    rng = np.random.default_rng(0)
    g = rng.standard_normal(20000)
    assert same_sign_fraction(rng.random((20000, 2)) + 0.01, g) == 1.0
    frac = same_sign_fraction(rng.standard_normal((20000, 2)), g)
    assert abs(frac - 0.5) < 5 * np.sqrt(0.25 / 20000)


def test_linear_sgd_path_positive_inputs_move_diagonally():
    rng = np.random.default_rng(0)
    path = linear_sgd_path(rng.random((200, 2)) + 0.1, np.array([1.0, -1.0]), lr=0.5)
    steps = np.diff(path, axis=0)
    assert np.all(np.sign(steps[:, 0]) == np.sign(steps[:, 1]))
    assert np.linalg.norm(path[-1] - [1.0, -1.0]) < np.linalg.norm(path[0] - [1.0, -1.0])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_init_experiment_last_layer_ranges(seed):
    # Inventory: layer-10 std 3e-7 (0.01 randn + tanh); 0.98 with 91 % saturated (1.0 randn + tanh);
    # 0.23 (Xavier + tanh); 0.022 (Xavier + ReLU); 0.92 (He + ReLU). ReLU nets fluctuate more between seeds.
    small = init_experiment("small", "tanh", seed=seed)
    assert 1e-7 < small.stds[-1] < 1e-6
    large = init_experiment("large", "tanh", seed=seed)
    assert 0.95 < large.stds[-1] < 1.0 and 0.85 < large.saturated[-1] < 0.95
    assert 0.18 < init_experiment("xavier", "tanh", seed=seed).stds[-1] < 0.28
    assert 0.01 < init_experiment("xavier", "relu", seed=seed).stds[-1] < 0.05
    he = init_experiment("he", "relu", seed=seed)
    assert 0.4 < he.stds[-1] < 1.6
    assert he.hist_counts.shape == (10, 40) and np.all(he.hist_counts.sum(axis=1) <= 1000 * 500)


def test_init_experiment_is_cached_and_validated():
    assert init_experiment("xavier", "tanh", n_layers=3, width=20, n_samples=30) is init_experiment(
        "xavier", "tanh", n_layers=3, width=20, n_samples=30
    )
    with pytest.raises(ValueError, match="init"):
        init_experiment("zeros", "tanh")
    with pytest.raises(ValueError, match="activation"):
        init_experiment("he", "sigmoid")


def test_babysitting_runs():
    hist, l0 = spiral_run(1.0, 300)
    assert l0 == pytest.approx(np.log(3), abs=1e-3)
    assert hist.loss[-1] < 0.8 * hist.loss[0]
    small = overfit_small(20, 2000)
    assert small.train_acc[-1] == 1.0 and small.loss[-1] < 0.05
    sweep = lr_sweep((1e-6, 1e6), num_iters=300)
    assert abs(sweep[1e-6].loss[-1] - sweep[1e-6].loss[0]) < 1e-4
    assert sweep[1e6].diverged


def test_search_layouts():
    grid, rand = search_layouts(9, np.random.default_rng(0))
    assert len(np.unique(grid[:, 0])) == 3 and len(np.unique(rand[:, 0])) == 9
    with pytest.raises(ValueError, match="n_trials"):
        search_layouts(8, np.random.default_rng(0))


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: TwoLayerNet(0, 5, 3, rng=np.random.default_rng(0)), "input_dim"),
        (lambda: TwoLayerNet(2, -1, 3, rng=np.random.default_rng(0)), "hidden_dim"),
        (lambda: TwoLayerNet(2, 5, 3, rng=np.random.default_rng(0), dropout_keep=0.0), "dropout_keep"),
        (lambda: TwoLayerNet(2, 5, 3, rng=np.random.default_rng(0), reg=-1.0), "reg"),
        (lambda: TwoLayerNet(2, 5, 3, rng=np.random.default_rng(0)).loss(np.ones((4, 3))), "X"),
        (lambda: TwoLayerNet(2, 5, 3, rng=np.random.default_rng(0)).loss(np.ones((4, 2)), mode="eval"), "mode"),
        (lambda: make_spiral(0, 3, np.random.default_rng(0)), "n_per_class"),
        (lambda: make_spiral(10, 0, np.random.default_rng(0)), "n_classes"),
        (lambda: whiten(np.array([[1.0, np.nan], [2.0, 3.0]])), "X"),
    ],
)
def test_bad_input(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_train_bad_input():
    rng = np.random.default_rng(0)
    X, y = make_spiral(10, 3, rng)
    net = TwoLayerNet(2, 5, 3, rng=rng)
    for kwargs, name in [
        (dict(lr=0.0, num_iters=5), "lr"),
        (dict(lr=0.1, num_iters=0), "num_iters"),
        (dict(lr=0.1, num_iters=5, batch_size=0), "batch_size"),
        (dict(lr=0.1, num_iters=5, batch_size=31), "batch_size"),
        (dict(lr=0.1, num_iters=5, X_val=X), "X_val"),
    ]:
        with pytest.raises(ValueError, match=name):
            train(net, X, y, rng=rng, **kwargs)
    with pytest.raises(ValueError, match="y"):
        train(net, X, y[:-1], lr=0.1, num_iters=1, rng=rng)


def test_train_with_batchnorm_and_dropout():
    rng = np.random.default_rng(3)
    X, y = make_spiral(50, 3, rng)
    net = TwoLayerNet(2, 64, 3, rng=rng, batchnorm=True, dropout_keep=0.8, reg=1e-4)
    hist = train(net, X, y, lr=0.3, num_iters=400, batch_size=30, rng=rng)
    assert np.mean(hist.loss[-40:]) < np.mean(hist.loss[:40])
    assert hist.train_acc[-1] > 0.6
    # the running statistics were updated and test mode is deterministic
    assert np.any(net.bn_param["running_var"] > 0)
    np.testing.assert_array_equal(net.predict(X), net.predict(X))


def test_diverging_run_is_flagged():
    hist, _ = spiral_run(1e6, 100)
    assert hist.diverged and len(hist.loss) < 100


def test_random_search_beats_a_shifted_grid_in_distribution():
    """The post's claim: over many draws, random search's best score is higher (median and most draws)."""
    from studynotes.nn import layout_best_scores, peak_score

    grids, rands, grid_best, rand_best = layout_best_scores(9, 2000, np.random.default_rng(2012))
    assert grids.shape == rands.shape == (2000, 9, 2)
    # Each grid is a 3 x 3 lattice with spacing 1/3 and three distinct values per axis.
    for g in grids[:5]:
        assert len(np.unique(np.round(g[:, 0], 12))) == 3
        np.testing.assert_allclose(np.diff(np.unique(np.round(g[:, 0], 12))), 1 / 3)
    np.testing.assert_allclose(grid_best, peak_score(grids[..., 0]).max(axis=1))
    np.testing.assert_allclose(rand_best, peak_score(rands[..., 0]).max(axis=1))
    assert np.median(rand_best) - np.median(grid_best) >= 0.3
    share = np.mean(rand_best > grid_best)
    assert share - 4 * np.sqrt(share * (1 - share) / 2000) > 0.6
    # Exact check for the grid: the distance from the peak to the nearest tick is uniform on [0, 1/6].
    d = np.linspace(0, 1 / 6, 200_001)
    exact_mean = np.mean(np.exp(-(d**2) / (2 * 0.06**2)))
    assert abs(grid_best.mean() - exact_mean) < 4 * grid_best.std() / np.sqrt(2000)


def test_layout_best_scores_rejects_bad_sizes():
    from studynotes.nn import layout_best_scores

    with pytest.raises(ValueError, match="n_trials"):
        layout_best_scores(8, 10, np.random.default_rng(0))
    with pytest.raises(ValueError, match="num_draws"):
        layout_best_scores(9, 10**9, np.random.default_rng(0))
    with pytest.raises(TypeError, match="rng"):
        layout_best_scores(9, 10, 0)
