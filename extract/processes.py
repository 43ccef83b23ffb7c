"""Work in forked worker processes that never outlive the build.

spaCy's own ``nlp.pipe(n_process=...)`` leaves its workers running when the
parent is killed (they kept the store locked), prints their tracebacks on
Ctrl-C and can hang when only the parent is interrupted.  Here each worker:

* asks the kernel to kill it when the parent dies (``PR_SET_PDEATHSIG``), and
  exits at once if the parent is already gone;
* ignores SIGINT, so Ctrl-C is the parent's alone to handle, once;
* inherits the function to run and everything it reads (the loaded model, the
  loaded files) by ``fork``, receives only item numbers and sends back each
  result pickled.

The parent keeps a bounded number of items in flight, yields results in input
order and, however it leaves (end, error, KeyboardInterrupt), stops and reaps
every worker.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .errors import WorkerFailed

__all__ = ["die_with_parent", "map_in_workers", "quiet_worker"]

_PR_SET_PDEATHSIG = 1
_POLL_S = 0.5


def die_with_parent() -> None:
    """In a freshly started child: be killed when the parent dies (Linux), and exit now if it has died."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's pid is still watched below
        pass
    if os.getppid() != parent or parent == 1:
        os._exit(1)


def quiet_worker() -> None:
    """Start of a worker process (also a ``ProcessPoolExecutor`` initializer): die with the parent, leave
    Ctrl-C to it."""
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(fn: Callable[[Any], Any], tasks, results) -> None:
    quiet_worker()
    while (task := tasks.get()) is not None:
        index, item = task
        try:
            results.put((index, fn(item), None))
        except Exception as error:  # noqa: BLE001 - reported to the parent, which fails the build
            results.put((index, None, f"{type(error).__name__}: {error}"))


def map_in_workers(fn: Callable[[Any], Any], items: Iterable, *, n_process: int) -> Iterator:
    """``map(fn, items)`` in ``n_process`` forked workers (see module docstring), results in input order.

    ``fn`` is inherited, not pickled; each item and each result is pickled."""
    context = multiprocessing.get_context("fork")
    in_flight = 2 * n_process + 1
    tasks, results = context.Queue(), context.Queue()
    slots = threading.Semaphore(in_flight)  # items sent and not yet consumed: bounds memory
    stop = threading.Event()
    items_sent: list[int] = []  # set by the feeder once every item is sent
    failures: list[BaseException] = []  # set by the feeder if reading the items fails
    workers = [context.Process(target=_work, args=(fn, tasks, results), daemon=True) for _ in range(n_process)]

    def feed() -> None:
        sent = 0
        try:
            for item in iterator:
                while not slots.acquire(timeout=_POLL_S):
                    if stop.is_set():
                        return
                if stop.is_set():
                    return
                tasks.put((sent, item))
                sent += 1
        except BaseException as error:  # the items' generator failed: the parent raises it
            failures.append(error)
            return
        items_sent.append(sent)
        for _ in workers:
            tasks.put(None)

    iterator = iter(items)
    feeder = threading.Thread(target=feed, name="kg-worker-feeder", daemon=True)
    waiting: dict[int, Any] = {}
    following = 0
    try:  # from the first fork on: an interrupt while starting still stops what started
        for worker in workers:
            worker.start()
        feeder.start()
        while not items_sent or following < items_sent[0]:
            while following not in waiting:
                try:
                    index, result, error = results.get(timeout=_POLL_S)
                except queue.Empty:
                    if failures:
                        raise failures[0]
                    if items_sent and following >= items_sent[0]:
                        return
                    if not any(w.is_alive() for w in workers) or any(w.exitcode not in (None, 0) for w in workers):
                        raise WorkerFailed(next((w.exitcode for w in workers if w.exitcode), None)) from None
                    continue
                if error is not None:
                    raise WorkerFailed(None, error)
                waiting[index] = result
            yield waiting.pop(following)
            following += 1
            slots.release()
    finally:
        stop.set()
        _stop(workers, (tasks, results))


def _stop(workers: list, queues: tuple) -> None:
    """Kill and reap the workers that started, without waiting on queues nobody reads."""
    for q in queues:
        q.cancel_join_thread()  # never block exit on a queue nobody reads
    started = [worker for worker in workers if worker.pid is not None]
    for worker in started:
        if worker.is_alive():
            worker.kill()
    for worker in started:
        worker.join(timeout=5)
    for q in queues:
        q.close()
