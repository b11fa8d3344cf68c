"""Training the toy CNN: mini-batches, Adam, one seed for everything.

``train`` is the loop a lesson can show in full: shuffle, and for each mini-batch run forward,
loss, backward (:meth:`ToyCNN.loss_and_grads`) and one Adam step. The learning rate shrinks along
half a cosine, from ``learning_rate`` in the first epoch towards 0 in the last, so the last epochs
only fine-tune (and a run does not end on one unlucky large step). Everything random -- the first
weights, the pictures, the shuffling -- comes from ``numpy.random.default_rng`` objects made from
the seed, so the same seed gives bit-identical weights on the same machine.

From a shell, ``python -m convlesson.train`` trains from the seed, prints the accuracy on freshly
drawn pictures and writes the weights (``--help`` for the options; :func:`main`).
"""

from __future__ import annotations

import argparse
import math
import numbers
import time

import numpy as np

from .language import catalog
from .network import WEIGHTS_PATH, ToyCNN
from .shapes import _positive_int, as_seed, show
from .toy_images import toy_images

__all__ = ["Adam", "train", "train_from_seed", "main", "TRAIN_SEED", "TEST_SEED", "QUICK", "FULL"]

#: Seeds of the training pictures and of the fresh pictures the accuracy is measured on.
TRAIN_SEED, TEST_SEED = 0, 12345
#: Settings of the shipped weights, and of a run short enough for a live notebook cell.
FULL = {"n_train": 3000, "epochs": 12, "batch_size": 32, "learning_rate": 0.01}
QUICK = {"n_train": 1500, "epochs": 8, "batch_size": 32, "learning_rate": 0.01}

say = catalog("core")


class Adam:
    """Adam (Kingma & Ba, 2015): a step per weight from running means of its gradient and its square.

    Parameters
    ----------
    params : dict of str to numpy.ndarray
        Updated in place by :meth:`step`.
    learning_rate : float
    beta1, beta2 : float
        How slowly the two running means forget.
    eps : float
        Keeps the division safe where the squared gradient is ~0.
    """

    def __init__(self, params, learning_rate=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        self.params, self.lr, self.beta1, self.beta2, self.eps = params, learning_rate, beta1, beta2, eps
        self.mean = {k: np.zeros_like(v) for k, v in params.items()}  # running mean of the gradient
        self.square = {k: np.zeros_like(v) for k, v in params.items()}  # ... and of its square
        self.t = 0

    def step(self, grads):
        """Move every parameter against its gradient ``grads[name]``."""
        self.t += 1
        for k, g in grads.items():
            self.mean[k] = self.beta1 * self.mean[k] + (1 - self.beta1) * g
            self.square[k] = self.beta2 * self.square[k] + (1 - self.beta2) * g * g
            mean_hat = self.mean[k] / (1 - self.beta1**self.t)  # both start at 0: undo that bias
            square_hat = self.square[k] / (1 - self.beta2**self.t)
            self.params[k] -= self.lr * mean_hat / (np.sqrt(square_hat) + self.eps)


def _positive_number(value, name):
    if not isinstance(value, numbers.Real) or isinstance(value, bool) or not 0 < value < math.inf:
        raise ValueError(say("train.positive_number", name=name, value=show(value)))
    return float(value)


def train(net, x, labels, epochs, batch_size=32, learning_rate=0.01, seed=0, on_epoch=None):
    """Train ``net`` in place with mini-batch Adam.

    Parameters
    ----------
    net : ToyCNN
    x : numpy.ndarray
        ``(N, H, W, C_in)`` training pictures.
    labels : numpy.ndarray
        ``(N,)`` int class indices.
    epochs, batch_size : int
        Passes over the pictures, and pictures per step.
    learning_rate : float
        The first epoch's; later epochs use less (half a cosine).
    seed : int
        Seeds the shuffling (``default_rng(seed)``).
    on_epoch : callable, optional
        Called after every epoch as ``on_epoch(epoch, loss, accuracy)``: the epoch number
        (1, 2, ...), and the mean loss and accuracy on the epoch's mini-batches, measured as they
        were trained on (the network changes during the epoch).

    Returns
    -------
    list of (float, float)
        ``(loss, accuracy)`` per epoch, as passed to ``on_epoch``.
    """
    if not isinstance(net, ToyCNN):
        raise TypeError(say("train.net", kind=type(net).__name__))
    x, labels = np.asarray(x, dtype=float), np.asarray(labels)
    if x.ndim != 4 or len(x) == 0 or labels.shape != (len(x),):
        raise ValueError(say("train.shapes", x=x.shape, labels=labels.shape))
    if labels.dtype.kind not in "iu" or labels.min() < 0 or labels.max() >= len(net.class_names):
        raise ValueError(
            say(
                "train.labels",
                classes=len(net.class_names),
                dtype=labels.dtype,
                lo=labels.min(),
                hi=labels.max(),
            )
        )
    epochs, batch_size = _positive_int(epochs, "epochs"), _positive_int(batch_size, "batch_size")
    learning_rate, seed = _positive_number(learning_rate, "learning_rate"), as_seed(seed, "seed")
    if on_epoch is not None and not callable(on_epoch):
        raise TypeError(say("train.on_epoch", value=repr(on_epoch)))
    rng = np.random.default_rng(seed)
    optimizer = Adam(net.params, learning_rate)
    history = []
    for epoch in range(1, epochs + 1):
        optimizer.lr = learning_rate * 0.5 * (1 + math.cos(math.pi * (epoch - 1) / epochs))
        order = rng.permutation(len(x))
        total_loss, correct = 0.0, 0
        for start in range(0, len(x), batch_size):
            batch = order[start : start + batch_size]
            loss, logits = net.loss_and_grads(x[batch], labels[batch])  # forward + backward
            optimizer.step(net.grads)
            total_loss += loss * len(batch)
            correct += int((logits.argmax(axis=1) == labels[batch]).sum())
        history.append((total_loss / len(x), correct / len(x)))
        if on_epoch is not None:
            on_epoch(epoch, *history[-1])
    return history


def train_from_seed(
    seed=TRAIN_SEED,
    n_train=FULL["n_train"],
    epochs=FULL["epochs"],
    batch_size=FULL["batch_size"],
    learning_rate=FULL["learning_rate"],
    on_epoch=None,
):
    """Draw training pictures, make a network and train it, all from one ``seed``.

    Parameters
    ----------
    seed : int
        Seeds the pictures, the first weights and the shuffling.
    n_train, epochs, batch_size : int
    learning_rate : float
    on_epoch : callable, optional
        See :func:`train`.

    Returns
    -------
    net : ToyCNN
    history : list of (float, float)
        ``(loss, accuracy)`` per epoch.

    Examples
    --------
    >>> net, history = train_from_seed(**QUICK)  # doctest: +SKIP
    """
    n_train = _positive_int(n_train, "n_train")
    x, labels, names = toy_images(n_train, seed=seed)
    net = ToyCNN.from_seed(seed, names)
    history = train(net, x, labels, epochs, batch_size, learning_rate, seed=seed, on_epoch=on_epoch)
    net.history = list(history)
    net.trained_with = {
        "seed": int(seed),
        "n_train": n_train,
        "epochs": int(epochs),
        "batch_size": int(batch_size),
        "learning_rate": float(learning_rate),
        "size": int(x.shape[1]),
    }
    return net, history


def main(argv=None):
    """Train from the seed, print the accuracy on fresh pictures, write (or check) the weights.

    ``python -m convlesson.train`` trains the full run from seed 0 and writes the package's own
    ``toy_cnn.npz``: the command that made the shipped weights remakes them (bit for bit on the same
    machine). Any other run (``--quick``, another ``--seed``) must say where to go with ``--out``, so
    the shipped file only ever holds the full run from seed 0. ``--check`` trains and compares with
    the shipped weights, and writes nothing.
    """
    parser = argparse.ArgumentParser(prog="python -m convlesson.train", description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=TRAIN_SEED, help=f"default {TRAIN_SEED}")
    parser.add_argument("--quick", action="store_true", help="the short run meant for a live notebook cell")
    parser.add_argument("--n-test", type=int, default=2000, help="fresh pictures to measure accuracy on")
    parser.add_argument("--out", help="where to write the .npz (default: the package's shipped weights)")
    parser.add_argument(
        "--check", action="store_true", help="compare with the shipped weights, write nothing"
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    shipped_run = not args.quick and args.seed == TRAIN_SEED
    if args.out is None and not args.check and not shipped_run:
        parser.error("only the full run from seed 0 is written to the shipped weights; give --out PATH")

    def report(epoch, loss, accuracy):
        print(f"epoch {epoch:2d}/{settings['epochs']}  loss {loss:.4f}  train accuracy {accuracy:.3f}")

    start = time.perf_counter()
    net, _ = train_from_seed(args.seed, on_epoch=report, **settings)
    seconds = time.perf_counter() - start
    x_test, y_test, _ = toy_images(args.n_test, seed=TEST_SEED)
    print(
        f"trained in {seconds:.1f} s; accuracy on {args.n_test} fresh pictures "
        f"(seed {TEST_SEED}): {net.accuracy(x_test, y_test):.4f}"
    )
    if args.check:
        shipped = ToyCNN.load(WEIGHTS_PATH)
        worst = max(
            float(np.abs(np.float32(net.params[k]) - shipped.params[k]).max()) for k in ToyCNN.PARAM_NAMES
        )
        print(f"largest difference from the shipped weights (as float32): {worst:.3g}")
        return
    out = WEIGHTS_PATH if args.out is None else args.out
    net.save(out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
