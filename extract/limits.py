"""Limits on what the extractor accepts, shared by the loader and the command line."""

MAX_FILE_BYTES = 20_000_000  # about 3 million words: some 10 minutes of parsing on one core
