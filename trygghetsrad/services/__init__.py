"""Use cases: a Session in, plain domain dataclasses out; one module per area."""
