"""The library system port and its adapters."""
