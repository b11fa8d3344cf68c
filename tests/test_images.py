"""The learner's own picture: real PNG and JPEG files written here, bad files, arrays, and the upload button.

The upload is driven the way the browser drives it: ``upload.set_state({"value": [...]})`` with what
ipywidgets 8's front end sends for each file -- ``name``, ``type``, ``size``, ``content`` (the file's
bytes, a binary buffer: a memoryview in the kernel) and ``last_modified`` (milliseconds) -- the same in
ipywidgets 8.0.0 and 8.1 (``widget_upload.py``'s deserializer did not change).
"""

from __future__ import annotations

import gc
import io
import weakref

import numpy as np
import pytest
from PIL import Image

import convlesson as cl
from convlesson.core.images import MAX_FILE_BYTES, Picture


def png_bytes(rgb: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(rgb).save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes(rgb: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(rgb).save(out, format="JPEG", quality=95)
    return out.getvalue()


def halves(h=40, w=60) -> np.ndarray:
    """Left half red, right half green (uint8): where the centre square was cut from shows."""
    rgb = np.zeros((h, w, 3), np.uint8)
    rgb[:, : w // 2, 0] = 200
    rgb[:, w // 2 :, 1] = 180
    return rgb


# ---------------------------------------------------------------- reading
def test_a_png_file_is_read_exactly(tmp_path):
    rgb = (np.arange(12 * 10 * 3) % 251).reshape(12, 10, 3).astype(np.uint8)
    path = tmp_path / "picture.png"
    path.write_bytes(png_bytes(rgb))
    np.testing.assert_array_equal(cl.load_image(path), rgb / 255.0)
    np.testing.assert_array_equal(cl.load_image(str(path)), rgb / 255.0)


def test_a_jpeg_file_is_read_closely(tmp_path):
    rgb = np.full((16, 16, 3), (200, 40, 30), np.uint8)
    path = tmp_path / "picture.jpg"
    path.write_bytes(jpeg_bytes(rgb))
    np.testing.assert_allclose(cl.load_image(path), rgb / 255.0, atol=3 / 255)


def test_size_cuts_the_centre_square_and_resizes_it(tmp_path):
    path = tmp_path / "wide.png"
    path.write_bytes(png_bytes(halves(40, 80)))  # the centre 40 x 40: 20 columns red, 20 green
    x = cl.load_image(path, size=8)
    assert x.shape == (8, 8, 3)
    assert x[:, :3, 0].min() > 0.7 and x[:, :3, 1].max() < 0.05  # left: red
    assert x[:, -3:, 1].min() > 0.6 and x[:, -3:, 0].max() < 0.05  # right: green
    same = cl.load_image(path, size=40)  # no resampling at its own size
    np.testing.assert_array_equal(same, halves(40, 80)[:, 20:60] / 255.0)


def test_a_one_pixel_picture_is_one_flat_colour(tmp_path):
    path = tmp_path / "dot.png"
    path.write_bytes(png_bytes(np.array([[[200, 30, 10]]], np.uint8)))
    x = cl.load_image(path, size=12)
    np.testing.assert_allclose(x, np.broadcast_to(np.array([200, 30, 10]) / 255.0, (12, 12, 3)), atol=1e-6)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", r"is empty \(0 bytes\)"),
        (b"these are notes, not a picture\n", "is not a picture Pillow can read"),
        ("truncated", "is damaged or cut short"),
        (
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
            r"is damaged or cut short \(it starts like a PNG file",
        ),
    ],
    ids=["empty", "text", "truncated", "corrupt"],
)
def test_a_bad_file_is_refused_with_what_is_wrong(tmp_path, content, words):
    if content == "truncated":
        whole = png_bytes((np.random.default_rng(0).random((64, 64, 3)) * 255).astype(np.uint8))
        content = whole[: len(whole) // 2]
    path = tmp_path / "bad.png"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=f"^image '.*bad.png' {words}"):
        cl.load_image(path)


def test_a_file_over_20_mb_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.png"
    with open(path, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    with pytest.raises(ValueError, match=r"is 20,000,001 bytes; pictures up to 20 MB are taken"):
        cl.load_image(path)
    with pytest.raises(ValueError, match="is not a file"):
        cl.load_image(tmp_path / "missing.png")


@pytest.mark.parametrize(
    ("image", "exc", "words"),
    [
        (3, TypeError, "must be a file path"),
        (np.zeros((4, 4, 2)), ValueError, r"\(H, W\) grey or \(H, W, 3\) RGB array, got shape \(4, 4, 2\)"),
        (np.full((3, 3), 1.5), ValueError, "from 0 to 1 .* got values from 1.5 to 1.5"),
        (np.full((3, 3), 300), ValueError, "whole numbers from 0 to 255"),
        (np.array([[np.nan]]), ValueError, "NaN or infinite"),
        (np.array([["a"]]), TypeError, "array of <U1"),
        ([[0, 1], [0]], ValueError, "rows differ in length"),
    ],
)
def test_a_bad_array_names_the_parameter(image, exc, words):
    with pytest.raises(exc, match=f"^image.*{words}"):
        cl.load_image(image)


def test_arrays_of_each_kind():
    grey = np.array([[0.0, 0.5], [1.0, 0.25]])
    np.testing.assert_array_equal(cl.load_image(grey), np.stack([grey] * 3, axis=-1))
    np.testing.assert_array_equal(cl.load_image(np.array([[0, 255]], np.uint8))[..., 1], [[0.0, 1.0]])
    rgba = np.zeros((1, 1, 4))
    rgba[0, 0] = (1.0, 0.0, 0.0, 0.0)  # fully transparent red: white shows through
    np.testing.assert_array_equal(cl.load_image(rgba), np.ones((1, 1, 3)))


def test_nothing_passed_in_is_changed(tmp_path):
    arr = np.arange(48, dtype=float).reshape(4, 4, 3) / 47
    arr.setflags(write=True)
    before = arr.copy()
    cl.load_image(arr, size=8)
    ex = cl.FilterBank(image=arr)
    np.testing.assert_array_equal(arr, before)
    assert arr.flags.writeable
    pil = Image.fromarray(halves(30, 50)).convert("RGBA")
    pil_before = np.asarray(pil).copy()
    cl.Playground(image=pil, input_size=16).close()
    cl.load_image(pil)
    assert pil.size == (50, 30) and pil.mode == "RGBA"
    np.testing.assert_array_equal(np.asarray(pil), pil_before)
    x = ex.x
    x[:] = 0  # what the explorer hands out is its own: changing it changes no picture it keeps
    np.testing.assert_array_equal(Picture(arr).at(16), cl.load_image(arr, size=16))
    ex.close()


# ---------------------------------------------------------------- the explorers
def test_filter_bank_and_playground_use_the_picture_at_their_input_size(tmp_path):
    rgb = halves(32, 32)
    path = tmp_path / "mine.png"
    path.write_bytes(png_bytes(rgb))
    bank = cl.FilterBank(image=path, input_size=32, c_in=5)
    np.testing.assert_array_equal(bank.x[..., :3], rgb / 255.0)
    from convlesson.core.samples import scene

    np.testing.assert_array_equal(bank.x[..., 3:], scene(32, 5)[..., 3:])  # extra channels: the scene's
    play = cl.Playground(image=path, input_size=32)
    np.testing.assert_array_equal(play.x, rgb / 255.0)
    play.set(input_size=16)
    assert play.x.shape == (16, 16, 3) and play.x[:, :6, 0].min() > 0.7
    for ex in (bank, play):
        ex.close()


@pytest.mark.parametrize("cls", [cl.FilterBank, cl.Playground])
def test_a_bad_picture_is_refused_by_the_constructor(cls, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a picture")
    with pytest.raises(ValueError, match="^image '.*notes.txt' is not a picture"):
        cls(image=path)
    with pytest.raises(TypeError, match="^image must be"):
        cls(image=2.5)


def front_end_value(name: str, content: bytes, kind: str = "image/png") -> dict:
    """What ipywidgets 8's FileUpload view sends for one file (the bytes arrive as a binary buffer)."""
    return {
        "value": [
            {
                "name": name,
                "type": kind,
                "size": len(content),
                "content": memoryview(content),
                "last_modified": 1_700_000_000_000,
            }
        ]
    }


def test_an_uploaded_png_and_jpeg_replace_the_photo():
    ex = cl.Playground(input_size=24)
    photo_x, frames = ex.x.copy(), ex.frames_drawn
    rgb = halves(24, 24)
    ex.upload.set_state(front_end_value("halves.png", png_bytes(rgb)))
    assert ex.message == "" and ex.frames_drawn == frames + 1
    np.testing.assert_array_equal(ex.x, rgb / 255.0)
    assert not np.array_equal(ex.x, photo_x)
    assert ex.upload.value == ()  # the file's bytes are not kept in the widget
    flat = np.full((24, 24, 3), (30, 90, 200), np.uint8)
    ex.upload.set_state(front_end_value("flat.jpg", jpeg_bytes(flat), "image/jpeg"))
    np.testing.assert_allclose(ex.x, flat / 255.0, atol=3 / 255)
    ex.close()
    assert ex.closed


BAD_UPLOADS = [
    ("corrupt.jpg", b"\xff\xd8\xff" + bytes(500), "the upload 'corrupt.jpg' is damaged or cut short"),
    ("empty.png", b"", "the upload 'empty.png' is empty (0 bytes)"),
    ("notes.txt", b"these are notes\n", "the upload 'notes.txt' is not a picture Pillow can read"),
    ("cut.png", "truncated", "the upload 'cut.png' is damaged or cut short"),
    (
        "huge.jpg",
        b"\xff\xd8" + bytes(MAX_FILE_BYTES),
        "the upload 'huge.jpg' is 20,000,002 bytes; pictures up to 20 MB",
    ),
]


@pytest.mark.parametrize(("name", "content", "words"), BAD_UPLOADS, ids=[b[0] for b in BAD_UPLOADS])
def test_a_bad_upload_is_said_in_the_readout_and_the_picture_stays(name, content, words):
    ex = cl.Playground(input_size=16)
    good = halves(16, 16)
    ex.upload.set_state(front_end_value("good.png", png_bytes(good)))
    frames = ex.frames_drawn
    if content == "truncated":
        whole = png_bytes((np.random.default_rng(1).random((64, 64, 3)) * 255).astype(np.uint8))
        content = whole[: len(whole) // 3]
    ex.upload.set_state(front_end_value(name, content))  # no exception reaches the widget
    assert ex.message.startswith(words) and ex.message.endswith("The picture stays as it was.")
    assert words in ex.readout.value
    assert ex.frames_drawn == frames
    ex.set(kernel="sobel y")  # the last good picture is still the input
    np.testing.assert_array_equal(ex.x, good / 255.0)
    assert ex.message == ""
    ex.close()


def test_a_one_pixel_upload_is_taken_and_the_readout_says_it_is_one_colour():
    ex = cl.Playground(input_size=16)
    ex.upload.set_state(front_end_value("dot.png", png_bytes(np.array([[[10, 200, 30]]], np.uint8))))
    assert ex.message == ""
    np.testing.assert_allclose(ex.x, np.broadcast_to(np.array([10, 200, 30]) / 255.0, (16, 16, 3)), atol=1e-6)
    assert "dot.png is 1 × 1 pixels: enlarged to 16 × 16, it is one flat colour." in ex.readout.value
    ex.close()


def test_the_upload_button_is_closed_and_freed_with_its_explorer():
    ex = cl.Playground(input_size=16)
    upload = ex.upload
    assert upload in ex.control_box.children and upload.accept.startswith(".png")
    ref = weakref.ref(ex)
    del ex
    gc.collect()
    assert ref() is None and upload.comm is None
    upload.set_state(front_end_value("late.png", png_bytes(halves(8, 8))))  # nothing left to reach: no error
