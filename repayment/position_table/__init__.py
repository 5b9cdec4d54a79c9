"""Each loan's position kept in a table (``repayment.models.positions``): worked out by the pure
position function, written with every write it reads, compared with it by ``check_positions``.
See docs/position.md."""
