"""A small CNN in plain numpy, its forward *and* backward passes built on :func:`conv2d`.

The network, for ``(N, 16, 16, 3)`` pictures::

    conv1  Conv2D(8, 3)    (N, 14, 14, 8)   8 filters, each 3 kernels of 3x3: 8 x 3 = 24 kernels
    relu1  ReLU
    pool1  MaxPool 2x2     (N, 7, 7, 8)
    conv2  Conv2D(16, 3)   (N, 5, 5, 16)    16 filters, each 8 kernels: 16 x 8 = 128 kernels
    relu2  ReLU
    gap    global average  (N, 16)
    dense  Dense           (N, classes)     then softmax and cross-entropy (in training)

The layers and the loss, each with its forward and backward pass, are in :mod:`.backprop`;
backpropagation through the whole network is then just their backward passes in reverse order
(:meth:`ToyCNN.backward`). The weights live in one dict of named arrays, ``net.params``, in Keras's
layout: ``conv1.kernel`` is ``(kh, kw, C_in, filters)`` = ``(3, 3, 3, 8)``.

:func:`trained_network` (``cl.trained_network()``) gives the trained network shipped beside this
module (99.85 % right on 2 000 fresh pictures); :mod:`.training` trains one from a seed
(``python -m convlesson.train``). Introduced in ``07_learned_filters``.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .backprop import ConvLayer, Dense, GlobalAveragePool, MaxPool2x2, ReLU, softmax_cross_entropy
from .language import catalog
from .shapes import _positive_int, as_seed, show

__all__ = ["ToyCNN", "WEIGHTS_PATH", "trained_network"]

#: The trained weights shipped beside this module (written by ``python -m convlesson.train``).
WEIGHTS_PATH = Path(__file__).with_name("toy_cnn.npz")

say = catalog("core")


def _check_images(x, name="x", c_in=3):
    arr = np.asarray(x, dtype=float)
    if arr.ndim != 4 or arr.shape[-1] != c_in or min(arr.shape[1:3]) < 8 or arr.shape[0] < 1:
        raise ValueError(say("net.images", name=name, c_in=c_in, shape=np.shape(x)))
    return arr


class ToyCNN:
    """Conv2D(8, 3) -> ReLU -> MaxPool 2x2 -> Conv2D(16, 3) -> ReLU -> global average -> Dense.

    Parameters
    ----------
    params : dict of str to numpy.ndarray
        ``conv1.kernel`` ``(3, 3, C_in, 8)``, ``conv1.bias``, ``conv2.kernel`` ``(3, 3, 8, 16)``,
        ``conv2.bias``, ``dense.kernel`` ``(16, classes)``, ``dense.bias`` (sizes may differ, but
        must fit together). Kept, not copied: training updates them in place.
    class_names : sequence of str, optional
        One per class.
    """

    PARAM_NAMES = ("conv1.kernel", "conv1.bias", "conv2.kernel", "conv2.bias", "dense.kernel", "dense.bias")

    def __init__(self, params, class_names=None):
        if not isinstance(params, dict):
            raise TypeError(say("net.params_type", kind=type(params).__name__))
        missing = [k for k in self.PARAM_NAMES if k not in params]
        if missing:
            raise ValueError(say("net.params_missing", missing=missing, needed=list(self.PARAM_NAMES)))
        k1, k2, dk = params["conv1.kernel"], params["conv2.kernel"], params["dense.kernel"]
        if k1.ndim != 4 or k2.ndim != 4 or k2.shape[2] != k1.shape[3] or dk.shape[0] != k2.shape[3]:
            raise ValueError(say("net.params_fit", k1=k1.shape, k2=k2.shape, dk=dk.shape))
        self.params = params
        self.history: list[tuple[float, float]] = []
        self.trained_with: dict = {}
        self.class_names = (
            tuple(class_names) if class_names is not None else tuple(f"class {k}" for k in range(dk.shape[1]))
        )
        if len(self.class_names) != dk.shape[1]:
            raise ValueError(say("net.class_names_count", names=len(self.class_names), classes=dk.shape[1]))
        self.layers = {
            "conv1": ConvLayer(params, "conv1"),
            "relu1": ReLU(),
            "pool1": MaxPool2x2(),
            "conv2": ConvLayer(params, "conv2"),
            "relu2": ReLU(),
            "gap": GlobalAveragePool(),
            "dense": Dense(params, "dense"),
        }

    @classmethod
    def from_seed(cls, seed, class_names, c_in=3, filters=(8, 16), kernel_size=3):
        """A new, untrained network with He-normal weights drawn from ``default_rng(seed)``.

        Parameters
        ----------
        seed : int
        class_names : sequence of str
            Sets the number of outputs.
        c_in : int, default 3
        filters : (int, int), default (8, 16)
            Filters in the first and second convolution layers.
        kernel_size : int, default 3
        """
        rng = np.random.default_rng(as_seed(seed, "seed"))
        if not isinstance(filters, (list, tuple)) or len(filters) != 2:
            raise ValueError(say("net.filters_pair", value=show(filters)))
        f1, f2 = (_positive_int(f, "filters") for f in filters)
        k, c_in = _positive_int(kernel_size, "kernel_size"), _positive_int(c_in, "c_in")
        if isinstance(class_names, str) or not isinstance(class_names, (list, tuple)) or len(class_names) < 2:
            raise ValueError(say("net.class_names", value=show(class_names)))
        n_classes = len(class_names)

        def he(*shape):  # variance 2 / fan_in keeps a ReLU network's signals the same size
            return rng.normal(0.0, np.sqrt(2.0 / np.prod(shape[:-1])), size=shape)

        params = {
            "conv1.kernel": he(k, k, c_in, f1),
            "conv1.bias": np.zeros(f1),
            "conv2.kernel": he(k, k, f1, f2),
            "conv2.bias": np.zeros(f2),
            "dense.kernel": he(f2, n_classes),
            "dense.bias": np.zeros(n_classes),
        }
        return cls(params, class_names)

    @property
    def c_in(self):
        """Input channels the first layer expects."""
        return self.params["conv1.kernel"].shape[2]

    @property
    def input_shape(self):
        """``(H, W, C_in)`` of the pictures it was trained on (16 x 16 unless it says otherwise)."""
        size = int(self.trained_with.get("size", 16))
        return (size, size, self.c_in)

    def forward(self, x):
        """``(N, H, W, C_in)`` pictures -> ``(N, classes)`` logits; every layer keeps its input."""
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def backward(self, grad_logits, input_grad=True):
        """Backpropagate dL/d(logits): fills :attr:`grads`, returns dL/d(pictures).

        Training does not need dL/d(pictures) (nothing before ``conv1`` learns) and skips it with
        ``input_grad=False``, which then returns None; it is about a third of the backward pass.
        """
        first, *later = self.layers.values()
        grad = grad_logits
        for layer in reversed(later):
            grad = layer.backward(grad)
        return first.backward(grad, input_grad=input_grad)

    @property
    def grads(self):
        """dL/d(each parameter) from the last :meth:`backward`, named as in :attr:`params`."""
        return {
            f"{name}.{k}": g
            for name, layer in self.layers.items()
            for k, g in getattr(layer, "grads", {}).items()
        }

    def loss_and_grads(self, x, labels):
        """Forward, loss, backward on one batch: returns ``(loss, logits)``; gradients in :attr:`grads`."""
        logits = self.forward(x)
        loss, grad_logits = softmax_cross_entropy(logits, labels)
        self.backward(grad_logits, input_grad=False)
        return loss, logits

    def predict_proba(self, x, batch_size=512):
        """Class probabilities ``(N, classes)`` for pictures ``x`` ``(N, H, W, C_in)``."""
        x = _check_images(x, "x", self.c_in)
        logits = np.concatenate([self.forward(x[i : i + batch_size]) for i in range(0, len(x), batch_size)])
        p = np.exp(logits - logits.max(axis=1, keepdims=True))
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, x):
        """The most likely class index ``(N,)`` for each picture."""
        return self.predict_proba(x).argmax(axis=1)

    def accuracy(self, x, labels):
        """The fraction of pictures whose predicted class is ``labels`` ``(N,)``."""
        labels = np.asarray(labels)
        if labels.shape != (np.shape(x)[0],):
            raise ValueError(say("net.labels_shape", n=np.shape(x)[0], shape=labels.shape))
        return float((self.predict(x) == labels).mean())

    def feature_maps(self, image):
        """Every layer's output for one picture, by layer name, and the class probabilities.

        Parameters
        ----------
        image : array_like
            ``(H, W, C_in)``, one picture.

        Returns
        -------
        dict of str to numpy.ndarray
            ``'conv1'`` ``(14, 14, 8)`` layer 1's maps before ReLU (signed), ``'relu1'`` after it,
            ``'pool1'`` ``(7, 7, 8)``, ``'conv2'`` / ``'relu2'`` ``(5, 5, 16)`` layer 2's maps,
            ``'gap'`` ``(16,)``, ``'dense'`` the logits and ``'probabilities'`` (sizes for 16x16).
        """
        if np.ndim(image) != 3:
            raise ValueError(say("net.one_image", c_in=self.c_in, shape=np.shape(image)))
        x = _check_images(np.asarray(image)[None], "image[None]", self.c_in)
        maps = {}
        for name, layer in self.layers.items():
            x = layer.forward(x)
            maps[name] = x[0]
        p = np.exp(x[0] - x[0].max())
        maps["probabilities"] = p / p.sum()
        return maps

    def save(self, path, dtype=np.float32):
        """Write the weights, class names, history and settings to a compressed ``.npz`` (a few KB).

        The weights are stored as ``dtype`` (float32: 7 KB); the history as float64.
        """
        if np.dtype(dtype).kind != "f":
            raise TypeError(say("net.dtype", value=show(dtype)))
        arrays = {k: np.asarray(v, dtype=dtype) for k, v in self.params.items()}
        extra = {"history": np.asarray(self.history, dtype=np.float64).reshape(-1, 2)}
        extra["trained_with"] = np.array(json.dumps(self.trained_with, sort_keys=True))
        np.savez_compressed(path, class_names=np.array(self.class_names), **arrays, **extra)

    @classmethod
    def load(cls, path=None):
        """The network saved at ``path`` (default :data:`WEIGHTS_PATH`, the shipped weights)."""
        path = WEIGHTS_PATH if path is None else Path(path)
        if not Path(path).is_file():
            raise FileNotFoundError(say("net.no_file", path=repr(str(path))))
        with np.load(path, allow_pickle=False) as saved:
            params = {k: saved[k].astype(np.float64) for k in cls.PARAM_NAMES if k in saved}
            names = [str(s) for s in saved["class_names"]] if "class_names" in saved else None
            history = [(float(a), float(b)) for a, b in saved["history"]] if "history" in saved else []
            settings = json.loads(str(saved["trained_with"])) if "trained_with" in saved else {}
        net = cls(params, names)
        net.history, net.trained_with = history, settings
        return net


def trained_network():
    """The small CNN the package trained, with the weights shipped beside it (a new copy each call).

    ``Conv2D(8, 3)`` on RGB -> ReLU -> 2x2 max pooling -> ``Conv2D(16, 3)`` -> ReLU -> global average
    -> dense, for the six classes of :func:`convlesson.core.toy_images.toy_images` (red or green
    vertical stripes, horizontal stripes or a disc, 16 x 16 pixels). Trained by
    ``python -m convlesson.train`` from seed 0; right on 99.85 % of 2 000 fresh pictures.
    ``cl.summary(net)`` lists its layers. Introduced in ``07_learned_filters``.

    Returns
    -------
    ToyCNN
        ``net.params['conv1.kernel']`` is the first layer's weights ``(3, 3, 3, 8)``: 8 filters of 3
        kernels; ``net.predict(pictures)``, ``net.feature_maps(picture)``, ``net.history``.

    Examples
    --------
    >>> net = trained_network()
    >>> net.params["conv2.kernel"].shape  # 16 filters, each of 8 kernels (one per layer-1 map)
    (3, 3, 8, 16)
    """
    return ToyCNN.load(WEIGHTS_PATH)
