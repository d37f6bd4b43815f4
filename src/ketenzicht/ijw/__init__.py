"""iJw 3.2 (iStandaarden, Jeugdwet) messages: schemas, code lists, reading and writing.

Pure Python (lxml), no Django: the files of the standard are read from a folder given by the
caller (setting ``KETENZICHT_IJW_MAP``), so the same code serves the CLI, tests and services.
"""
