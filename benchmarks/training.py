"""Time the small CNN's training and measure it on freshly drawn pictures.

Two runs, both from seed 0: the full run that made the shipped weights (``python -m
convlesson.train``) and the quick run the notebook's **train** button makes. For each it prints the
wall-clock and CPU time (best and median of ``--repeat`` runs), the last epoch's training accuracy,
the accuracy on fresh pictures (seed 12345, never trained on) and the size of its ``.npz``; then the
shipped weights' size and accuracy on the same pictures. CPU time is the better guide on a machine
others share. Run ``python benchmarks/training.py [--repeat 3] [--n-test 2000]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from convlesson.core import network, training
from convlesson.core.toy_images import toy_images


def bench(settings, repeat, x_test, y_test):
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        net, history = training.train_from_seed(training.TRAIN_SEED, **settings)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.npz"
        net.save(path)
        size = path.stat().st_size
    return {
        "wall": (min(walls), statistics.median(walls)),
        "cpu": (min(cpus), statistics.median(cpus)),
        "train_acc": history[-1][1],
        "test_acc": net.accuracy(x_test, y_test),
        "npz": size,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--n-test", type=int, default=2000)
    args = parser.parse_args(argv)
    x_test, y_test, _ = toy_images(args.n_test, seed=training.TEST_SEED)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"{os.cpu_count()} CPUs, load average {load:.1f}; held-out: {args.n_test} fresh pictures, seed "
        f"{training.TEST_SEED} (training seed {training.TRAIN_SEED}); times: best / median of {args.repeat}"
    )
    for name, settings in (("full", training.FULL), ("quick", training.QUICK)):
        r = bench(settings, args.repeat, x_test, y_test)
        print(
            f"{name:5s} {settings['n_train']} pictures x {settings['epochs']:2d} epochs  "
            f"wall {r['wall'][0]:.2f} / {r['wall'][1]:.2f} s  cpu {r['cpu'][0]:.2f} / {r['cpu'][1]:.2f} s  "
            f"train acc {r['train_acc']:.4f}  held-out acc {r['test_acc']:.4f}  npz {r['npz']} bytes"
        )
    shipped = network.trained_network()
    print(
        f"shipped {network.WEIGHTS_PATH.name}: {network.WEIGHTS_PATH.stat().st_size} bytes, "
        f"held-out acc {shipped.accuracy(x_test, y_test):.4f}"
    )


if __name__ == "__main__":
    main()
