"""Use cases over the ports. No Qt, no SQL, no sockets, no concrete adapters."""
