"""Exports: domain objects in, bytes or files out (PDF, ICS, EML, JSON). No Qt, no SQL."""
