"""The words of messages: the shipped defaults, composing a message, and the tone check."""
