#!/usr/bin/env python3
"""Generate the blind set: sources/<id>/..., submissions/<assignment>/<id>/..., ranges.yaml.

Run with the private venv that has nbformat + nbconvert:
    /tmp/blindenv-c/bin/python make.py
Needs pdflatex, chromium, pdfunite on PATH.  Deterministic inputs (fixed seeds,
SOURCE_DATE_EPOCH=1700000000 for every tool).
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import nbformat

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import nbkit  # noqa: E402
import theory_a  # noqa: E402
import theory_b  # noqa: E402
import theory_c  # noqa: E402

ENV = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", FORCE_SOURCE_DATE="1", TZ="UTC")
VENV = "/tmp/blindenv-c"
SRC = os.path.join(HERE, "sources")
SUB = os.path.join(HERE, "submissions")

# ------------------------------------------------------------------ notebook options
OWN = {
    "a": [("The pacing dragged, but the final act completely won me over. A beautiful film.", 0.9127834439277649),
          ("I walked out halfway through; the plot made no sense and the acting was wooden.", 0.008731460757553577)],
    "b": [("An instant classic with a soundtrack I still hum every day.", 0.9701318144798279),
          ("Two hours of my life I will never get back.", 0.04418204352259636)],
    "c": [("The CGI was impressive but the story felt hollow.", 0.3120418190956116),
          ("Honestly one of the funniest movies I have seen in years!", 0.9853507876396179)],
    "d": [("Boring, predictable and way too long.", 0.011940211243927479),
          ("The cast has great chemistry and the script is sharp and witty.", 0.9788103699684143)],
}

VIT_ACCS_GOOD = [80.12, 83.95, 85.41, 86.37, 86.90, 87.52, 87.88, 88.21, 88.47, 88.93]

NB_OPTS = {
    "s01_ava": {
        "vit": dict(colab=False, seed=11, hp=dict(patch=4, depth=6, heads=4, dim=64, mlp=128), accs=VIT_ACCS_GOOD, secs=618.33,
                    post_md=["Final test accuracy after 10 epochs: **88.93%** (patch 4x4, 6 layers, 4 heads, dim 64)."]),
        "bert": dict(colab=True, seed=12, headings="plain", epochs=2,
                     log=[(12, 48, 0.412, 80.95, 0.266, 89.31), (12, 51, 0.263, 89.47, 0.241, 90.32)], test=(0.228, 90.87),
                     preds=(0.031204750761389732, 0.9412055611610413), own=OWN["a"]),
    },
    "s02_ben": {
        "vit": dict(colab=False, seed=21, hp=dict(patch=7, depth=4, heads=8, dim=128, mlp=256), lr="0.001",
                    accs=[79.33, 83.10, 84.72, 85.60, 86.18, 86.55, 86.71, 86.94], secs=301.62),
        "bert": dict(colab=True, seed=22, headings="plain", acc="ok2", epochs=2, q1a="res",
                     log=[(13, 2, 0.398, 81.87, 0.262, 89.46), (13, 0, 0.259, 89.71, 0.239, 90.42)], test=(0.231, 90.66),
                     preds=(0.02640218660235405, 0.9061231613159180), own=OWN["b"][:1]),
    },
    "s03_cleo": {
        "vit": dict(colab=False, seed=31, channel_error=True, hp=dict(patch=4, depth=6, heads=4, dim=64, mlp=128), lr="0.002",
                    accs=[78.88, 82.97, 85.02, 85.95, 86.71, 87.30, 87.79, 88.04, 88.56, 88.70, 89.02, 89.37], secs=744.10),
        "bert": dict(colab=False, seed=32, bump=3, headings="numbered", bidir=False, epochs=2,
                     log=[(9, 41, 0.437, 79.62, 0.281, 88.44), (9, 38, 0.281, 88.35, 0.257, 89.71)], test=(0.249, 90.12),
                     preds=(0.04529881477355957, 0.8822016716003418), own=OWN["c"]),
    },
    "s04_dev": {
        "bert": dict(colab=False, seed=42, headings="plain", epochs=2, log=None, test=(0.0, 0.0), preds=(0, 0),
                     dishonest={"train", "q4"},
                     dishonest_train_md="**Results** (training takes ~25 min per epoch so I am writing the numbers here):\n\n"
                     "- Epoch 1: Train Loss 0.402, Train Acc 81.9%, Val Loss 0.255, Val Acc 89.8%\n"
                     "- Epoch 2: Train Loss 0.254, Train Acc 89.9%, Val Loss 0.236, Val Acc 90.6%\n\n"
                     "**Test Loss: 0.224 | Test Acc: 91.38%**",
                     dishonest_q4_md="Q4a: \"Justice League is terrible. I hated it.\" → 0.028 (negative)\n\n"
                     "\"Avengers was great!!\" → 0.953 (positive)\n\n"
                     "Q4b: \"The soundtrack alone is worth the ticket.\" → 0.91\n\n\"A lazy, soulless remake.\" → 0.04"),
    },
    "s05_emil": {
        "bert": dict(colab=True, seed=52, headings="handout", code_first=True, epochs=2,
                     log=[(11, 57, 0.389, 82.41, 0.247, 90.05), (11, 59, 0.247, 90.13, 0.229, 90.97)], test=(0.215, 91.43),
                     preds=(0.019283467158675194, 0.9567371606826782), own=OWN["d"]),
    },
    "s07_gus": {
        "bert": dict(colab=False, seed=72, headings="plain", freeze=False, epochs=1,
                     log=[(61, 12, 0.701, 50.31, 0.694, 49.87)], test=(0.693, 50.08),
                     preds=(0.4981420934200287, 0.5013278722763062),
                     own=[("This movie was a masterpiece.", 0.5002743005752563), ("Worst film of the decade.", 0.4987303912639618)],
                     pre_md=theory_b.S07_MD,
                     post_md=["Accuracy is around 50% after one epoch; training took an hour so I stopped there."]),
    },
    "s08_hana": {
        "bert": dict(colab=True, seed=82, headings="plain", legacy_error=True, epochs=3,
                     log=[(14, 31, 0.405, 81.66, 0.258, 89.52), (14, 29, 0.257, 89.80, 0.233, 90.61), (14, 30, 0.223, 91.18, 0.222, 91.19)],
                     test=(0.209, 91.92), preds=(0.012077385000884533, 0.9711493849754333), own=OWN["b"]),
    },
    "s09_ivan": {
        "bert": dict(colab=True, seed=92, headings="numbered", epochs=2,
                     log=[(13, 25, 0.421, 80.37, 0.270, 89.12), (13, 22, 0.266, 89.30, 0.243, 90.37)], test=(0.232, 91.05),
                     preds=(0.02266034297645092, 0.9311150908470154), own=OWN["c"]),
    },
    "s10_jin": {
        "bert": dict(colab=True, seed=102, headings="plain", epochs=1,
                     log=[(14, 2, 0.436, 79.88, 0.318, 86.91)], test=(0.327, 86.42),
                     preds=(0.09031473100185394, 0.7802671194076538), own=OWN["d"]),
    },
    "s11_kara": {
        "bert": dict(colab=False, seed=112, bump=6, headings="numbered", epochs=2, log=None, test=(0.0, 0.0), preds=(0, 0),
                     dishonest={"train", "q4"},
                     dishonest_train_md="Training output (copied from my Colab run, the session crashed before I could save the notebook):\n\n"
                     "```\nEpoch: 01 | Epoch Time: 12m 40s\n\tTrain Loss: 0.395 | Train Acc: 82.35%\n\t Val. Loss: 0.251 |  Val. Acc: 90.01%\n"
                     "Epoch: 02 | Epoch Time: 12m 38s\n\tTrain Loss: 0.250 | Train Acc: 90.02%\n\t Val. Loss: 0.231 |  Val. Acc: 90.93%\n"
                     "Test Loss: 0.219 | Test Acc: 91.80%\n```",
                     dishonest_q4_md="Predictions: \"Justice League is terrible. I hated it.\" = 0.021, \"Avengers was great!!\" = 0.962, "
                     "\"A stunning, heartfelt story.\" = 0.978, \"Dull and far too long.\" = 0.015"),
    },
    "s12_leo": {
        "bert": dict(colab=True, seed=122, headings="plain", acc="nosigmoid", epochs=2,
                     log=[(12, 14, 0.417, 33.86, 0.268, 29.41), (12, 11, 0.262, 27.95, 0.244, 26.73)], test=(0.235, 27.18),
                     preds=(0.03395821154117584, 0.9187374711036682), own=OWN["a"],
                     post_md=["The accuracy printed above looks strange (loss goes down but accuracy stays under 35%), "
                              "but the predictions on the example sentences are correct, so I think the model itself works."]),
    },
}

# ------------------------------------------------------------------ submissions
# kind: pdf (theory + notebooks merged), pdf_theory (theory only), folder (files copied)
STUDENTS = [
    # id, assignment, theory (kind, text), notebooks [(key, filename)], form, print opts
    dict(id="s01_ava", a="hw2-2024", theory=("tex", theory_a.S01), nbs=[("vit", "vit.ipynb"), ("bert", "bert.ipynb")],
         upload="pdf", pdfname="Ava_Lindqvist_A2.pdf", prints=[("lab", True), ("lab", True)],
         form="single PDF: pdflatex theory + chromium-printed ViT and BERT notebooks (lab template, with header/footer)"),
    dict(id="s02_ben", a="hw2-2024", theory=("tex", theory_a.S02), nbs=[("vit", "vit.ipynb"), ("bert", "bert.ipynb")],
         upload="pdf", pdfname="bo2208_assignment2.pdf", prints=[("classic", False), ("classic", False)],
         form="single PDF: pdflatex theory + chromium-printed ViT and BERT notebooks (classic template, no header/footer)"),
    dict(id="s03_cleo", a="hw2-2024", theory=("tex", theory_a.S03), nbs=[("vit", "vit.ipynb"), ("bert", "bert.ipynb")],
         upload="folder", files={"theory": "hw2_theory.tex", "vit": "vit_fashionmnist.ipynb", "bert": "bert_sentiment.ipynb"},
         form="folder: .tex theory + executed ViT and BERT Jupyter notebooks"),
    dict(id="s04_dev", a="hw2-2024", theory=("md", theory_a.S04_MD), nbs=[("bert", "bert.ipynb")],
         upload="folder", files={"theory": "HW2_answers.md", "bert": "HW2_BERT_sentiment.ipynb"},
         form="folder: .md theory + BERT Jupyter notebook (no ViT)"),
    dict(id="s05_emil", a="hw3-2023", theory=("tex", theory_b.S05), nbs=[("bert", "bert.ipynb")],
         upload="pdf", pdfname="HW3_eh2917.pdf", prints=[("lab", True)],
         form="single PDF: pdflatex theory + chromium-printed Colab BERT notebook (lab, header/footer)"),
    dict(id="s06_farah", a="hw3-2023", theory=("tex", theory_b.S06), nbs=[],
         upload="pdf", pdfname="hw3_fq2044.pdf", prints=[],
         form="theory-only PDF (pdflatex); no notebook"),
    dict(id="s07_gus", a="hw3-2023", theory=None, nbs=[("bert", "bert.ipynb")],
         upload="folder", files={"bert": "HW3_gp2281.ipynb"},
         form="one Jupyter notebook holding the theory in markdown cells + the BERT code"),
    dict(id="s08_hana", a="hw3-2023", theory=("txt", theory_b.S08_TXT), nbs=[("bert", "bert.ipynb")],
         upload="folder", files={"theory": "hw3_theory.txt", "bert": "hw3_bert_hk3650.ipynb"},
         form="folder: .txt theory + Colab BERT notebook"),
    dict(id="s09_ivan", a="hw3-2022", theory=("tex", theory_c.S09), nbs=[("bert", "bert.ipynb")],
         upload="pdf", pdfname="Petrov_HW3.pdf", prints=[("classic", False)],
         form="single PDF: pdflatex theory + chromium-printed Colab BERT notebook (classic, no header/footer)"),
    dict(id="s10_jin", a="hw3-2022", theory=("tex", theory_c.S10), nbs=[("bert", "bert.ipynb")],
         upload="pdf", pdfname="jp6408_hw3.pdf", prints=[("lab", True)],
         form="single PDF: pdflatex theory (no headings) + chromium-printed Colab BERT notebook (lab, header/footer)"),
    dict(id="s11_kara", a="hw3-2022", theory=("tex", theory_c.S11), nbs=[("bert", "bert.ipynb")],
         upload="folder", files={"theory": "hw3.tex", "bert": "HW3_BERT.ipynb"},
         form="folder: .tex theory (problems out of order) + BERT Jupyter notebook"),
    dict(id="s12_leo", a="hw3-2022", theory=("md", theory_c.S12_MD), nbs=[("bert", "bert.ipynb")],
         upload="folder", files={"theory": "README.md", "bert": "leo_hw3_bert.ipynb"},
         form="folder: .md theory + Colab BERT notebook"),
]

RANGES = {
    "s01_ava": ({"p1": [3, 3], "p2": [3, 3], "p3": [2, 2], "p4": [2.5, 3], "p5": [4, 4]},
                {"p1": "alternating sum even minus odd, sigmoid(1000 h_T) kept, step-function interpretation",
                 "p2": "norms sqrt2 beta, beta, sqrt2 beta; y_i -> x_i with explicit limit; copy explained via saturated softmax",
                 "p3": "Q(K^T V) associativity, O(T d^2), explains why exp breaks it",
                 "p4": "ViT patch 4, depth 6, heads 4 on FashionMNIST, training log, 88.9% test",
                 "p5": "all Q1a-Q4b done, frozen BERT, bidirectional GRU, 2 epochs, 90.9% test, 4 predictions"}),
    "s02_ben": ({"p1": [1.5, 2], "p2": [2.25, 2.5], "p3": [0, 0.5], "p4": [1.5, 2.25], "p5": [3.5, 4]},
                {"p1": "alternating sum correct but sigmoid dropped: says output = alternating sum, no classification",
                 "p2": "(a) and (b) right with limit; (c) 'attention averages the tokens' misses the copy mechanism",
                 "p3": "wrong argument: claims dropping exponentials makes each row O(1); no reassociation",
                 "p4": "ViT trained (86.9%) but with patch 7, 4 layers, 8 heads instead of 4/6/4",
                 "p5": "notebook complete and correct; Q4b only one own review instead of two"}),
    "s03_cleo": ({"p1": [1, 2], "p2": [2.25, 2.5], "p3": [2, 2], "p4": [3, 3], "p5": [3, 3.5]},
                 {"p1": "sigmoid kept but sign flipped: odd minus even, so classification reversed",
                  "p2": "(a) gives squared norms (2 beta^2, beta^2); (b) and (c) correct",
                  "p3": "correct reassociation M = sum v_j k_j^T, O(T d^2)",
                  "p4": "correct ViT 4/6/4, traceback (channels) then fixed, 89.4% test",
                  "p5": "GRU instantiated with BIDIRECTIONAL=False (params 110.7M / 1.18M); rest correct, 90.1% test"}),
    "s04_dev": ({"p1": [3, 3], "p2": [1.5, 2], "p3": [1.5, 2], "p4": [0, 0], "p5": [1.5, 2.5]},
                {"p1": "correct even-minus-odd sum inside sigmoid, tie case",
                 "p2": "(a) right; (b) softmax weights written but no limit taken, wrongly says y1,y3 mix x1,x3; (c) vague but ok-ish",
                 "p3": "right idea (K^T V once) but terse, complexity per output stated loosely",
                 "p4": "not attempted ('did not get to this one')",
                 "p5": "Q1/Q2 and functions Q3a-c done with outputs; training/test/Q4 results only typed into markdown, cells never run"}),
    "s05_emil": ({"p1": [3, 3], "p2": [4, 4], "p3": [3, 3], "p4": [6, 6]},
                 {"p1": "two solid CNN benefits and two RNN benefits",
                  "p2": "closed form with induction, sigmoid, integer/step interpretation",
                  "p3": "norms, limits with e^{-beta^2}, copy via one-hot softmax",
                  "p4": "complete Colab notebook, frozen BERT, bi-GRU, 91.4% test, predictions"}),
    "s06_farah": ({"p1": [2.5, 3], "p2": [4, 4], "p3": [0.75, 1.5], "p4": [0, 0]},
                  {"p1": "reasonable benefits both ways (RNN ones generic)",
                   "p2": "correct sum, sigmoid, cases",
                   "p3": "(a) squared norms; (b) exact softmax weights but no large-beta limit, wrong identification; (c) weak",
                   "p4": "no notebook submitted ('submitted separately')"}),
    "s07_gus": ({"p1": [1.5, 2], "p2": [4, 4], "p3": [3, 3], "p4": [3, 4.5]},
                {"p1": "only one benefit given in (a) and one in (b)",
                 "p2": "correct, (-1)^t form, sigmoid and tie",
                 "p3": "correct norms, argmax limit, copy explanation",
                 "p4": "freezing cell missing: Q2c prints 112M, full BERT trained with Adam 1 epoch -> ~50% acc, predictions ~0.5; functions correct"}),
    "s08_hana": ({"p1": [3, 3], "p2": [1.5, 2.5], "p3": [3, 3], "p4": [6, 6]},
                 {"p1": "two good benefits each way",
                  "p2": "unrolling right but general h_T has wrong sign pattern (++--), sigmoid kept",
                  "p3": "norms, limit of each row, copy explanation all correct",
                  "p4": "complete Colab notebook (torchtext.legacy error then fixed), 3 epochs, 91.9% test"}),
    "s09_ivan": ({"p1": [3, 3], "p2": [4, 4], "p3": [3, 3], "p4": [6, 6]},
                 {"p1": "two benefits each way, well argued",
                  "p2": "pairwise sum form, sigmoid, integer step interpretation",
                  "p3": "kernel/linear attention and Linformer with mechanism, cost, pros and cons",
                  "p4": "complete notebook, 91.05% test"}),
    "s10_jin": ({"p1": [2, 3], "p2": [2, 2.5], "p3": [1.25, 1.75], "p4": [5, 5.5]},
                {"p1": "benefits given but thin, no part labels",
                 "p2": "alternating sum right but sigmoid/classification dropped",
                 "p3": "sliding window explained with pros/cons; second method only named (Linformer)",
                 "p4": "complete but only 1 epoch (86.4% test)"}),
    "s11_kara": ({"p1": [2.5, 3], "p2": [4, 4], "p3": [2.5, 3], "p4": [2, 3]},
                 {"p1": "two benefits each way, brief",
                  "p2": "correct with sigmoid and cases",
                  "p3": "Linformer correct; sparse attention ok (strided is really O(T sqrt T) but constant-neighbour claim is fine)",
                  "p4": "Q1-Q3c code with outputs; training/test/predictions typed into markdown, cells unexecuted"}),
    "s12_leo": ({"p1": [1, 1.5], "p2": [4, 4], "p3": [3, 3], "p4": [4.5, 5.25]},
                {"p1": "(a) fine; (b) both RNN benefits wrong (fewer params than CNN, 'sees whole image')",
                 "p2": "correct closed form and interpretation",
                 "p3": "kernel linear attention and sliding window, both with pros/cons",
                 "p4": "binary_accuracy rounds logits without sigmoid -> printed accuracies ~27-34%; rest correct"}),
}


def run(cmd, cwd=None):
    r = subprocess.run(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    if r.returncode != 0:
        sys.stderr.write(r.stdout.decode(errors="replace")[-3000:])
        raise SystemExit("failed: %s" % " ".join(cmd))


def pdflatex(tex, outpdf):
    d = tempfile.mkdtemp()
    with open(os.path.join(d, "theory.tex"), "w") as f:
        f.write(tex)
    for _ in range(2):
        run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "theory.tex"], cwd=d)
    shutil.copy(os.path.join(d, "theory.pdf"), outpdf)
    shutil.rmtree(d)


def print_nb(ipynb, outpdf, template, header):
    d = tempfile.mkdtemp()
    name = os.path.basename(ipynb)
    shutil.copy(ipynb, os.path.join(d, name))
    run([os.path.join(VENV, "bin", "jupyter"), "nbconvert", "--to", "html", "--template", template, name], cwd=d)
    html = os.path.join(d, name.replace(".ipynb", ".html"))
    prof = tempfile.mkdtemp()
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--user-data-dir=" + prof,
           "--virtual-time-budget=5000", "--print-to-pdf=" + outpdf]
    if not header:
        cmd.append("--no-pdf-header-footer")
    run(cmd + [html])
    shutil.rmtree(d)
    shutil.rmtree(prof, ignore_errors=True)


def write_nb(nb, path):
    with open(path, "w") as f:
        nbformat.write(nb, f)


def build(st):
    sid = st["id"]
    random.seed(sid)
    sdir = os.path.join(SRC, sid)
    udir = os.path.join(SUB, st["a"], sid)
    os.makedirs(sdir, exist_ok=True)
    os.makedirs(udir, exist_ok=True)
    srcs = {}
    if st["theory"]:
        kind, text = st["theory"]
        p = os.path.join(sdir, "theory." + kind)
        with open(p, "w") as f:
            f.write(text)
        srcs["theory"] = p
    for key, fname in st["nbs"]:
        opts = NB_OPTS[sid][key]
        nb = nbkit.vit_notebook(opts) if key == "vit" else nbkit.bert_notebook(opts)
        nbformat.validate(nb)
        p = os.path.join(sdir, fname)
        write_nb(nb, p)
        srcs[key] = p
    if st["upload"] == "pdf":
        tmp = tempfile.mkdtemp()
        parts = []
        tp = os.path.join(tmp, "theory.pdf")
        pdflatex(st["theory"][1], tp)
        parts.append(tp)
        for (key, fname), (tmpl, header) in zip(st["nbs"], st["prints"]):
            op = os.path.join(tmp, key + ".pdf")
            print_nb(srcs[key], op, tmpl, header)
            parts.append(op)
        out = os.path.join(udir, st["pdfname"])
        if len(parts) == 1:
            shutil.copy(parts[0], out)
        else:
            run(["pdfunite"] + parts + [out])
        shutil.rmtree(tmp)
    else:
        for key, fname in st["files"].items():
            shutil.copy(srcs[key], os.path.join(udir, fname))
    return [os.path.relpath(p, HERE) for p in srcs.values()]


def q(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    for d in (SRC, SUB):
        shutil.rmtree(d, ignore_errors=True)
    lines = ["submissions:"]
    for st in STUDENTS:
        srcs = build(st)
        rng, why = RANGES[st["id"]]
        lines.append(f"  - id: {st['id']}")
        lines.append(f"    assignment: {st['a']}")
        lines.append(f"    form: {q(st['form'])}")
        lines.append(f"    sources: [{', '.join(srcs)}]")
        lines.append("    ranges: {" + ", ".join(f"{k}: [{v[0]}, {v[1]}]" for k, v in rng.items()) + "}")
        lines.append("    why:")
        for k, v in why.items():
            lines.append(f"      {k}: {q(v)}")
        print("built", st["id"], flush=True)
    with open(os.path.join(HERE, "ranges.yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
