"""Extraction on a Dask cluster: the parts that local ``--jobs`` workers would read (a section, or a 200,000-character
piece of one) are tasks on ``dask.distributed`` workers, whose fact records come back to this process in order.

The workers need this package installed (``pip install -e ".[cluster]"``), not the files: a task carries its
loaded file.  Each worker process builds the spaCy pipeline once, on its first task
(:class:`Pipeline`, a worker plugin, so a worker that is restarted builds it again).  A task whose worker dies is
run again by the scheduler; one that raises is retried once; a part that still fails stops the build with its
file's path.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

from .errors import ClusterUnavailable, ClusterTaskFailed
from .kinds import Kind
from .loader import LoadedDocument
from .reference import Reference

try:
    from distributed import WorkerPlugin
except ImportError:  # the optional extra is missing: read_on_cluster says so
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


def _read(read_part: Callable, doc: LoadedDocument, part, words: set[str], kinds: tuple[Kind, ...]):
    """The task: one part's facts, read by ``read_part`` on the worker that runs it."""
    from distributed import get_worker

    plugin = get_worker().plugins[PLUGIN]
    nlp, profiles = plugin.pipeline()
    return read_part(doc, part, nlp=nlp, reference=plugin.reference, profiles=profiles, words=words, kinds=kinds)


def read_on_cluster(loaded: list[LoadedDocument], parts: list, words: dict[int, set[str]], *, scheduler: str,
                    reference: Reference, kinds: tuple[Kind, ...], read_part: Callable) -> Iterator:
    """The facts of each of ``parts`` (:class:`extract.run.PartFacts`), in order, each read by ``read_part``
    (:func:`extract.run.read_part`, passed in so that this module needs nothing of the one that calls it) on the
    cluster at ``scheduler``; ``words`` are each file's lower-case words.  Closing the iterator cancels what is
    left."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterUnavailable(scheduler, "dask.distributed is not installed; pip install -e \".[cluster]\"") from None
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterUnavailable(scheduler, str(error).splitlines()[0] if str(error) else type(error).__name__) \
            from None
    futures = []
    try:
        client.register_plugin(Pipeline(reference), name=PLUGIN)
        # each task carries its file, not a scattered copy: data scattered to a worker that dies is lost with it
        # (it has no task to recompute it from), and every part's task would fail.  retries=1: a part whose task
        # raises is tried once more (a lost worker's task is rescheduled anyway)
        futures = [client.submit(_read, read_part, loaded[part.file], part, words[part.file], kinds, retries=1,
                                 pure=False) for part in parts]
        for part, future in zip(parts, futures):
            try:
                facts = future.result()
            except Exception as error:  # noqa: BLE001 - any failure of the task is the file's
                raise ClusterTaskFailed(loaded[part.file].path, error) from None
            future.release()
            yield facts
    finally:
        client.cancel(futures)
        client.close()
