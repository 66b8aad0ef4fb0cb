"""Update-rule configs reject typos, and non-finite, missing or absurdly large input is refused with a named argument."""

import numpy as np
import pytest

from studynotes import linear, nn, optim
from studynotes.optim import adagrad, adam, nesterov_momentum, rmsprop, sgd, sgd_momentum, step_decay

RULES = [sgd, sgd_momentum, nesterov_momentum, adagrad, rmsprop, adam]
W = np.array([1.0, 2.0, 3.0])
DW = np.array([0.1, -0.2, 0.3])


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_unknown_config_key_names_itself_and_the_accepted_keys(rule):
    with pytest.raises(ValueError) as err:
        rule(W, DW, {"learnig_rate": 0.1})
    msg = str(err.value)
    assert "'learnig_rate'" in msg and "'learning_rate'" in msg
    with pytest.raises(ValueError, match="'lr'"):
        rule(W, DW, {"lr": 0.5})


def test_accepted_keys_are_the_documented_hyperparameters_and_state():
    _, c = adam(W, DW, {"learning_rate": 0.1})
    assert set(c) == {"learning_rate", "beta1", "beta2", "epsilon", "bias_correction", "t", "m", "v"}
    # A config returned by a rule is accepted by the same rule: state keys round-trip.
    for rule in RULES:
        _, c = rule(W, DW, None)
        w2, c2 = rule(W, DW, c)
        assert set(c2) == set(c)
    with pytest.raises(ValueError, match="'velocity'"):
        adam(W, DW, {"velocity": np.zeros(3)})  # momentum's state is not Adam's


def test_typo_no_longer_falls_back_to_the_default():
    # The documented failure: adam with "learnig_rate" used to run with lr=1e-3.
    w_good, _ = adam(W, DW, {"learning_rate": 0.1})
    np.testing.assert_allclose(w_good, W - 0.1 * np.sign(DW), rtol=1e-6)  # Adam's first step has size lr


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_w_or_dw_is_rejected(rule, bad):
    with pytest.raises(ValueError, match=r"\bdw\b.*finite"):
        rule(W, np.array([0.1, bad, 0.1]), None)
    with pytest.raises(ValueError, match=r"\bw\b.*finite"):
        rule(np.array([0.1, bad, 0.1]), DW, None)


def test_non_finite_state_is_rejected():
    with pytest.raises(ValueError, match="velocity"):
        sgd_momentum(W, DW, {"velocity": np.array([0.0, np.nan, 0.0])})


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda v: sgd(v, DW), "w"),
        (lambda v: sgd(W, v), "dw"),
        (lambda v: nn.relu(v), "x"),
        (lambda v: nn.sigmoid(v), "x"),
        (lambda v: nn.affine_forward(v, np.ones((2, 2)), np.ones(2)), "x"),
        (lambda v: nn.zero_center(v), "X"),
        (lambda v: linear.ridge(v, np.ones(3), 0.1), "X"),
        (lambda v: linear.lasso(np.ones((3, 2)), v, 0.1), "y"),
        (lambda v: optim.steps_to_tolerance(v, [0.0], 0.1), "path"),
        (lambda v: step_decay(0.1, v), "t"),
        (lambda v: nn.rel_error(v, 1.0), "a"),
        (lambda v: nn.layernorm_forward(v, np.ones(2), np.zeros(2)), "x"),
        (lambda v: optim.adamw(W, v), "dw"),
        (lambda v: linear.elastic_net(v, np.ones(3), 0.1, 0.5), "X"),
    ],
)
@pytest.mark.parametrize("value", [None, "abc", ["1", "x"]])
def test_strings_and_none_name_the_argument(call, name, value):
    with pytest.raises(TypeError, match=rf"^{name} must be a number or an array of numbers"):
        call(value)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: nn.he_init(10**6, 2 * 10**6, np.random.default_rng(0)), "fan_in * fan_out"),
        (lambda: nn.small_random_init(10**5, 10**5, np.random.default_rng(0)), "fan_in * fan_out"),
        (lambda: nn.TwoLayerNet(10**5, 10**5, 3, rng=np.random.default_rng(0)), "input_dim * hidden_dim"),
        (lambda: nn.make_spiral(10**9, 3, np.random.default_rng(0)), "n_per_class * n_classes"),
        (lambda: nn.log_uniform(1e-6, 1e-3, 10**12, np.random.default_rng(0)), "size"),
        (lambda: optim.run(sgd, lambda x: x, np.zeros(10**4), 10**5), "num_steps * x0.size"),
        (lambda: linear.make_sine_data(10**10, np.random.default_rng(0)), "n"),
        (lambda: linear.lambda_grid(1.0, 10**10), "n"),
    ],
)
def test_sizes_too_large_to_allocate_are_refused_first(call, name):
    with pytest.raises(ValueError) as err:
        call()
    assert str(err.value).startswith(f"{name} too large")


def test_step_decay_fractional_epochs_drop_at_whole_multiples():
    t = np.array([0.0, 0.5, 0.999, 1.0, 1.5, 2.0])
    np.testing.assert_allclose(step_decay(0.1, t, drop=0.5, every=1), 0.1 * 0.5 ** np.floor(t))
    # Per-iteration use: 4 iterations per epoch, drop every 2 epochs.
    it = np.arange(12)
    lrs = step_decay(1.0, it / 4, drop=0.1, every=2)
    np.testing.assert_allclose(lrs, [1.0] * 8 + [0.1] * 4)


@pytest.mark.parametrize("value", [None, "abc"])
def test_labels_that_are_not_arrays_name_y(value):
    with pytest.raises(TypeError, match=r"^y must be an array of integer class labels"):
        nn.softmax_loss(np.ones((1, 2)), value)
