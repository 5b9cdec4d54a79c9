"""Running a piece of code in several threads at once, each with its own database connection,
for the tests that show PostgreSQL's locks doing their job."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections


def at_once(work: Callable[[int], object], times: int) -> list:
    """``work(n)`` for n in 0..times-1, all released together; their results in the order they
    finished. An exception in any thread is raised here, after all have stopped."""
    start = threading.Barrier(times)
    results, errors = [], []

    def run(n):
        try:
            start.wait()
            results.append(work(n))
        except Exception as exc:  # raised below, in the test's own thread
            errors.append(exc)
        finally:
            connections.close_all()  # this thread's connections

    threads = [threading.Thread(target=run, args=(n,)) for n in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return results
