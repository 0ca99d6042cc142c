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


def clean(text):
    return (text or "").replace("\t", " ").replace("\n", " ").strip()


def main(export, out):
    rows = [json.loads(line) for line in open(export, encoding="utf-8")]
    strata = {}
    for row in rows:
        strata.setdefault(stratum(row), []).append(row)
    rng = random.Random(20261130)
    with open(out, "w", encoding="utf-8") as f:
        f.write("id\tsplit\tcitingPaper\tsection\tstratum\tstratumSize\tmarker\tcited\tbefore\tsentence\tafter\n")
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
    if len(sys.argv) != 3:
        sys.exit("usage: sample.py EXPORT.jsonl OUT.tsv")
    main(sys.argv[1], sys.argv[2])
