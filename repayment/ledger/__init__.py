"""The ledger: append-only, signed amounts, corrections by reversal; replayed into balances."""
