"""The train button, ``cl.summary`` of the trained network, and the numbers printed with one decimal.

Oracles: the same run trained again by ``train_from_seed``; the network's maps and weights counted
from its arrays; hand-worked formatting.
"""

from __future__ import annotations

import gc
import io
import weakref

import numpy as np
import pytest
from PIL import Image

import convlesson as cl
from convlesson.core import training
from convlesson.pictures.text_art import fmt_decimals, number_decimals


def test_pressing_train_trains_a_network_epoch_by_epoch():
    run = cl.TrainingRun(pictures=160, epochs=2, seed=3)
    before = run.image.value
    assert run.network is None and run.progress.max == 2
    run.button.click()  # what the browser's click does
    assert run.progress.value == 2 and run.progress.description == "epoch 2 of 2"
    assert len(run.history) == 2 and run.network is not None and not run.button.disabled
    assert run.image.value != before
    again, history = training.train_from_seed(3, n_train=160, epochs=2)
    x, labels, _ = cl.toy_images(1000, seed=training.TEST_SEED)
    right = f"On 1,000 fresh pictures it never saw, it is right {100 * again.accuracy(x, labels):.1f} %"
    assert right in run.readout.value
    assert run.history == history
    np.testing.assert_array_equal(run.network.params["conv1.kernel"], again.params["conv1.kernel"])
    width, height = Image.open(io.BytesIO(run.image.value)).size
    assert width == 840 and height >= 250
    run.close()


def test_a_training_run_shows_as_a_widget_and_a_still_picture():
    run = cl.TrainingRun()
    bundle = run._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle and "image/png" in bundle
    assert bundle["text/plain"] == "TrainingRun(pictures=1500, epochs=8, seed=0)"
    assert "Press train" in run.readout.value
    run.close()
    assert run.closed and run.button.comm is None
    with pytest.raises(ValueError, match="closed"):
        run.train()


@pytest.mark.parametrize(
    ("kw", "exc", "words"),
    [
        ({"pictures": 50}, ValueError, "pictures must be a whole number from 100 to 5000, got 50"),
        ({"epochs": 2.5}, TypeError, "epochs must be a whole number from 1 to 20, got 2.5"),
        ({"seed": -1}, ValueError, "seed must be a whole number from 0"),
        ({"epochs": True}, TypeError, "epochs must be"),
    ],
)
def test_bad_settings_name_the_parameter(kw, exc, words):
    with pytest.raises(exc, match=f"^{words}"):
        cl.TrainingRun(**kw)


def test_a_training_run_nobody_holds_is_freed_and_its_widgets_closed():
    run = cl.TrainingRun()
    button, ref = run.button, weakref.ref(run)
    del run
    gc.collect()
    assert ref() is None and button.comm is None
    button.click()  # a press that reaches nothing does nothing


def test_summary_of_the_network_counts_from_its_arrays():
    net = cl.trained_network()
    s = cl.summary(net)
    maps = net.feature_maps(np.zeros((16, 16, 3)))
    convs = [r for r in s.rows if r.filters is not None]
    assert [r.output_shape for r in convs] == [maps["conv1"].shape, maps["conv2"].shape]
    assert s.rows[1].output_shape == maps["pool1"].shape and s.rows[-1].output_shape == maps["dense"].shape
    counted = sum(1 for k in ("conv1.kernel", "conv2.kernel") for _ in np.ndindex(net.params[k].shape[2:]))
    assert s.total_kernels == counted == 8 * 3 + 16 * 8
    assert s.total_params == sum(a.size for a in net.params.values()) == 1494
    text = str(s)
    assert "max_pooling 2 × 2" in text and "dense" in text and text.count("—") == 9
    with pytest.raises(TypeError, match="^layers must not be given"):
        cl.summary(net, [cl.Conv2D(2, 3)])


@pytest.mark.parametrize(
    ("values", "decimals", "shown"),
    [
        ([1.0, -2.0, 3.0], 0, ["1", "−2", "3"]),
        ([0.1 + 0.2, -1.4, 5.0], 1, ["0.3", "−1.4", "5.0"]),  # tenths, float noise and all
        ([0.25, 1.0], 2, ["0.25", "1.00"]),
        ([-0.04, 0.0], 2, ["−0.04", "0"]),
    ],
)
def test_numbers_are_printed_with_as_many_decimals_as_they_need(values, decimals, shown):
    assert number_decimals(values) == decimals
    assert [fmt_decimals(v, decimals) for v in values] == shown
