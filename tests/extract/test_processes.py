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


def test_parse_in_workers_gives_the_docs_of_nlp_pipe_in_order(nlp):
    from extract.processes import parse_in_workers

    texts = [f"Acme opened plant number {i} in Pune." for i in range(23)]
    parallel = [d.to_json() for d in parse_in_workers(nlp, texts, n_process=2, batch_size=4)]
    assert parallel == [d.to_json() for d in nlp.pipe(texts)]
