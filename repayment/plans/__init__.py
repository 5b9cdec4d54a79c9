"""Repayment plans: the lender's policy applied to a loan's situation.

Pure modules (no queries): ``situation``, ``schedules``, ``segments``, ``offers``, ``budget``,
``decisions``, ``payments_matched``. Modules that read or write the database: ``options``,
``proposing``, ``accepting``, ``reviewing``, ``adjusting``, ``keeping_on_track``,
``active_plans``. Pauses and disputes are in ``repayment.hardship``.
"""
