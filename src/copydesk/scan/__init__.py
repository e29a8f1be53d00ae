"""Batch scans: every article of a folder, crawl, URL list or store checked, one JSON report
per line. `local.scan` runs on this machine's cores; `spark.scan` runs the same work as a
PySpark job. Both write the records of `records`."""
