#!/usr/bin/env python3
"""OMS runs FROM..TO as CSV, paged the way the omsapi client does it (omsapi itself is not installed here).

omsapi's OMSQuery builds the URL by hand (filter[..][GE/LE], sort, page[offset]/page[limit]) and calls
requests.get per page without a Session, so every page is a new connection; the caller reads resp.json() and
pages until meta.totalResourceCount rows are in. Rows are kept, then written with the csv module:
run_number, then every attribute in first-seen order. Exit 1 on a short or inconsistent answer.

usage: omsapi_like.py BASE_URL FROM TO PAGE_SIZE OUT.csv
"""
import csv
import sys

import requests

base, first, last, limit, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
query = f"{base}/runs?filter[run_number][GE]={first}&filter[run_number][LE]={last}&sort=run_number"
rows, offset, total = [], 0, None
while total is None or offset < total:
    resp = requests.get(f"{query}&page[offset]={offset}&page[limit]={limit}", timeout=120)
    resp.raise_for_status()
    page = resp.json()
    total = page["meta"]["totalResourceCount"]
    if not page["data"] and offset < total:
        sys.exit(f"empty page at offset {offset} of {total}")
    rows.extend({"run_number": r["attributes"]["run_number"], **r["attributes"]} for r in page["data"])
    offset += limit
if len(rows) != total:
    sys.exit(f"expected {total} rows, got {len(rows)}")
columns = list(dict.fromkeys(k for r in rows for k in r))
with open(out, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=columns)
    w.writeheader()
    w.writerows(rows)
