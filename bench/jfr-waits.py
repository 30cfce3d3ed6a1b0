#!/usr/bin/env python3
"""Where a server's threads wait on the database: JFR socket reads (jdk.SocketRead, over the
recording's threshold) summed by the innermost Craftmark store method, per thread name.
Usage: jfr print --json --stack-depth 64 --events jdk.SocketRead rec.jfr > sr.json; bench/jfr-waits.py sr.json"""
import collections
import json
import re
import sys


def seconds(iso):
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", iso)
    h, mi, s = (float(x) if x else 0.0 for x in m.groups())
    return h * 3600 + mi * 60 + s


total = collections.Counter()
count = collections.Counter()
for event in json.load(open(sys.argv[1]))["recording"]["events"]:
    values = event["values"]
    if not values.get("stackTrace"):
        continue
    frames = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in values["stackTrace"]["frames"]]
    site = next((f for f in frames if "craftmark" in f and "Store." in f), None) \
        or next((f for f in frames if "craftmark" in f), "other")
    thread = re.sub(r"[-#]?\d+$", "", (values.get("eventThread") or {}).get("javaName", "?"))
    total[(thread, site)] += seconds(values["duration"])
    count[(thread, site)] += 1
for key, secs in total.most_common(15):
    print(f"{secs:8.1f} s {count[key]:7d} reads  {key[0]:<28} {key[1]}")
