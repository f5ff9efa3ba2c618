"""Library Kiosk: self-service circulation for public libraries."""

__version__ = "0.1.0"
