#!/usr/bin/env python3
"""Execute one notebook with Jupyter's own machinery (nbclient) and report the result as one JSON line.

    python3 scripts/execute_notebook.py IN.ipynb OUT.ipynb [--kernel equilab-tslab] [--timeout 900]

Cells run in order in one kernel; the first cell whose execution fails (an error reply from the kernel:
tslab reports compile and run-time errors this way) stops the run. The executed notebook is written to OUT even
when a cell failed, so the error can be read in it. Exit status: 0 when every cell ran, 1 otherwise.
Called by scripts/reproduce.mjs; needs the kernel registered (JUPYTER_PATH, see scripts/setup.mjs).
"""
import argparse
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def output_text(cell):
    """The text a failed cell printed (tslab writes its errors to stderr)."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            parts.append("%s: %s" % (out.get("ename", ""), out.get("evalue", "")))
    return "".join(parts).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--kernel", default="equilab-tslab")
    ap.add_argument("--timeout", type=int, default=900, help="seconds allowed for one cell")
    args = ap.parse_args()

    # A headless run: showFigure waits for each chart's PNG so that the saved notebook and its report carry it
    # (in an interactive session the PNG follows the chart; lib/display/notebook.ts).
    os.environ["EQUILAB_HEADLESS"] = "1"
    nb = nbformat.read(args.input, as_version=4)
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    client = NotebookClient(
        nb,
        kernel_name=args.kernel,
        timeout=args.timeout,
        allow_errors=False,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(args.input))}},
        # Every cell has answered when the kernel is shut down: stop it at once rather than wait for it to exit
        # by itself (a graceful shutdown of the tslab kernel took ~3 s of every run).
        shutdown_kernel="immediate",
    )
    started = time.time()
    status, failed_cell, message, executed = "ok", None, "", 0
    kernel_seconds, cell_seconds = None, []
    try:
        with client.setup_kernel():
            kernel_seconds = time.time() - started
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    cell_started = time.time()
                    client.execute_cell(cell, index)
                    cell_seconds.append(round(time.time() - cell_started, 3))
                    executed += 1
                    if cell.get("execution_count") is None:
                        # tslab's execute_reply carries no execution count: number the cells in run order.
                        cell["execution_count"] = executed
                except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
                    status, failed_cell = "error", index
                    message = output_text(cell) or str(error).strip().splitlines()[-1]
                    break
    except Exception as error:  # the kernel did not start, or died between cells
        status, message = "error", "%s: %s" % (type(error).__name__, error)
    seconds = time.time() - started
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    nbformat.write(nb, args.output)
    print(json.dumps({
        "notebook": os.path.basename(args.input),
        "cells": len(code_cells),
        "executed": executed,
        "seconds": round(seconds, 1),
        "kernelSeconds": None if kernel_seconds is None else round(kernel_seconds, 2),
        "cellSeconds": cell_seconds,
        "status": status,
        "failedCell": failed_cell,
        "error": message[:4000],
    }))
    return 0 if status == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
