"""The sandbox server's memory collapsed into huge pages: what it reports is what happened."""

from __future__ import annotations

import json
import subprocess
import sys

from grader.sandbox.hugepages import HUGE_PAGE

CHILD = """
import json, re
from grader.sandbox import hugepages
hog = bytearray(64 << 20)
for i in range(0, len(hog), 4096):
    hog[i] = 1
def huge_kb():
    text = open('/proc/self/smaps_rollup').read()
    return int(re.search(r'AnonHugePages:\\s+(\\d+) kB', text).group(1))
before = huge_kb()
done = hugepages.collapse()
print(json.dumps({"before": before, "done": done, "after": huge_kb(),
                  "again": hugepages.collapse_if_grown()}))
"""


def test_collapse_reports_the_bytes_the_kernel_backed_with_huge_pages() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout)
    assert seen["done"] >= 0 and seen["done"] % HUGE_PAGE == 0
    if seen["done"]:  # a kernel that collapses (6.1+): more of the memory is in huge pages
        assert seen["after"] - seen["before"] >= 32 << 10  # KiB: at least half the 64 MiB
    else:  # one that cannot: nothing claimed, nothing changed
        assert seen["after"] <= seen["before"] + 2048
    assert seen["again"] == 0  # no module imported since: not collapsed twice
