r"""Optimization from CS231n lecture 7: update rules, schedules, second-order steps and their experiments.

Update rules follow the CS231n assignment: `next_w, config = rule(w, dw, config)` on any NumPy
array, with the optimizer's state (velocity, caches, moments, step count) kept in `config`.
Each call returns a new `config`; the caller's dict and `w` are never modified.
Mapping to `torch.optim` (same iterates with the same hyperparameters, checked to 1e-10 in float64):

| studynotes.optim | torch.optim | state |
|---|---|---|
| `sgd` | `SGD(lr)` | none |
| `sgd_momentum` | `SGD(lr, momentum=rho)` | `velocity = -lr * momentum_buffer` |
| `nesterov_momentum` | `SGD(lr, momentum=rho, nesterov=True)` | `velocity = -lr * momentum_buffer` |
| `adagrad` | `Adagrad(lr, eps=epsilon)` (PyTorch's default eps is 1e-10) | `cache = sum` |
| `rmsprop` | `RMSprop(lr, alpha=decay_rate, eps=epsilon)` | `cache = square_avg` |
| `adam` | `Adam(lr, betas=(beta1, beta2), eps=epsilon)` | `m = exp_avg`, `v = exp_avg_sq`, `t = step` |

The momentum velocities differ by the factor $-\alpha$ because the assignment folds the
learning rate into the velocity ($v \leftarrow \rho v - \alpha g$) while the slide and
PyTorch apply it afterwards ($b \leftarrow \rho b + g,\ x \leftarrow x - \alpha b$); the two
agree only while the learning rate is constant. PyTorch's Nesterov is the change-of-variables form
of `nesterov_momentum`. PyTorch has no Adam without bias correction.
"""

from .animate import RACE_METHODS, animated_figure_html, race_figure_html, race_grid
from .dropout import all_masks, dropout_ensemble, log10_num_masks, mask_average
from .experiments import (
    RaceRun,
    RotationRun,
    constant_gradient_steps,
    ema,
    newton_vs_gd,
    noisy_gradient,
    optimizer_race,
    polyak_average,
    positive_definite_draws,
    rotated_quadratic_runs,
    saddle_escape_steps,
    saddle_escape_theory,
    weight_decay_runs,
)
from .functions import Objective, condition_number, ill_conditioned_quadratic, quadratic, rosenbrock, saddle
from .optimizers import adagrad, adam, adamw, nesterov_momentum, rmsprop, run, sgd, sgd_momentum
from .schedules import exponential_decay, inverse_time_decay, step_decay
from .second_order import (
    contraction_factor,
    gd_optimal_rate,
    heavy_ball_parameters,
    momentum_rate,
    momentum_stability_limit,
    newton_method,
    newton_step,
    sgd_noise_floor,
    steps_to_tolerance,
)

__all__ = [
    "Objective",
    "RaceRun",
    "RotationRun",
    "adagrad",
    "adam",
    "adamw",
    "all_masks",
    "RACE_METHODS",
    "animated_figure_html",
    "race_figure_html",
    "race_grid",
    "condition_number",
    "constant_gradient_steps",
    "contraction_factor",
    "dropout_ensemble",
    "ema",
    "exponential_decay",
    "gd_optimal_rate",
    "heavy_ball_parameters",
    "ill_conditioned_quadratic",
    "inverse_time_decay",
    "log10_num_masks",
    "mask_average",
    "momentum_rate",
    "momentum_stability_limit",
    "nesterov_momentum",
    "newton_method",
    "newton_step",
    "newton_vs_gd",
    "noisy_gradient",
    "optimizer_race",
    "polyak_average",
    "positive_definite_draws",
    "rotated_quadratic_runs",
    "quadratic",
    "rmsprop",
    "rosenbrock",
    "run",
    "saddle",
    "saddle_escape_steps",
    "saddle_escape_theory",
    "sgd",
    "sgd_momentum",
    "sgd_noise_floor",
    "step_decay",
    "weight_decay_runs",
]
