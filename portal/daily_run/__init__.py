"""The daily run: the book's daily jobs (servicing, position refresh, reminder planning, and
whatever later steps join) split into chunks of loans that Celery workers share. See
``steps`` for the jobs, ``book`` for the split, ``running`` for the records."""
