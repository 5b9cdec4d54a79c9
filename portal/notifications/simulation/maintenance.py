"""Autovacuum's work, for a simulation on a server where autovacuum is off: ``StandIn`` does it in
a thread beside the run. Why: docs/reminders.md."""

from __future__ import annotations

import logging
import threading

from django.db import connection

log = logging.getLogger(__name__)

# Tables whose dead rows, or rows changed since the last analyze, pass the server's
# thresholds: the launcher's own rule (base threshold plus a share of the table's rows).
DUE = """
SELECT format('%I.%I', s.schemaname, s.relname),
       s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float
           + current_setting('autovacuum_vacuum_scale_factor')::float * greatest(c.reltuples, 0),
       s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float
           + current_setting('autovacuum_analyze_scale_factor')::float * greatest(c.reltuples, 0)
FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
"""


def autovacuum_is_off() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        return cursor.fetchone()[0] == "off"


def naptime_seconds() -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting::float FROM pg_settings WHERE name = 'autovacuum_naptime'")
        return cursor.fetchone()[0]


def work_once() -> list[str]:
    """Vacuum and analyze what the server's thresholds say is due; returns what was done."""
    done = []
    with connection.cursor() as cursor:
        cursor.execute(DUE)
        for table, vacuum, analyze in cursor.fetchall():
            if vacuum or analyze:
                # The table's name is quoted by format('%I'); VACUUM takes no parameters.
                command = "VACUUM (ANALYZE)" if vacuum else "ANALYZE"
                cursor.execute(f"{command} {table}")
                done.append(f"{command} {table}")
    return done


class StandIn(threading.Thread):
    """Autovacuum's launcher and worker in one thread: every naptime, ``work_once``."""

    def __init__(self, naptime: float):
        super().__init__(name="autovacuum stand-in", daemon=True)
        self.naptime = naptime
        self.stopping = threading.Event()
        self.done: list[str] = []

    def run(self) -> None:
        try:
            while not self.stopping.wait(self.naptime):
                self.done += work_once()
        except Exception:
            log.exception("the autovacuum stand-in stopped")
        finally:
            connection.close()  # this thread's own connection

    def stop(self) -> None:
        self.stopping.set()
        self.join()


def start_if_needed() -> StandIn | None:
    """A running stand-in where the server's autovacuum is off and the caller is not inside a
    transaction (a VACUUM could not see its rows: a test's run, say); otherwise None."""
    if connection.in_atomic_block or not autovacuum_is_off():
        return None
    stand_in = StandIn(naptime_seconds())
    stand_in.start()
    return stand_in
