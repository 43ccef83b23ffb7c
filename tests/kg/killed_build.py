"""A `kg build` that SIGKILLs itself at one named point; run by test_faults in a child process.

    python killed_build.py POINT CORPUS STORE OUT CACHE

POINT is where the process dies:
  extract  after the first file's facts reach the cache, while extraction goes on
  swap     between the two renames that swap the new store in (the old store is set aside, the new not yet in place)
  export   after out/kg.ttl is written, before out/facts.json
"""
import os
import signal
import sys
from pathlib import Path


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(point: str, corpus: str, store: str, out: str, cache: str) -> None:
    import extract.cache
    import kg.build
    import kg.store

    if point == "extract":
        real_put = extract.cache.ExtractionCache.put

        def put(self, key, value):
            real_put(self, key, value)
            die()

        extract.cache.ExtractionCache.put = put
    elif point == "swap":
        def swap_in(path: Path, staging: Path) -> None:
            if path.exists():
                path.rename(path.parent / f".{path.name}.old-{os.getpid()}")
            die()

        kg.store.swap_in = swap_in
    elif point == "export":
        real_write = kg.build.write_atomic

        def write_atomic(path: Path, data: bytes) -> None:
            real_write(path, data)
            if path.name == "kg.ttl":
                die()

        kg.build.write_atomic = write_atomic
    else:
        raise SystemExit(f"unknown point {point!r}")
    kg.build.build([Path(corpus)], store_path=Path(store), out_dir=Path(out), cache_dir=Path(cache), n_process=1)
    raise SystemExit("the build finished: the kill point was never reached")


if __name__ == "__main__":
    main(*sys.argv[1:])
