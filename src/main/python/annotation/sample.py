#!/usr/bin/env python3
"""Draws the annotation sample from an export of the bundled corpus (docs/annotation.md, corpus/annotations).

It only chooses WHICH statements are read: strata by section group and by a sampling signal (the previous
linear model's label, or a cue word), so that the rare labels are well represented. No label comes from here:
every label in corpus/annotations was given by an annotator reading the statement.

Usage: python3 sample.py EXPORT.jsonl OUT.tsv   (EXPORT from `citelens export --format jsonl`)
"""
import hashlib
import json
import random
import re
import sys

CONTRAST = re.compile(r"\b(in contrast|contrary|unlike|inconsistent|disagree\w*|differ\w*|however|whereas|but|not|"
                      r"conflict\w*|contradict\w*|opposite|although|fail\w*|no significant|discrepan\w*)\b", re.I)
AGREE = re.compile(r"\b(consistent|agree\w*|in line with|in accordance|confirm\w*|similar\w*|support\w*|"
                   r"corroborat\w*|as reported|as previously|also (found|observed|reported|showed)|"
                   r"comparable|replicat\w*|coincide\w*|accord\w*)\b", re.I)

# (section group, signal) -> statements to draw; the rare-label strata are drawn whole or heavily.
PLAN = {
    ("any", "model-contrasting"): 10_000, ("any", "model-supporting"): 500,
    ("results-discussion", "contrast-cue"): 350, ("results-discussion", "agreement-cue"): 250,
    ("results-discussion", "plain"): 300,
    ("introduction", "contrast-cue"): 80, ("introduction", "agreement-cue"): 60, ("introduction", "plain"): 120,
    ("methods", "contrast-cue"): 50, ("methods", "agreement-cue"): 60, ("methods", "plain"): 100,
    ("other", "contrast-cue"): 50, ("other", "agreement-cue"): 40, ("other", "plain"): 60,
}


# Round 2 (after round 1 found contrasting in only 2.7% of its sample): every statement outside Introduction and
# Methods with a strong contrast phrase in its sentence, or with one plus own-evidence words in the sentence after,
# or with an agreement phrase plus own-evidence words, is read (a census of those cells).
STRONG_CONTRAST = re.compile(
    r"\b(in contrast|contrary|unlike|inconsistent|disagree\w*|differ\w* from|discrepan\w*|not consistent|not in agreement|"
    r"not in accordance|conflict\w*|contradict\w*|opposite|did not (find|observe|confirm|detect|show)|failed to|fails to|"
    r"whereas|however|differently|not agree|not support\w*|not confirm\w*)\b", re.I)
OWN = re.compile(r"\b(our|we|this study|present study|the present|current study|in this work|here)\b", re.I)
STRONG_AGREE = re.compile(r"\b(consistent with|in agreement|in line with|in accordance|confirm\w*|corroborat\w*|agree\w* with|"
                          r"similar to (those|that|the results|our)|comparable|support\w* (the|our|these|this))\b", re.I)


def round2_cell(row):
    if row["section"] in ("introduction", "methods"):
        return None
    s, before, after = row["sentence"], row["before"] or "", row["after"] or ""
    if STRONG_CONTRAST.search(s):
        return ("round2", "contrast-phrase")
    if STRONG_CONTRAST.search(after) and OWN.search(after):
        return ("round2", "contrast-after-own")
    if STRONG_AGREE.search(s) and OWN.search(s + " " + before):
        return ("round2", "agreement-own")
    return None


def cell(row):
    """The final stratum: round 2's cells (read whole) take their members out of round 1's strata."""
    return round2_cell(row) or stratum(row)


def section_group(section):
    if section in ("results", "discussion"):
        return "results-discussion"
    return section if section in ("introduction", "methods") else "other"


def stratum(row):
    if row["label"] == "contrasting":
        return ("any", "model-contrasting")
    if row["label"] == "supporting":
        return ("any", "model-supporting")
    text = row["sentence"]
    signal = "contrast-cue" if CONTRAST.search(text) else "agreement-cue" if AGREE.search(text) else "plain"
    return (section_group(row["section"]), signal)


def split_of(article_id):
    """By citing article, so no article is in two splits: 60% train, 15% dev, 25% test."""
    bucket = int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 100
    return "train" if bucket < 60 else "dev" if bucket < 75 else "test"


HEADER = "id\tsplit\tcitingPaper\tsection\tstratum\tstratumSize\tmarker\tcited\tbefore\tsentence\tafter\n"


def clean(text):
    return (text or "").replace("\t", " ").replace("\n", " ").strip()


def write_row(f, row, key, size):
    cited = row["cited"]
    cited_text = f'{cited.get("firstAuthor") or "?"} {cited.get("year") or "?"}: {cited.get("title") or "?"}'
    f.write("\t".join([row["id"], split_of(row["citing"]["articleId"]), row["citing"]["articleId"], row["section"],
                       "/".join(key), str(size), clean(row["marker"]), clean(cited_text), clean(row["before"]),
                       clean(row["sentence"]), clean(row["after"])]) + "\n")


def round2(export, first, out):
    """Every member of round 2's cells not already read in round 1."""
    rows = [json.loads(line) for line in open(export, encoding="utf-8")]
    done = {line.split("\t", 1)[0] for line in open(first, encoding="utf-8")}
    sizes = {}
    for row in rows:
        sizes[cell(row)] = sizes.get(cell(row), 0) + 1
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for row in sorted(rows, key=lambda r: r["id"]):
            if row["id"] not in done and round2_cell(row):
                write_row(f, row, round2_cell(row), sizes[round2_cell(row)])
    for key, n in sorted(sizes.items()):
        print(f"{'/'.join(key)}: {n} statements in the corpus", file=sys.stderr)


# Round 3 (after rounds 1 and 2 left 115 contrasting statements, too few to learn the label's precision): outside
# Introduction and Methods, of the statements not yet read, the 600 the shipped transformer scores most likely
# contrasting (scored with its screen off: `citelens classify --model DIR` with screenThreshold above 1), and every
# other one it labels supporting. The scores choose what is read; the readers never see them.
ROUND3_CONTRAST_TOP = 600


def unread_by_contrast(export, scored, annotated):
    """The export's statements by id, and the scored ones not yet read outside Introduction and Methods, most likely
    contrasting first (ties by id, so the order is reproducible)."""
    rows = {json.loads(line)["id"]: json.loads(line) for line in open(export, encoding="utf-8")}
    done = {line.split("\t", 1)[0] for line in open(annotated, encoding="utf-8")}
    pool = [json.loads(line) for line in open(scored, encoding="utf-8")]
    pool = [s for s in pool if s["id"] not in done and rows[s["id"]]["section"] not in ("introduction", "methods")]
    pool.sort(key=lambda s: (-s["scores"]["contrasting"], s["id"]))
    return rows, pool


def write_censuses(out, rows, round_name, cells):
    """Each (name, scored rows) cell written whole: a census, so its stratum size is its row count."""
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for name, cell_rows in cells:
            for s in sorted(cell_rows, key=lambda s: s["id"]):
                write_row(f, rows[s["id"]], (round_name, name), len(cell_rows))
            print(f"{round_name}/{name}: {len(cell_rows)} statements (a census)", file=sys.stderr)


def round3(export, scored, annotated, out):
    rows, pool = unread_by_contrast(export, scored, annotated)
    contrast = pool[:ROUND3_CONTRAST_TOP]
    support = [s for s in pool[ROUND3_CONTRAST_TOP:] if s["label"] == "supporting"]
    write_censuses(out, rows, "round3", (("model-contrast-top600", contrast), ("model-supporting", support)))


# Round 4 (after round 3 left 167 contrasting statements, 13 of them in the dev split: too few to choose the
# contrasting threshold on): outside Introduction and Methods, of the statements not yet read, the 1,000 that the
# transformer shipped after round 3 (`citelens-minilm-l6-ctx-f599bd7b`, screen off) scores most likely contrasting.
ROUND4_CONTRAST_TOP = 1000


def round4(export, scored, annotated, out):
    rows, pool = unread_by_contrast(export, scored, annotated)
    write_censuses(out, rows, "round4", (("model-contrast-top1000", pool[:ROUND4_CONTRAST_TOP]),))


def main(export, out):
    rows = [json.loads(line) for line in open(export, encoding="utf-8")]
    strata = {}
    for row in rows:
        strata.setdefault(stratum(row), []).append(row)
    rng = random.Random(20261130)
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(strata):
            members = sorted(strata[key], key=lambda r: r["id"])
            chosen = rng.sample(members, min(PLAN.get(key, 0), len(members)))
            for row in sorted(chosen, key=lambda r: r["id"]):
                cited = row["cited"]
                cited_text = f'{cited.get("firstAuthor") or "?"} {cited.get("year") or "?"}: {cited.get("title") or "?"}'
                f.write("\t".join([row["id"], split_of(row["citing"]["articleId"]), row["citing"]["articleId"],
                                   row["section"], "/".join(key), str(len(members)), clean(row["marker"]),
                                   clean(cited_text), clean(row["before"]), clean(row["sentence"]),
                                   clean(row["after"])]) + "\n")
            print(f"{'/'.join(key)}: {len(chosen)} of {len(members)}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--round2":
        round2(sys.argv[2], sys.argv[3], sys.argv[4])
    elif len(sys.argv) == 6 and sys.argv[1] == "--round3":
        round3(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    elif len(sys.argv) == 6 and sys.argv[1] == "--round4":
        round4(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    elif len(sys.argv) == 3:
        main(sys.argv[1], sys.argv[2])
    else:
        sys.exit("usage: sample.py EXPORT.jsonl OUT.tsv | sample.py --round2 EXPORT.jsonl ROUND1.tsv OUT.tsv"
                 " | sample.py --round3|--round4 EXPORT.jsonl SCORED.jsonl ANNOTATED.tsv OUT.tsv")
