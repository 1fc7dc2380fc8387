"""Storage: SQLAlchemy models, the engine with its pragmas, and the Alembic migrations."""

import sys

# Nothing in the app uses TLS, yet importing SQLAlchemy loads OpenSSL (libcrypto: about 4 MB
# of the window's memory) through hashlib and asyncio's optional TLS support. Both fall back
# cleanly while SQLAlchemy is imported (hashlib to Python's own hashes, asyncio to no TLS);
# afterwards `ssl` imports normally again for whoever needs it.
_deferred = [name for name in ("ssl", "_hashlib") if name not in sys.modules]
for _name in _deferred:
    sys.modules[_name] = None  # type: ignore[assignment]
try:
    import sqlalchemy  # noqa: F401
finally:
    for _name in _deferred:
        if sys.modules.get(_name, ...) is None:
            del sys.modules[_name]
