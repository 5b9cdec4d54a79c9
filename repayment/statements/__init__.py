"""The account statement: built from the ledger, cached, shown as a page, a PDF and a chart."""
