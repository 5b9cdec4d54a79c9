"""Repayment plans: the lender's policy applied to a loan's situation.

Pure modules (no queries): ``situation``, ``schedules``, ``segments``, ``offers``, ``budget``,
``decisions``, ``progress``. Modules that read or write the database: ``offering``,
``proposing``, ``accepting``, ``flexibility``, ``tracking``, ``pauses``, ``disputes``,
``freezes``. What pauses, disputes and plans mean for reminders is read in bulk by
``portal.notifications.contact_rules.situations.load_holds``.
"""
