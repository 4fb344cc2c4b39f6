"""The ``akhbar`` command line: run the pipeline, push pages, read results, operate it."""
