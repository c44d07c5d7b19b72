"""`python -m benchmarks.load …` (make bench-load): see benchmarks/load/__init__.py."""

from benchmarks.load.run import main

main()
