"""L2 penalty versus decoupled weight decay: equal under SGD, different under Adam, as derived."""

import numpy as np
import pytest

from studynotes.optim import adam, adamw, sgd, weight_decay_runs


def test_first_step_difference_matches_the_derivation():
    # From zero state (t = 1), Adam's bias-corrected step is lr * g / (|g| + eps) per coordinate.
    lr, lam, eps = 0.01, 0.5, 1e-8
    w = np.array([2.0, -1.0, 0.3, 5.0])
    g = np.array([0.4, -3.0, 0.0, 1e-6])
    w_l2, _ = adam(w, g + lam * w, {"learning_rate": lr, "epsilon": eps})
    w_dec, _ = adamw(w, g, {"learning_rate": lr, "epsilon": eps, "weight_decay": lam})
    gl = g + lam * w
    np.testing.assert_allclose(w_l2, w - lr * gl / (np.abs(gl) + eps), rtol=0, atol=1e-15)
    np.testing.assert_allclose(w_dec, (1 - lr * lam) * w - lr * g / (np.abs(g) + eps), rtol=0, atol=1e-15)
    # The derived difference: AdamW - (Adam + L2) = -lr*lam*w - lr*g/(|g|+eps) + lr*gl/(|gl|+eps).
    diff = -lr * lam * w - lr * g / (np.abs(g) + eps) + lr * gl / (np.abs(gl) + eps)
    np.testing.assert_allclose(w_dec - w_l2, diff, rtol=0, atol=1e-15)
    # A weight with no data gradient: L2 under Adam moves it by lr (sign only), decay by lr*lam*w.
    assert w_l2[2] == pytest.approx(0.3 - lr, abs=1e-9)
    assert w_dec[2] == pytest.approx(0.3 * (1 - lr * lam), abs=1e-15)


def test_under_sgd_l2_and_decoupled_decay_are_the_same_update():
    rng = np.random.default_rng(0)
    w, g = rng.standard_normal(5), rng.standard_normal(5)
    lr, lam = 0.1, 0.3
    w_l2, _ = sgd(w, g + lam * w, {"learning_rate": lr})
    np.testing.assert_allclose(w_l2, (1 - lr * lam) * w - lr * g, rtol=0, atol=1e-15)


def test_adamw_matches_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(1)
    w0 = rng.standard_normal(6)
    grads = rng.standard_normal((25, 6))
    p = torch.nn.Parameter(torch.tensor(w0, dtype=torch.float64))
    opt = torch.optim.AdamW([p], lr=0.05, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.2)
    w, config = w0, {"learning_rate": 0.05, "weight_decay": 0.2}
    for g in grads:
        opt.zero_grad()
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        w, config = adamw(w, g, config)
    np.testing.assert_allclose(w, p.detach().numpy(), rtol=1e-12, atol=1e-12)


def test_noise_only_runs_show_decay_independent_of_gradient_scale_only_for_adamw():
    runs = weight_decay_runs()
    theory = float(runs["theory"])
    np.testing.assert_allclose(runs["sgd_l2"], runs["sgd_decay"], rtol=0, atol=1e-12)
    mean, se = runs["adamw"].mean(axis=0), runs["adamw"].std(axis=0, ddof=1) / np.sqrt(len(runs["adamw"]))
    assert np.all(np.abs(mean - theory) <= 4 * se)  # E[w_T] = (1 - lr*lam)^T at every scale
    l2 = runs["adam_l2"].mean(axis=0)  # scales 1e-3, 0.1, 1, 10
    assert abs(l2[0]) < 0.01  # tiny gradients: lr per step drives the weight to 0
    assert l2[1] < theory / 5  # small gradients: decays far more than AdamW
    assert l2[3] > 1 - (1 - theory) / 3  # large gradients: decays far less
    assert np.all(np.diff(l2) > 0)  # the larger the gradient scale, the weaker L2's effect under Adam


def test_adamw_config_is_checked():
    with pytest.raises(ValueError, match="weight_decay"):
        adamw(np.ones(2), np.ones(2), {"weight_decay": -1.0})
    with pytest.raises(ValueError, match="'decay'"):
        adamw(np.ones(2), np.ones(2), {"decay": 0.1})
    with pytest.raises(ValueError, match="lr \\* lam"):
        weight_decay_runs(lr=1.0, lam=2.0)
