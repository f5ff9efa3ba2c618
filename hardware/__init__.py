"""Device ports, drivers and fakes. Imports nothing from ``kiosk`` and never Qt."""
