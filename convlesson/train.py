"""Train the course's small CNN from its seed and write its weights: ``python -m convlesson.train``.

With no options it remakes the weights shipped with the package (``convlesson/core/toy_cnn.npz``):
the full run from seed 0, bit for bit on the same machine. ``--help`` lists the options; the work is
done by :func:`convlesson.core.training.main`.
"""

from __future__ import annotations

from .core.training import main

__all__ = ["main"]

if __name__ == "__main__":
    main()
