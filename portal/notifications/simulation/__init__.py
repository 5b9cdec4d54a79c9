"""Running the planner and sender over a synthetic book, for the contact-rules benchmark."""
