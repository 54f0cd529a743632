"""Reading users' input files, safely: every row read or reported, nothing unbounded.

``readers`` (the entry point: ``read_records``) builds on small modules with one job
each: ``encoding`` (which encoding a file is in, decided on the whole file and stated),
``lines`` (bounded physical lines, undecodable bytes found), ``csvrecords`` (CSV
records isolated from each other), ``jsonline`` (JSON objects that cannot crash a run),
``xlsx`` (archive limits checked before openpyxl opens a file) and ``records`` (the
``Record`` / ``RowError`` every reader yields).
"""
