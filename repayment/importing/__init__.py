"""The lender's batch import: parse a file (``parse``), check the batch against what is
stored (``lookups``, ``validate``), write it in bulk (``write``); ``service.import_batch``
runs the whole of it. docs/import-format.md describes the format for the lender."""
