"""The console's forms, one module per subject: ``borrowers`` (search and the actions on a
borrower's page) and ``answers`` (answering a proposal, a pause or a dispute)."""
