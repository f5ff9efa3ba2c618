"""The built-in library system: a real circulation engine over SQLAlchemy."""
