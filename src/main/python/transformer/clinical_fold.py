"""Moves the clinical set's held-out papers to fold K of a grouped 5-fold split, for the transformer's clinical
cross-validation (docs/classifier.md, "Clinical cross-validation").

The shipped model holds out the papers whose CRC32 of the id is 0 modulo 5 (org.citelens.classify.DevSplit); fold K
holds out those at K instead and trains on the other four fifths, our own annotations unchanged. Two files need it:

  clinical_fold.py data --fold K IN.jsonl OUT.jsonl   transformer-data's rows: clinical rows' "split" reassigned
  clinical_fold.py tsv  --fold K IN.tsv OUT.tsv       the clinical set for `citelens evaluate --split dev`

Standard library only (zlib's CRC32 is Java's java.util.zip.CRC32).
"""
import argparse
import json
import sys
import zlib

FOLDS = 5


def held_out(paper, fold):
    return zlib.crc32(paper.encode("utf-8")) % FOLDS == fold


def data(fold, src, out):
    moved = 0
    with open(src, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            row = json.loads(line)
            if row["dataset"] == "clinical":
                split = "dev" if held_out(row["paper"], fold) else "train"
                moved += split != row["split"]
                row["split"] = split
            w.write(json.dumps(row, separators=(",", ":")) + "\n")
    return moved


def tsv(fold, src, out):
    with open(src, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    if "split" not in header or "citing_paper" not in header:
        sys.exit(f"clinical_fold.py: {src} has no split or citing_paper column")
    split_col, paper_col = header.index("split"), header.index("citing_paper")
    held = 0
    with open(out, "w", encoding="utf-8") as w:
        w.write(lines[0] + "\n")
        for line in lines[1:]:
            if not line:
                continue
            fields = line.split("\t")
            fields[split_col] = "dev" if held_out(fields[paper_col], fold) else "train"
            held += fields[split_col] == "dev"
            w.write("\t".join(fields) + "\n")
    return held


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["data", "tsv"])
    parser.add_argument("--fold", type=int, required=True)
    parser.add_argument("src")
    parser.add_argument("out")
    args = parser.parse_args()
    if not 0 <= args.fold < FOLDS:
        parser.error(f"--fold takes 0 to {FOLDS - 1}, not {args.fold}")
    if args.what == "data":
        print(f"clinical_fold.py: fold {args.fold}: {data(args.fold, args.src, args.out)} clinical rows changed split",
              file=sys.stderr)
    else:
        print(f"clinical_fold.py: fold {args.fold}: {tsv(args.fold, args.src, args.out)} clinical rows held out",
              file=sys.stderr)


if __name__ == "__main__":
    main()
