"""Operations: logging, health and metrics, systemd integration."""
