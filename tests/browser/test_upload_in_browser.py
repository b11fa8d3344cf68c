"""The playground's upload button in a real JupyterLab: a file picked in the browser's file dialog.

The button is clicked and Playwright answers the file dialog it opens, as a learner would; ipywidgets'
own front end reads the file and sends it to the kernel. A PNG replaces the photo; a text
file is refused in the readout and the picture stays. Run alone with
``CI=true python -m pytest tests/browser/test_upload_in_browser.py -o addopts="" -q``.
"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

pytestmark = pytest.mark.browser


def _png(tmp_path, rgb) -> str:
    path = tmp_path / "mine.png"
    out = io.BytesIO()
    Image.fromarray(rgb).save(out, format="PNG")
    path.write_bytes(out.getvalue())
    return str(path)


def test_a_picked_png_replaces_the_photo_and_a_text_file_is_refused(lab, tmp_path):
    notebook = lab.server.add_notebook(
        "upload_check.ipynb", ["import convlesson as cl", "cl.Playground(input_size=16)"]
    )
    lab.open_notebook(notebook)
    try:
        lab.run_all_cells()
        explorer = next(e for e in lab.explorers() if e.is_explorer)
        lab.wait_rendered(explorer)
        button = explorer.area.locator(".widget-upload")
        assert button.count() == 1 and "upload a picture" in button.inner_text()
        before = explorer.src()

        def pick(path):
            with lab.page.expect_file_chooser() as chooser:
                button.click()
            dialog = chooser.value
            assert dialog.element.get_attribute("accept").startswith(".png") and not dialog.is_multiple()
            dialog.set_files(path)

        rgb = np.zeros((16, 16, 3), np.uint8)
        rgb[:, :8, 0] = 220  # red on the left, green on the right
        rgb[:, 8:, 1] = 200
        pick(_png(tmp_path, rgb))
        after = lab.wait_picture_change(explorer, before)
        readout = explorer.area.locator(".widget-html").first
        assert "stays as it was" not in readout.inner_text()

        notes = tmp_path / "notes.txt"
        notes.write_text("not a picture")
        pick(str(notes))
        lab.wait_until(
            "() => document.body.innerText.includes(\"the upload 'notes.txt' is not a picture\")",
            "the readout to refuse the text file",
        )
        assert "The picture stays as it was." in readout.inner_text()
        assert explorer.src() == after, "a refused file must leave the picture as it was"
        assert not lab.js_errors, lab.js_errors
    finally:
        lab.close_notebook()
