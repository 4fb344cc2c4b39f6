"""Shared library of akhbar: message schemas, stream names, settings, logging, reliable consumer.

It has no entry points and imports no service.
"""
