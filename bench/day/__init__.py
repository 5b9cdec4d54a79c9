"""The parts of ``bench/day_bench.py``: the book it clones (``book``), the lender's daily batch
(``batch``) and the timed steps of the day (``steps``)."""
