"""``kiosk bench``: the performance suites and the one report format they all write.

See ``benchmarks/README.md`` for how to run them and :mod:`kiosk.bench.schema` for the format.
"""
