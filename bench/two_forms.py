"""The same work in two forms: every blind submission handed in as one PDF, laid out again
from its sources (the theory's .tex and the notebooks' .ipynb), so that both forms can be
graded against the same ranges (issue 2/5).

    python bench/two_forms.py OUT
    python bench/fidelity.py OUT --corpus OUT/ranges.yaml          # the source form
    python bench/fidelity.py bench/blind/SET/submissions --corpus bench/blind/SET/ranges.yaml

The source form's ids are the set's letter and the submission's id (``a-s01_ava``).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import yaml

BLIND = Path(__file__).resolve().parent / "blind"


def lay_out(out: Path) -> list[dict]:
    """Copy each PDF submission's sources under ``OUT/<assignment>/<set>-<id>/``; return the
    records (the set's ranges, under the new ids)."""
    records = []
    for folder in sorted(BLIND.glob("2026-*")):
        letter = folder.name.rsplit("-", 1)[-1]
        for record in yaml.safe_load((folder / "ranges.yaml").read_text())["submissions"]:
            handed_in = folder / "submissions" / record["assignment"] / record["id"]
            if not record.get("sources") or not any(handed_in.glob("*.pdf")):
                continue
            target = out / record["assignment"] / f"{letter}-{record['id']}"
            target.mkdir(parents=True, exist_ok=True)
            for source in record["sources"]:
                shutil.copy(folder / source, target / Path(source).name)
            records.append({**record, "id": f"{letter}-{record['id']}"})
    return records


def main() -> None:
    """Lay the source forms out and write their ranges."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    out = parser.parse_args().out
    records = lay_out(out)
    (out / "ranges.yaml").write_text(yaml.safe_dump({"submissions": records}))
    print(f"{len(records)} submissions handed in as a PDF, laid out from their sources in {out}")


if __name__ == "__main__":
    main()
