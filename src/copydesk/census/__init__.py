"""``copydesk census``: from a crawl to the families of copies it holds, their originals,
each copy compared with its original, and the sites that republish reworded copies. The
local engine (`copydesk.census.local`) and the Spark job (`copydesk.census.spark`) run the
same steps (`copydesk.census.plan`) and write the same outputs (`copydesk.census.outputs`).
"""
