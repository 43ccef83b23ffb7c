"""Extraction on a Dask cluster: each file to read is one task, run by :func:`extract.run.extract_file` on a
``dask.distributed`` worker, whose fact records come back to this process.

The workers need this package installed (``pip install -e ".[cluster]"``), not the files: a task carries the
loaded document.  Each worker process builds the spaCy pipeline once, on its first task (:class:`Pipeline`, a
worker plugin, so a worker that is restarted builds it again).  A task whose worker dies is run again by the
scheduler; one that raises is retried once; a file that still fails stops the build with its path.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

from .combine import FileFacts
from .errors import ClusterUnavailable, ClusterTaskFailed
from .kinds import Kind
from .loader import LoadedDocument
from .reference import Reference

try:
    from distributed import WorkerPlugin
except ImportError:  # the optional extra is missing: extract_on_cluster says so
    WorkerPlugin = object  # type: ignore[assignment,misc]

PLUGIN = "kg-pipeline"
CONNECT_TIMEOUT = "20s"


class Pipeline(WorkerPlugin):
    """The spaCy pipeline and profile matcher of one worker process, built on the first task that asks."""

    def __init__(self, reference: Reference) -> None:
        self.reference = reference
        self._built: tuple | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:  # sent to each worker without a pipeline or a lock
        return {"reference": self.reference}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["reference"])

    def pipeline(self) -> tuple:
        """(nlp, profiles), built once per process: a worker runs tasks in threads."""
        with self._lock:
            if self._built is None:
                from .nlp import build_pipeline
                from .profiles import ProfileFinder

                nlp = build_pipeline(self.reference)
                self._built = (nlp, ProfileFinder(nlp.vocab, self.reference))
            return self._built


def _read_file(doc: LoadedDocument, kinds: tuple[Kind, ...]) -> FileFacts:
    """The task: one file's facts, read on the worker that runs it."""
    from distributed import get_worker

    from .run import extract_file

    plugin = get_worker().plugins[PLUGIN]
    nlp, profiles = plugin.pipeline()
    return extract_file(doc, nlp=nlp, reference=plugin.reference, profiles=profiles, kinds=kinds)


def extract_on_cluster(loaded: list[LoadedDocument], todo: list[int], *, scheduler: str, reference: Reference,
                       kinds: tuple[Kind, ...], progress: Callable[[int, int], None] | None = None,
                       ) -> Iterator[tuple[int, FileFacts]]:
    """(index, facts) of each file of ``todo``, as the cluster at ``scheduler`` finishes them; ``progress`` is
    called with (blocks done, blocks in all).  Closing the iterator cancels the tasks not yet finished."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ClusterUnavailable(scheduler, "dask.distributed is not installed; pip install -e \".[cluster]\"") from None
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterUnavailable(scheduler, str(error).splitlines()[0] if str(error) else type(error).__name__) \
            from None
    total, done = sum(len(loaded[i].blocks) for i in todo), 0
    futures = {}
    try:
        client.register_plugin(Pipeline(reference), name=PLUGIN)
        # one task per file; retries=1: a file whose task raises is tried once more (a lost worker's task is
        # rescheduled by the scheduler itself)
        futures = {client.submit(_read_file, loaded[i], kinds, key=f"kg-read-{loaded[i].sha256}-{i}", retries=1,
                                 pure=False): i for i in todo}
        for future in as_completed(futures, loop=client.loop):
            i = futures[future]
            try:
                facts = future.result()
            except Exception as error:  # noqa: BLE001 - any failure of the task is the file's
                raise ClusterTaskFailed(loaded[i].path, error) from None
            future.release()
            done += len(loaded[i].blocks)
            if progress:
                progress(done, total)
            yield i, facts
    finally:
        client.cancel(list(futures))
        client.close()
