"""SIP2 2.00: codec, client (:class:`Sip2Library`), server, vendor profiles."""
