"""nrc, the notice rules compiler.

The pipeline, one module (or small package) per stage, in order:
load -> normalize -> segment -> parse (Lark) -> transform -> check -> emit.
`extractor.api` is the front door; `extractor.cli` is the only place that prints.
"""
__version__ = "0.1.0"
FORMAT = "nrc.rules/1"
