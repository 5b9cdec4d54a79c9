"""Daily servicing: what falls due under a product's terms (installments, interest, late fees)."""
