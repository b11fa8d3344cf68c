"""The layers of the toy CNN, each with its forward *and* backward pass, and the loss.

Every layer has ``forward(x)``, which keeps what its backward pass will need, and
``backward(grad_out)``, which is given dL/d(its output) and returns dL/d(its input) -- the chain rule,
one layer at a time. Layers with weights also leave dL/d(each weight) in ``layer.grads``. A network
trains by calling the forward passes in order, the loss, then the backward passes in reverse order.

The convolution's backward pass is two more convolutions, both computed by :func:`conv2d`: the
weights' gradient correlates the input with the output's gradient, and the input's gradient
convolves the output's gradient with the kernels turned by 180 degrees (see :meth:`ConvLayer.backward`).
Weights are read from a dict of named arrays shared with the network (Keras's layout: a
convolution's ``kernel`` is ``(kh, kw, C_in, filters)``), so an optimizer can update them in place.
"""

from __future__ import annotations

import numpy as np

from .conv import conv2d

__all__ = ["ConvLayer", "ReLU", "MaxPool2x2", "GlobalAveragePool", "Dense", "softmax_cross_entropy"]


class ConvLayer:
    """A trainable 'valid', stride-1 convolution: its weights are ``params[name + '.kernel' / '.bias']``.

    The same sum as ``cl.Conv2D`` (:class:`convlesson.core.layer.Conv2D`) computes, with a backward
    pass added; named apart from it so that nobody mistakes one for the other.

    Parameters
    ----------
    params : dict of str to numpy.ndarray
        Holds ``name.kernel`` ``(kh, kw, C_in, filters)`` and ``name.bias`` ``(filters,)``.
    name : str
    """

    def __init__(self, params, name):
        self.params, self.name, self.grads = params, name, {}

    def forward(self, x):
        """``(N, H, W, C_in)`` -> ``(N, H - kh + 1, W - kw + 1, filters)``."""
        self.x = x
        return conv2d(x, self.params[self.name + ".kernel"], self.params[self.name + ".bias"])

    def backward(self, grad_out, input_grad=True):
        """dL/d(output) ``(N, H', W', filters)`` -> dL/d(input) ``(N, H, W, C_in)``, or None.

        ``input_grad=False`` skips dL/d(input) and returns None: a first layer needs only its weights'.

        Forward, ``out[n, p, q, f] = sum over i, j, c of x[n, p+i, q+j, c] * kernel[i, j, c, f]``,
        so each weight's gradient sums (input under that tap) x (gradient at that output)::

            dkernel[i, j, c, f] = sum over n, p, q of x[n, p+i, q+j, c] * grad_out[n, p, q, f]

        That is a correlation of the input with the output gradient over the *spatial* axes, summed
        over the batch: ``conv2d`` computes it if the batch axis plays the channels and the
        channels play the batch. Each input pixel reached every output it was under, so::

            dx[n, a, b, c] = sum over i, j, f of grad_out[n, a-i, b-j, f] * kernel[i, j, c, f]

        which is ``conv2d`` of the output gradient, zero-padded by ``kh - 1`` ('full'), with each
        kernel turned by 180 degrees and the kernel's in and out axes swapped.
        """
        kernel = self.params[self.name + ".kernel"]
        x_as_batch = self.x.transpose(3, 1, 2, 0)  # (C_in, H, W, N): channels as images, batch as channels
        grad_as_kernel = grad_out.transpose(1, 2, 0, 3)  # (H', W', N, filters): one 'kernel' per filter
        dkernel = conv2d(x_as_batch, grad_as_kernel)  # (C_in, kh, kw, filters)
        self.grads["kernel"] = dkernel.transpose(1, 2, 0, 3)  # back to (kh, kw, C_in, filters)
        self.grads["bias"] = grad_out.sum(axis=(0, 1, 2))  # the bias is added at every output pixel
        if not input_grad:  # no layer before this one to pass it to
            return None
        turned = kernel[::-1, ::-1].transpose(0, 1, 3, 2)  # (kh, kw, filters, C_in), each kernel turned
        return conv2d(grad_out, turned, padding="full")


class ReLU:
    """``max(x, 0)``; the gradient passes where the input was positive and is 0 elsewhere."""

    def forward(self, x):
        """Any shape -> the same shape."""
        self.positive = x > 0
        return np.where(self.positive, x, 0.0)

    def backward(self, grad_out):
        """dL/d(output) -> dL/d(input)."""
        return np.where(self.positive, grad_out, 0.0)


class MaxPool2x2:
    """The largest of each 2x2 block (an odd last row or column is dropped, as Keras does)."""

    def forward(self, x):
        """``(N, H, W, C)`` -> ``(N, H // 2, W // 2, C)``."""
        n, h, w, c = x.shape
        self.shape = x.shape
        blocks = x[:, : h // 2 * 2, : w // 2 * 2].reshape(n, h // 2, 2, w // 2, 2, c)
        blocks = blocks.transpose(0, 1, 3, 5, 2, 4).reshape(n, h // 2, w // 2, c, 4)  # 4 values per block
        self.winner = blocks.argmax(axis=-1)[..., None]  # which of the 4 was the max (the first, if tied)
        return np.take_along_axis(blocks, self.winner, axis=-1)[..., 0]

    def backward(self, grad_out):
        """dL/d(output) -> dL/d(input): each block's gradient goes to its max, 0 to the other 3."""
        n, h, w, c = self.shape
        blocks = np.zeros((n, h // 2, w // 2, c, 4))
        np.put_along_axis(blocks, self.winner, grad_out[..., None], axis=-1)
        blocks = blocks.reshape(n, h // 2, w // 2, c, 2, 2).transpose(0, 1, 4, 2, 5, 3)
        grad_in = np.zeros((n, h, w, c))
        grad_in[:, : h // 2 * 2, : w // 2 * 2] = blocks.reshape(n, h // 2 * 2, w // 2 * 2, c)
        return grad_in


class GlobalAveragePool:
    """The mean of each channel over all positions: one number per channel."""

    def forward(self, x):
        """``(N, H, W, C)`` -> ``(N, C)``."""
        self.shape = x.shape
        return x.mean(axis=(1, 2))

    def backward(self, grad_out):
        """dL/d(output) ``(N, C)`` -> dL/d(input): shared equally by the ``H * W`` positions."""
        n, h, w, c = self.shape
        return np.broadcast_to(grad_out[:, None, None, :] / (h * w), self.shape).copy()


class Dense:
    """``x @ kernel + bias`` with ``params[name + '.kernel']`` ``(in, out)`` and ``.bias`` ``(out,)``."""

    def __init__(self, params, name):
        self.params, self.name, self.grads = params, name, {}

    def forward(self, x):
        """``(N, in)`` -> ``(N, out)``."""
        self.x = x
        return x @ self.params[self.name + ".kernel"] + self.params[self.name + ".bias"]

    def backward(self, grad_out):
        """dL/d(output) ``(N, out)`` -> dL/d(input) ``(N, in)``."""
        self.grads["kernel"] = self.x.T @ grad_out
        self.grads["bias"] = grad_out.sum(axis=0)
        return grad_out @ self.params[self.name + ".kernel"].T


def softmax_cross_entropy(logits, labels):
    """Mean cross-entropy of ``softmax(logits)`` against integer labels, and its gradient.

    Parameters
    ----------
    logits : numpy.ndarray
        ``(N, classes)``, the network's raw outputs.
    labels : numpy.ndarray
        ``(N,)`` ints in ``[0, classes)``.

    Returns
    -------
    loss : float
        ``mean over n of -log p[n, labels[n]]``.
    grad_logits : numpy.ndarray
        dL/d(logits) = ``(p - one_hot(labels)) / N``.
    """
    shifted = logits - logits.max(axis=1, keepdims=True)  # same softmax, no overflow
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(len(labels))
    loss = -log_p[rows, labels].mean()
    grad = np.exp(log_p)
    grad[rows, labels] -= 1.0
    return float(loss), grad / len(labels)
