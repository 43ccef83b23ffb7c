"""Worker processes never outlive the process that started them, and leave Ctrl-C to it."""
import ctypes
import signal
from concurrent.futures import ProcessPoolExecutor

from extract.processes import quiet_worker

_PR_GET_PDEATHSIG = 2


def _worker_state():
    libc = ctypes.CDLL(None, use_errno=True)
    value = ctypes.c_int(0)
    libc.prctl(_PR_GET_PDEATHSIG, ctypes.byref(value), 0, 0, 0)
    return value.value, signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_a_quiet_worker_dies_with_its_parent_and_ignores_sigint():
    with ProcessPoolExecutor(1, initializer=quiet_worker) as pool:
        assert pool.submit(_worker_state).result(timeout=60) == (signal.SIGKILL, True)


def test_map_in_workers_gives_the_results_in_order(nlp):
    from extract.processes import map_in_workers

    texts = [f"Acme opened plant number {i} in Pune." for i in range(23)]
    parse = lambda text: nlp(text).to_json()  # noqa: E731 - inherited by the forked workers, never pickled
    assert list(map_in_workers(parse, texts, n_process=2)) == [nlp(t).to_json() for t in texts]


def test_an_error_in_a_worker_fails_the_map_with_its_message():
    import pytest

    from extract.errors import WorkerFailed
    from extract.processes import map_in_workers

    with pytest.raises(WorkerFailed, match="ZeroDivisionError"):
        list(map_in_workers(lambda n: 1 / n, [3, 2, 1, 0, 5], n_process=2))
