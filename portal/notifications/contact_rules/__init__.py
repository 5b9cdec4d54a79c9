"""The contact rules: presets from real regulations, the facts they need, the decision for one
message, and an independent checker."""
