"""The toy CNN: backprop against finite differences and loops, determinism, the shipped weights.

Oracles that share no code with the network: central finite differences of the loss (every
parameter, and the input), and loops written from the definition of the convolution.
"""

from __future__ import annotations

import numpy as np
import pytest

from convlesson.core import backprop, network, toy_images, training

ToyCNN = network.ToyCNN


# --------------------------------------------------------------------------- oracles
def numeric_gradient(f, array, eps=1e-6):
    """d f() / d array by central differences, nudging ``array`` in place one entry at a time."""
    grad = np.zeros_like(array)
    for idx in np.ndindex(array.shape):
        old = array[idx]
        array[idx] = old + eps
        up = f()
        array[idx] = old - eps
        down = f()
        array[idx] = old
        grad[idx] = (up - down) / (2 * eps)
    return grad


def relative_error(analytic, numeric):
    return np.abs(analytic - numeric).max() / max(np.abs(numeric).max(), 1e-12)


def conv_loops(x, kernel):
    """'valid' cross-correlation from the definition: out[n,p,q,f] = sum x[n,p+i,q+j,c] k[i,j,c,f]."""
    n, h, w, c_in = x.shape
    kh, kw, _, filters = kernel.shape
    out = np.zeros((n, h - kh + 1, w - kw + 1, filters))
    for b, p, q, f in np.ndindex(out.shape):
        out[b, p, q, f] = (x[b, p : p + kh, q : q + kw, :] * kernel[:, :, :, f]).sum()
    return out


def conv_backward_loops(x, kernel, grad_out):
    """dL/dx and dL/dkernel by sending every output's gradient back along each of its products."""
    dx, dk = np.zeros_like(x), np.zeros_like(kernel)
    kh, kw, c_in, _ = kernel.shape
    for b, p, q, f in np.ndindex(grad_out.shape):
        for i, j, c in np.ndindex(kh, kw, c_in):
            dx[b, p + i, q + j, c] += grad_out[b, p, q, f] * kernel[i, j, c, f]
            dk[i, j, c, f] += grad_out[b, p, q, f] * x[b, p + i, q + j, c]
    return dx, dk


@pytest.fixture
def small_net():
    """A float64 network small enough for finite differences, with non-zero biases."""
    rng = np.random.default_rng(7)
    net = ToyCNN.from_seed(3, ["a", "b", "c"], filters=(3, 4))
    for p in net.params.values():
        p += rng.normal(0.0, 0.1, p.shape)
    x = rng.random((3, 11, 11, 3))  # odd size: the pooling drops a row and a column
    labels = np.array([0, 2, 1])
    return net, x, labels


# --------------------------------------------------------------------------- gradients
def test_every_parameter_gradient_matches_finite_differences(small_net):
    net, x, labels = small_net
    net.loss_and_grads(x, labels)
    analytic = {k: g.copy() for k, g in net.grads.items()}
    assert set(analytic) == set(net.params)

    def loss():
        return backprop.softmax_cross_entropy(net.forward(x), labels)[0]

    for name, p in net.params.items():
        assert analytic[name].shape == p.shape, name
        assert relative_error(analytic[name], numeric_gradient(loss, p)) < 1e-6, name


def test_input_gradient_matches_finite_differences(small_net):
    net, x, labels = small_net
    loss_value, grad_logits = backprop.softmax_cross_entropy(net.forward(x), labels)
    grad_x = net.backward(grad_logits)

    def loss():
        return backprop.softmax_cross_entropy(net.forward(x), labels)[0]

    numeric = numeric_gradient(loss, x)
    assert relative_error(grad_x, numeric) < 1e-6
    assert np.all(grad_x[:, -1] == 0) and np.all(grad_x[:, :, -1] == 0)  # pooling dropped the maps over these


@pytest.mark.parametrize("kernel_hw", [(3, 3), (3, 2), (1, 4)])
def test_conv_forward_and_backward_match_loops(kernel_hw):
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 6, 7, 3))
    params = {"c.kernel": rng.normal(size=(*kernel_hw, 3, 4)), "c.bias": rng.normal(size=4)}
    layer = backprop.ConvLayer(params, "c")
    out = layer.forward(x)
    np.testing.assert_allclose(out, conv_loops(x, params["c.kernel"]) + params["c.bias"], atol=1e-12)
    grad_out = rng.normal(size=out.shape)
    dx = layer.backward(grad_out)
    dx_loops, dk_loops = conv_backward_loops(x, params["c.kernel"], grad_out)
    np.testing.assert_allclose(dx, dx_loops, atol=1e-12)
    np.testing.assert_allclose(layer.grads["kernel"], dk_loops, atol=1e-12)
    np.testing.assert_allclose(layer.grads["bias"], grad_out.sum(axis=(0, 1, 2)), atol=1e-12)


def test_softmax_cross_entropy_gradient():
    rng = np.random.default_rng(2)
    logits, labels = rng.normal(size=(5, 4)) * 30, np.array([0, 3, 1, 1, 2])  # large: tests the shift
    loss, grad = backprop.softmax_cross_entropy(logits, labels)
    assert np.isfinite(loss)
    numeric = numeric_gradient(lambda: backprop.softmax_cross_entropy(logits, labels)[0], logits)
    assert relative_error(grad, numeric) < 1e-6


# --------------------------------------------------------------------------- training
def test_same_seed_gives_identical_weights():
    settings = {"n_train": 120, "epochs": 2, "batch_size": 16}
    a, history_a = training.train_from_seed(5, **settings)
    b, history_b = training.train_from_seed(5, **settings)
    c, _ = training.train_from_seed(6, **settings)
    assert history_a == history_b
    for name in a.params:
        np.testing.assert_array_equal(a.params[name], b.params[name])
    assert not np.array_equal(a.params["conv1.kernel"], c.params["conv1.kernel"])


def test_on_epoch_is_called_once_per_epoch():
    calls = []
    _, history = training.train_from_seed(1, n_train=64, epochs=3, on_epoch=lambda *a: calls.append(a))
    assert [c[0] for c in calls] == [1, 2, 3]
    assert [c[1:] for c in calls] == history
    assert all(0 <= acc <= 1 and loss > 0 for _, loss, acc in calls)


def test_shipped_weights_reproduce_the_reported_accuracy_on_fresh_pictures():
    """The benchmark reports 99.85 % on 2 000 pictures of seed 12345; here another fresh set."""
    net = network.trained_network()
    assert network.WEIGHTS_PATH.stat().st_size < 16_000
    assert net.params["conv1.kernel"].shape == (3, 3, 3, 8)  # HWIO: 8 filters of 3 kernels
    assert net.params["conv2.kernel"].shape == (3, 3, 8, 16)  # 16 filters of 8 kernels
    assert net.class_names == toy_images.CLASS_NAMES
    x, labels, _ = toy_images.toy_images(1000, seed=2024)  # neither the training nor the main test seed
    predicted = np.argmax(_forward_by_loops(net.params, x), axis=1)  # the network run from its definition
    assert (predicted == labels).mean() >= 0.99
    np.testing.assert_array_equal(predicted, net.predict(x))


def _forward_by_loops(params, x):
    """The network's logits from its definition: loops for the convolutions, plain numpy elsewhere."""

    def conv(a, kernel, bias):
        return conv_loops(a, kernel) + bias

    a = np.maximum(conv(x, params["conv1.kernel"], params["conv1.bias"]), 0)
    n, h, w, c = a.shape
    a = a[:, : h // 2 * 2, : w // 2 * 2].reshape(n, h // 2, 2, w // 2, 2, c).max(axis=(2, 4))
    a = np.maximum(conv(a, params["conv2.kernel"], params["conv2.bias"]), 0)
    return a.mean(axis=(1, 2)) @ params["dense.kernel"] + params["dense.bias"]


def test_the_shipped_weights_say_how_they_were_made():
    net = network.trained_network()
    assert net.trained_with == {
        "seed": 0,
        "n_train": 3000,
        "epochs": 12,
        "batch_size": 32,
        "learning_rate": 0.01,
        "size": 16,
    }
    assert len(net.history) == 12 and net.history[-1][1] == 1.0 and net.history[0][0] > net.history[-1][0]
    assert net.input_shape == (16, 16, 3)


def test_trained_network_is_a_new_copy_each_time():
    a = network.trained_network()
    a.params["conv1.kernel"][:] = 0
    assert network.trained_network().params["conv1.kernel"].any()


def test_the_quick_run_for_a_live_cell_reaches_95_percent():
    net, history = training.train_from_seed(**training.QUICK)
    assert len(history) == training.QUICK["epochs"]
    x, labels, _ = toy_images.toy_images(1000, seed=2024)
    assert net.accuracy(x, labels) >= 0.95


def test_shipped_first_layer_uses_every_channel():
    kernel = ToyCNN.load().params["conv1.kernel"]
    for f in range(kernel.shape[-1]):
        norms = np.linalg.norm(kernel[:, :, :, f].reshape(9, 3), axis=0)
        assert norms.min() > 0.25 * norms.max(), f"filter {f}: kernel norms {norms}"
        corr = np.corrcoef(kernel[:, :, :, f].reshape(9, 3).T)
        assert np.abs(corr[np.triu_indices(3, 1)]).max() < 0.95, f"filter {f}: two kernels alike"


def test_save_load_round_trip(tmp_path):
    net, _ = training.train_from_seed(2, n_train=64, epochs=1)
    net.save(tmp_path / "w.npz")
    again = ToyCNN.load(tmp_path / "w.npz")
    assert again.class_names == net.class_names
    assert again.history == net.history and again.trained_with == net.trained_with
    assert again.trained_with["n_train"] == 64
    x, _, _ = toy_images.toy_images(20, seed=3)
    np.testing.assert_allclose(again.predict_proba(x), net.predict_proba(x), atol=1e-4)


def test_feature_maps_shapes():
    net = ToyCNN.load()
    x, _, _ = toy_images.toy_images(1, seed=4)
    maps = net.feature_maps(x[0])
    assert maps["relu1"].shape == (14, 14, 8) and maps["pool1"].shape == (7, 7, 8)
    assert maps["relu2"].shape == (5, 5, 16) and maps["probabilities"].shape == (6,)
    assert (maps["relu1"] >= 0).all() and np.isclose(maps["probabilities"].sum(), 1)
    np.testing.assert_allclose(maps["probabilities"], net.predict_proba(x)[0])


# --------------------------------------------------------------------------- the pictures
def test_pictures_are_deterministic_and_in_range():
    a, la, names = toy_images.toy_images(30, seed=9)
    b, lb, _ = toy_images.toy_images(30, seed=9)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(la, lb)
    assert a.shape == (30, 16, 16, 3) and a.min() >= 0 and a.max() <= 1
    assert not np.array_equal(a, toy_images.toy_images(30, seed=10)[0])


def test_one_channel_brightness_does_not_tell_red_from_green():
    x, labels, names = toy_images.toy_images(600, seed=11)
    red = np.array([names[k].startswith("red") for k in labels])
    mean_r = x[..., 0].mean(axis=(1, 2))
    assert mean_r[~red].max() > mean_r[red].min() + 0.1  # the two ranges overlap widely
    r_minus_g = (x[..., 0] - x[..., 1]).mean(axis=(1, 2))
    assert r_minus_g[red].min() > r_minus_g[~red].max()  # R - G separates them


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: toy_images.toy_images(0, seed=0), "n"),
        (lambda: toy_images.toy_images(5, seed=0, size=4), "size"),
        (lambda: toy_images.toy_images(5, seed=0, classes=["blue disc"]), "classes"),
        (lambda: ToyCNN.load().predict(np.zeros((16, 16, 3))), "x"),
        (lambda: ToyCNN.load().accuracy(np.zeros((2, 16, 16, 3)), [0]), "labels"),
        (lambda: training.train_from_seed(0, n_train=0), "n_train"),
        (lambda: training.train_from_seed(0, n_train=8, epochs=0), "epochs"),
        (lambda: training.train_from_seed(0, n_train=8, learning_rate=0), "learning_rate"),
        (lambda: training.train_from_seed(-1, n_train=8), "seed"),
        (lambda: toy_images.toy_images(5, seed=1.5), "seed"),
        (lambda: ToyCNN.from_seed(0, ["a", "b"], filters=(8, 0)), "filters"),
        (lambda: ToyCNN.from_seed(0, "ab"), "class_names"),
        (lambda: ToyCNN.load().feature_maps(np.zeros((1, 16, 16, 3))), "image"),
        (lambda: ToyCNN.load().save("never.npz", dtype=int), "dtype"),
    ],
)
def test_bad_input_names_the_parameter(call, name):
    with pytest.raises((ValueError, TypeError), match=rf"^{name}\b"):
        call()


def test_load_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="path"):
        ToyCNN.load(tmp_path / "nothing.npz")


# --------------------------------------------------------------------------- python -m convlesson.train
def test_train_writes_a_run_where_it_is_told(tmp_path, capsys):
    from convlesson import train

    out = tmp_path / "quick.npz"
    before = network.WEIGHTS_PATH.read_bytes()
    train.main(["--quick", "--n-test", "200", "--out", str(out)])
    printed = capsys.readouterr().out
    assert f"epoch  8/{training.QUICK['epochs']}" in printed and f"wrote {out}" in printed
    net = ToyCNN.load(out)
    assert net.trained_with["n_train"] == training.QUICK["n_train"]
    again, _ = training.train_from_seed(**training.QUICK)
    for name in ToyCNN.PARAM_NAMES:  # the same run, the same weights (as stored: float32)
        np.testing.assert_array_equal(net.params[name], np.float32(again.params[name]))
    assert network.WEIGHTS_PATH.read_bytes() == before, "the shipped weights must be left alone"


def test_train_keeps_other_runs_out_of_the_shipped_weights(capsys):
    from convlesson import train

    with pytest.raises(SystemExit):
        train.main(["--quick"])
    assert "--out" in capsys.readouterr().err
