"""Neural networks in plain NumPy, for CS231n's "Training Neural Networks" lectures.

Activations and their derivatives, weight initializers, layers as forward/backward pairs (affine,
ReLU, batch normalization, inverted dropout), the softmax loss, the spiral data set, a two-layer
network with a training loop, and the lecture's experiments. Conventions follow the CS231n
assignments; the docstrings say where PyTorch or Keras differ.
"""

from .activations import (
    ACTIVATIONS,
    elu,
    elu_grad,
    leaky_relu,
    leaky_relu_grad,
    maxout,
    relu,
    relu_grad,
    sigmoid,
    sigmoid_grad,
    tanh,
    tanh_grad,
)
from .data import make_spiral
from .diagnostics import LayerStats, deep_relu_loss, layer_stats
from .experiments import (
    InitExperiment,
    init_experiment,
    layout_best_scores,
    linear_sgd_path,
    steps_to_target,
    zero_centered_steps,
    log_uniform,
    lr_sweep,
    overfit_small,
    peak_score,
    same_sign_fraction,
    search_layouts,
    spiral_run,
)
from .gradcheck import numerical_gradient, numerical_gradient_array, rel_error
from .init import he_init, small_random_init, xavier_init, xavier_uniform_init
from .layers import (
    affine_backward,
    affine_forward,
    batchnorm_backward,
    batchnorm_forward,
    dropout_backward,
    dropout_forward,
    layernorm_backward,
    layernorm_forward,
    relu_backward,
    relu_forward,
    softmax_loss,
)
from .net import History, TwoLayerNet, train
from .preprocess import normalize, pca_basis, pca_rotate, whiten, zero_center
from .transfer import TRANSFER_METHODS, related_tasks, transfer_experiment

__all__ = [
    "ACTIVATIONS",
    "History",
    "InitExperiment",
    "LayerStats",
    "TRANSFER_METHODS",
    "TwoLayerNet",
    "affine_backward",
    "affine_forward",
    "batchnorm_backward",
    "batchnorm_forward",
    "dropout_backward",
    "deep_relu_loss",
    "dropout_forward",
    "layernorm_backward",
    "layernorm_forward",
    "elu",
    "elu_grad",
    "he_init",
    "init_experiment",
    "leaky_relu",
    "leaky_relu_grad",
    "layer_stats",
    "layout_best_scores",
    "linear_sgd_path",
    "steps_to_target",
    "zero_centered_steps",
    "log_uniform",
    "lr_sweep",
    "make_spiral",
    "maxout",
    "normalize",
    "numerical_gradient",
    "numerical_gradient_array",
    "overfit_small",
    "peak_score",
    "pca_basis",
    "pca_rotate",
    "rel_error",
    "related_tasks",
    "relu",
    "relu_backward",
    "relu_forward",
    "relu_grad",
    "same_sign_fraction",
    "search_layouts",
    "sigmoid",
    "sigmoid_grad",
    "small_random_init",
    "softmax_loss",
    "spiral_run",
    "tanh",
    "tanh_grad",
    "train",
    "transfer_experiment",
    "whiten",
    "xavier_init",
    "xavier_uniform_init",
    "zero_center",
]
