"""``TrainingRun``: train the small CNN live, with a progress bar and its loss and accuracy (``07``)."""

from __future__ import annotations

import base64
import html
import time
import weakref

import ipywidgets as widgets

from ..core.network import trained_network
from ..core.shapes import _is_int, show
from ..core.toy_images import toy_images
from ..core.training import QUICK, TEST_SEED, train_from_seed
from ..pictures import style
from ..pictures.render import new_figure, render_png, still_png
from ..pictures.training import TrainingPicture
from .browser_font import dress
from .controls import BadType, BadValue
from .lifetime import shown_in_cell
from .words import say

__all__ = ["TrainingRun"]

HEIGHT = 300  #: pixels
N_TEST = 1000  #: fresh pictures a finished run is measured on


def _whole(value, name: str, lo: int, hi: int) -> int:
    if not _is_int(value) or isinstance(value, bool):
        raise BadType(say("error.int", name=name, lo=lo, hi=hi, value=show(value, limit=40)))
    if not lo <= value <= hi:
        raise BadValue(say("error.int", name=name, lo=lo, hi=hi, value=show(value, limit=40)))
    return int(value)


class TrainingRun:
    """A **train** button that trains the small CNN from scratch while you watch.

    Press it: ``pictures`` fresh training pictures are drawn from ``seed``, a network is made with
    random weights from the same seed, and it is trained for ``epochs`` passes over them (Adam,
    mini-batches of 32). After each epoch the progress bar moves and the picture adds the epoch's
    mean loss and the share of its pictures the network got right; in grey, the run that made the
    weights shipped with the package (3 000 pictures, 12 epochs). When it ends, the readout gives
    the accuracy on 1 000 fresh pictures, and ``run.network`` is the trained network. The default
    run takes a few seconds. Introduced in ``07_learned_filters``.

    Parameters
    ----------
    pictures : int, default 1500
        Training pictures, from 100 to 5000.
    epochs : int, default 8
        Passes over them, from 1 to 20.
    seed : int, default 0
        Seeds the pictures, the first weights and the shuffling (0 to 2**31 - 1).

    Attributes
    ----------
    network : ToyCNN or None
        The network of the last finished run.
    history : list of (float, float)
        ``(loss, accuracy)`` of each epoch of the last run.
    widget : ipywidgets.VBox
        Button and progress bar, readout, picture.
    """

    def __init__(self, *, pictures=QUICK["n_train"], epochs=QUICK["epochs"], seed=0):
        self.pictures = _whole(pictures, "pictures", 100, 5000)
        self.epochs = _whole(epochs, "epochs", 1, 20)
        self.seed = _whole(seed, "seed", 0, 2**31 - 1)
        self.network = None
        self.history: list[tuple[float, float]] = []
        self.closed = False
        shipped = trained_network()
        self._reference = shipped.history
        self._trained_with = (shipped.trained_with.get("n_train", "?"), len(shipped.history))
        self.button = widgets.Button(description=say("training.train"), icon="play", button_style="primary")
        self.progress = widgets.IntProgress(
            value=0, min=0, max=self.epochs, description=say("training.epoch_of", n=0, total=self.epochs)
        )
        self.progress.style.description_width = "initial"
        self.readout = widgets.HTML()
        self.image = widgets.Image(
            format="png", layout=widgets.Layout(max_width="100%", height="auto", align_self="flex-start")
        )
        self.widget = widgets.VBox([widgets.HBox([self.button, self.progress]), self.readout, self.image])
        dress(self.widget)  # in Chinese: the shipped font for the labels the browser draws (closed below)
        self.figure = new_figure(style.WIDTH_PX, HEIGHT, style.BASE_DPI)
        self.picture = TrainingPicture(self.figure)
        ref = weakref.ref(self)
        self.button.on_click(lambda _button: (ref() or _Gone).train())
        parts = [self.button, self.progress, self.readout, self.image, self.widget, *self.widget.children]
        parts += [p for w in list(parts) for p in (getattr(w, "layout", None), getattr(w, "style", None))]
        self._finalizer = weakref.finalize(self, _close, [p for p in parts if isinstance(p, widgets.Widget)])
        self._say(say("training.press", pictures=f"{self.pictures:,}", epochs=self.epochs, seed=self.seed))
        self._draw()

    def __repr__(self) -> str:
        closed = "  (closed)" if self.closed else ""
        return f"TrainingRun(pictures={self.pictures}, epochs={self.epochs}, seed={self.seed}){closed}"

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        if self.closed:
            return {"text/plain": repr(self)}
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude, **kwargs) or {})
        bundle["image/png"] = base64.b64encode(still_png(self.figure)).decode("ascii")
        bundle["text/plain"] = repr(self)
        shown_in_cell(self)
        return bundle

    def _say(self, text: str) -> None:
        size = f"{round(style.px(style.sizes().label))}px"
        self.readout.value = f'<div style="font-size:{size}">{html.escape(text, quote=False)}</div>'

    def _draw(self) -> None:
        title = (
            say("training.this_run", pictures=f"{self.pictures:,}", seed=self.seed)
            if self.history
            else say("training.in_grey")
        )
        pictures, epochs = self._trained_with
        label = say("training.shipped", pictures=pictures, epochs=epochs)
        self.picture.update(self._reference, self.history, self.epochs, title, label)
        self.image.value = render_png(self.figure)

    def train(self):
        """Train a new network (what the button does); returns it (also ``self.network``)."""
        if self.closed:
            raise BadValue(say("closed", name="TrainingRun"))
        self.button.disabled = True
        self.history = []
        self.progress.value = 0
        self.progress.description = say("training.epoch_of", n=0, total=self.epochs)
        self._say(say("training.training", pictures=f"{self.pictures:,}"))
        self._draw()
        start = time.perf_counter()

        def after_epoch(epoch, loss, accuracy):
            self.history.append((loss, accuracy))
            self.progress.value = epoch
            self.progress.description = say("training.epoch_of", n=epoch, total=self.epochs)
            self._say(say("training.epoch", n=epoch, loss=f"{loss:.3f}", right=f"{100 * accuracy:.1f}"))
            self._draw()

        try:
            net, _ = train_from_seed(
                self.seed, n_train=self.pictures, epochs=self.epochs, on_epoch=after_epoch
            )
            seconds = time.perf_counter() - start
            x, labels, _ = toy_images(N_TEST, seed=TEST_SEED)
            self.network = net
            right = f"{100 * net.accuracy(x, labels):.1f}"
            self._say(say("training.trained", seconds=f"{seconds:.1f}", pictures=f"{N_TEST:,}", right=right))
        finally:
            self.button.disabled = False
        return self.network

    def close(self) -> None:
        """Close the widgets and free the figure."""
        if not self.closed:
            self.closed = True
            self._finalizer()
            self.figure.clear()


class _Gone:
    """What a button press reaches after its TrainingRun was freed: nothing happens."""

    @staticmethod
    def train():
        return None


def _close(parts) -> None:
    for w in parts:
        w.close()
