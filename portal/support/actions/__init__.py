"""Staff actions: each change staff make from the console is one ``do_*`` function, one module
per subject. Each takes the ``Actor`` who acts and runs in one durable transaction with its audit
record (and, for queue work, the item's release); anything sent goes only after commit."""
