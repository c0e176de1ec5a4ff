#!/usr/bin/env python3
"""Deterministic generator of the hw2-2024 blind submissions in this folder.

Run with the venv python that has nbconvert:  /tmp/blindenv-a/bin/python make.py
Writes sources/<id>/..., submissions/hw2-2024/<id>/... and ranges.yaml.
"""
import os, sys, json, shutil, subprocess, tempfile, random

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import nbparts as P
import theory_texts as T
from nbparts import md, code, out, res, err

ASSIGN = "hw2-2024"
SRC = os.path.join(HERE, "sources")
SUB = os.path.join(HERE, "submissions", ASSIGN)
VENV = os.environ.get("BLINDENV", "/tmp/blindenv-a")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", FORCE_SOURCE_DATE="1", TZ="UTC",
           PYTHONHASHSEED="0")
random.seed(1234)

def run(cmd, cwd):
    r = subprocess.run(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        print(r.stdout[-3000:])
        raise SystemExit("command failed: %s" % " ".join(cmd))
    return r.stdout

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

def pdflatex(tex_path, outdir):
    base = os.path.splitext(os.path.basename(tex_path))[0]
    shutil.copy(tex_path, os.path.join(outdir, base + ".tex"))
    for _ in range(2):
        run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", base + ".tex"], outdir)
    return os.path.join(outdir, base + ".pdf")

def print_nb(nb_path, outdir, template="lab", header=True):
    base = os.path.splitext(os.path.basename(nb_path))[0]
    shutil.copy(nb_path, os.path.join(outdir, base + ".ipynb"))
    run([os.path.join(VENV, "bin", "jupyter"), "nbconvert", "--to", "html", "--template", template,
         base + ".ipynb"], outdir)
    pdf = os.path.join(outdir, base + ".pdf")
    prof = tempfile.mkdtemp(prefix="chr-")
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--user-data-dir=" + prof,
           "--print-to-pdf=" + pdf]
    if not header:
        cmd.append("--no-pdf-header-footer")
    cmd.append(base + ".html")
    run(cmd, outdir)
    shutil.rmtree(prof, ignore_errors=True)
    return pdf

def set_counts(nb, mapping):
    """Overwrite execution counts of the k-th code cells (out-of-order Jupyter runs)."""
    k = 0
    for c in nb["cells"]:
        if c["cell_type"] == "code":
            if k in mapping:
                c["execution_count"] = mapping[k]
                for o in c["outputs"]:
                    if o["output_type"] == "execute_result":
                        o["execution_count"] = mapping[k]
            k += 1

# ====================================================================== students
REVIEWS = {
 "s01": [("The pacing drags in the middle, but the last act completely won me over.", 0.8127452731132507),
         ("Two hours of my life I will never get back. Wooden acting and a plot full of holes.", 0.008734125830233097)],
 "s02": [("I could not stop smiling through the whole movie, what a delight", 0.9431058764457703),
         ("boring and way too long", 0.04121994599699974)],
 "s03": [("An absolute masterpiece with stunning visuals and a moving score.", 0.9874931573867798),
         ("The jokes fall flat and the characters are annoying.", 0.021366462111473083)],
 "s06": [("Not as good as the first one, but still worth watching.", 0.6382914185523987),
         ("The script was lazy, the villain was forgettable and I nearly fell asleep.", 0.01187319028168916)],
 "s08": [("Oppenheimer is three hours long and I wanted more.", 0.9202177524566650),
         ("It's a mess. Nothing about it works.", 0.0154388071969151)],
 "s09": [("A heartfelt story with brilliant performances from the whole cast", 0.9811226725578308),
         ("I walked out halfway through, it was that bad", 0.03380483016371727)],
}

def bert_common(**kw):
    p = dict(q1a=P.Q1A["len"](), q1b=P.q1b("fstr"), q2a=P.q2a(),
             q2b=P.count_fn_cell("2b", P.BERT_BASE + P.bert_params()),
             q2c=P.count_fn_cell("2c", P.bert_params()),
             q3a=code(P.Q3A_OK), q3b=code(P.Q3B_OK), q3c=code(P.Q3C_OK))
    p.update(kw)
    return p

def q3d(n, epochs):
    return [code(P.Q3D_DEFAULT.format(n=n), [out(P.epoch_lines(epochs))])]

# ---------------------------------------------------------------- s01_ava
def s01():
    vit, _ = P.vit_notebook(dict(seed=11, colab=False, bs=128, epochs=10, acc_start=82.9, acc_end=88.9,
                                 secs_per_epoch=331, print_params=True, user="ava", lr="0.002",
                                 tail=["__final_eval__",
                                       "The final test accuracy of the ViT (patch size 4, 6 layers, 4 heads) is {FINAL}% after 10 epochs. Training on my laptop CPU was slow (about 5.5 minutes per epoch)."]))
    bert = P.bert_notebook(bert_common(
        colab=True, name="HW2_BERT_sentiment.ipynb",
        q3d=q3d(2, [(13, 2, 0.297, 0.8741, 0.236, 0.9057), (13, 5, 0.236, 0.9049, 0.219, 0.9132)]),
        test=P.test_cells(0.214, 0.9137),
        q4a=P.q4a_cells(0.03185766935348511, 0.9712003469467163),
        q4b=P.q4b_cells(REVIEWS["s01"]),
        post_cells=[md("Both of my reviews are classified correctly: the mixed-but-positive one gets 0.81 and the clearly negative one is close to 0.")]))
    return dict(tex=T.S01, vit=vit, bert=bert)

# ---------------------------------------------------------------- s02_ben
def s02():
    vit, _ = P.vit_notebook(dict(seed=22, colab=True, gpu=True, bs=128, epochs=5, acc_start=81.4, acc_end=86.1,
                                 secs_per_epoch=41, lr="0.001", name="ViT_FashionMNIST.ipynb",
                                 tail=["__final_eval__"]))
    tt_err = code("from torchtext.legacy import data",
                  [err("ModuleNotFoundError", "No module named 'torchtext.legacy'", [
                      "\x1b[0;31m---------------------------------------------------------------------------\x1b[0m",
                      "\x1b[0;31mModuleNotFoundError\x1b[0m                       Traceback (most recent call last)",
                      "\x1b[0;32m<ipython-input-12-4e4e0d0b8e52>\x1b[0m in \x1b[0;36m<cell line: 1>\x1b[0;34m()\x1b[0m\n\x1b[0;32m----> 1\x1b[0;31m \x1b[0;32mfrom\x1b[0m \x1b[0mtorchtext\x1b[0m\x1b[0;34m.\x1b[0m\x1b[0mlegacy\x1b[0m \x1b[0;32mimport\x1b[0m \x1b[0mdata\x1b[0m\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m\x1b[0m\n\x1b[0m",
                      "\x1b[0;31mModuleNotFoundError\x1b[0m: No module named 'torchtext.legacy'",
                      "",
                      "\x1b[0;31m---------------------------------------------------------------------------\x1b[0;32m\nNOTE: If your import is failing due to a missing package, you can\nmanually install dependencies using either !pip or !apt.\n\nTo view examples of installing some common dependencies, click the\n\"Open Examples\" button below.\n\x1b[0;31m---------------------------------------------------------------------------\x1b[0m"])])
    bert = P.bert_notebook(bert_common(
        colab=True, name="bert_sentiment_hw2.ipynb", q1a=P.Q1A["print"](), q1b=P.q1b("plain"),
        before_pip_cells=[tt_err],
        q2a=P.q2a(bidir=False),
        q2b=P.count_fn_cell("2b", P.BERT_BASE + P.bert_params(bidir=False)),
        q2c=P.count_fn_cell("2c", P.bert_params(bidir=False)),
        q3d=q3d(1, [(9, 41, 0.412, 0.8063, 0.318, 0.8671)]),
        test=P.test_cells(0.321, 0.8642),
        q4a=P.q4a_cells(0.08731094002723694, 0.8904157280921936),
        q4b=P.q4b_cells(REVIEWS["s02"], combined=True)))
    return dict(tex=T.S02, vit=vit, bert=bert)

# ---------------------------------------------------------------- s03_chen
def s03():
    vit, _ = P.vit_notebook(dict(seed=33, colab=False, bs=256, epochs=8, acc_start=80.2, acc_end=85.2,
                                 secs_per_epoch=118, lr="0.003", user="wchen", download=False, patch=7, depth=4, heads=8,
                                 model_md="I used a patch size of 7 so that there are only 16 patches (faster to train).",
                                 tail=["The test accuracy at the end of training is {FINAL}%."]))
    freeze_bug = code("for name, param in model.named_parameters():                \n    if name.startswith('BERT'):\n        param.requires_grad = False")
    bert = P.bert_notebook(bert_common(
        colab=False, name="bert_hw2.ipynb", q1a=P.Q1A["fstr"](),
        freeze=freeze_bug,
        q2c=P.count_fn_cell("2c", P.BERT_BASE + P.bert_params()),
        q3d=q3d(2, [(21, 37, 0.301, 0.8722, 0.239, 0.9044), (21, 29, 0.238, 0.9037, 0.226, 0.9105)]),
        test=P.test_cells(0.227, 0.9102),
        q4a=P.q4a_cells(0.04418814927339554, 0.9606255292892456),
        q4b=P.q4b_cells(REVIEWS["s03"], combined=True)))
    return dict(tex=T.S03, vit=vit, bert=bert)

# ---------------------------------------------------------------- s05_eli
def s05():
    vit, _ = P.vit_notebook(dict(seed=55, colab=False, gpu=True, bs=128, epochs=12, acc_start=83.0, acc_end=89.2,
                                 secs_per_epoch=27, lr="0.002", user="eli", download=False,
                                 tail=["__final_eval__"]))
    typed = md("**Results** (the training finished but the output got cleared when I restarted the kernel, so I am copying the numbers from that run here):\n\n"
               "```\nEpoch: 01 | Epoch Time: 12m 48s\n\tTrain Loss: 0.281 | Train Acc: 88.62%\n\t Val. Loss: 0.221 |  Val. Acc: 91.35%\n"
               "Epoch: 02 | Epoch Time: 12m 51s\n\tTrain Loss: 0.229 | Train Acc: 90.97%\n\t Val. Loss: 0.210 |  Val. Acc: 91.86%\n```")
    bert = P.bert_notebook(bert_common(
        colab=False, name="BERT_sentiment_EN.ipynb", q1a=P.Q1A["print"](),
        q3d=[code(P.Q3D_DEFAULT.format(n=2), [], ec=None), typed],
        test=[code(P.TEST_CELL, [], ec=None), md("Test Loss: 0.204 | Test Acc: 92.31%")],
        q4a=[code("# Q4a. Perform sentiment analysis on the following two sentences.\n\npredict_sentiment(model, tokenizer, \"This film is terrible!\")", [], ec=None),
             code("predict_sentiment(model, tokenizer, \"This film is great!\")", [], ec=None),
             md("Output: 0.0214 for \"This film is terrible!\" and 0.9783 for \"This film is great!\".")],
        q4b=[code("# Q4b. Perform sentiment analysis on two other movie review fragments of your choice.\n\n"
                  "predict_sentiment(model, tokenizer, \"The cinematography is gorgeous and the story kept me hooked\")\n", [], ec=None),
             md("Output: 0.9655 (positive). A second example, \"Predictable and dull\", gave 0.0412 (negative).")]))
    return dict(tex=T.S05, vit=vit, bert=bert)

# ---------------------------------------------------------------- s06_fay (folder)
def s06():
    vit, _ = P.vit_notebook(dict(seed=66, colab=False, bs=128, epochs=10, acc_start=82.4, acc_end=88.4,
                                 secs_per_epoch=302, lr="0.002", user="fay", print_params=True,
                                 tail=["__final_eval__", "Final test accuracy: {FINAL}%."]))
    set_counts(vit, {0: 2, 1: 3, 2: 1})
    bad_pred = P.PRED_FN.replace(".to(device)", "")
    pred_err = [err("RuntimeError", "Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! (when checking argument for argument index in method wrapper_CUDA__index_select)", [
        "\x1b[0;31m---------------------------------------------------------------------------\x1b[0m",
        "\x1b[0;31mRuntimeError\x1b[0m                              Traceback (most recent call last)",
        "Cell \x1b[0;32mIn[38], line 3\x1b[0m\n\x1b[1;32m      1\x1b[0m \x1b[38;5;66;03m# Q4a. Perform sentiment analysis on the following two sentences.\x1b[39;00m\n\x1b[0;32m----> 3\x1b[0m \x1b[43mpredict_sentiment\x1b[49m\x1b[43m(\x1b[49m\x1b[43mmodel\x1b[49m\x1b[43m,\x1b[49m\x1b[43m \x1b[49m\x1b[43mtokenizer\x1b[49m\x1b[43m,\x1b[49m\x1b[43m \x1b[49m\x1b[38;5;124;43m\"\x1b[39;49m\x1b[38;5;124;43mThis film is terrible!\x1b[39;49m\x1b[38;5;124;43m\"\x1b[39;49m\x1b[43m)\x1b[49m\n",
        "Cell \x1b[0;32mIn[37], line 8\x1b[0m, in \x1b[0;36mpredict_sentiment\x1b[0;34m(model, tokenizer, sentence)\x1b[0m\n\x1b[1;32m      6\x1b[0m tensor \x1b[38;5;241m=\x1b[39m torch\x1b[38;5;241m.\x1b[39mLongTensor(indexed)\n\x1b[1;32m      7\x1b[0m tensor \x1b[38;5;241m=\x1b[39m tensor\x1b[38;5;241m.\x1b[39munsqueeze(\x1b[38;5;241m0\x1b[39m)\n\x1b[0;32m----> 8\x1b[0m prediction \x1b[38;5;241m=\x1b[39m torch\x1b[38;5;241m.\x1b[39msigmoid(\x1b[43mmodel\x1b[49m\x1b[43m(\x1b[49m\x1b[43mtensor\x1b[49m\x1b[43m)\x1b[49m)\n",
        "File \x1b[0;32m~/miniconda3/envs/dl/lib/python3.10/site-packages/torch/nn/functional.py:2233\x1b[0m, in \x1b[0;36membedding\x1b[0;34m(input, weight, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse)\x1b[0m\n\x1b[0;32m-> 2233\x1b[0m \x1b[38;5;28;01mreturn\x1b[39;00m \x1b[43mtorch\x1b[49m\x1b[38;5;241;43m.\x1b[39;49m\x1b[43membedding\x1b[49m\x1b[43m(\x1b[49m\x1b[43mweight\x1b[49m\x1b[43m,\x1b[49m\x1b[43m \x1b[49m\x1b[38;5;28;43minput\x1b[39;49m\x1b[43m,\x1b[49m\x1b[43m \x1b[49m\x1b[43mpadding_idx\x1b[49m\x1b[43m,\x1b[49m\x1b[43m \x1b[49m\x1b[43mscale_grad_by_freq\x1b[49m\x1b[43m,\x1b[49m\x1b[43m \x1b[49m\x1b[43msparse\x1b[49m\x1b[43m)\x1b[49m\n",
        "\x1b[0;31mRuntimeError\x1b[0m: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu! (when checking argument for argument index in method wrapper_CUDA__index_select)"])]
    q4a = [code("# Q4a. Perform sentiment analysis on the following two sentences.\n\npredict_sentiment(model, tokenizer, \"This film is terrible!\")", pred_err),
           md("forgot to move the input to the GPU, fixed version:"),
           code(P.PRED_FN.replace("def predict_sentiment", "# fixed: tensor is moved to the same device as the model\ndef predict_sentiment")),
           code("predict_sentiment(model, tokenizer, \"This film is terrible!\")", [res("0.026870066672563553")]),
           code("predict_sentiment(model, tokenizer, \"This film is great!\")", [res("0.9651209712028503")])]
    bert = P.bert_notebook(bert_common(
        colab=False, name="bert_sentiment.ipynb", q1b=P.q1b("fstr"),
        pred=code(bad_pred),
        q3d=q3d(2, [(18, 12, 0.289, 0.8804, 0.233, 0.9081), (18, 9, 0.231, 0.9068, 0.216, 0.9163)]),
        test=P.test_cells(0.205, 0.9181),
        q4a=q4a, q4b=P.q4b_cells(REVIEWS["s06"])))
    set_counts(bert, {0: 2, 1: 1})
    return dict(tex=T.S06, vit=vit, bert=bert)

# ---------------------------------------------------------------- s07_gus (folder)
Q3A_NOSIG = """
def binary_accuracy(preds, y):

    # Q3a. Compute accuracy (as a number between 0 and 1)

    rounded = torch.round(preds)
    correct = (rounded == y).float()
    return correct.sum() / len(correct)
"""
def s07():
    vit, _ = P.vit_notebook(dict(seed=77, colab=True, gpu=True, bs=128, epochs=10, acc_start=82.7, acc_end=88.0,
                                 secs_per_epoch=44, lr="0.002", heads=8, name="HW2_ViT.ipynb",
                                 tail=["__final_eval__"]))
    bert = P.bert_notebook(bert_common(
        colab=True, name="HW2_BERT.ipynb",
        q3a=code(Q3A_NOSIG),
        q3d=q3d(2, [(14, 20, 0.284, 0.1784, 0.232, 0.1592), (14, 17, 0.233, 0.1610, 0.221, 0.1487)])
            + [md("The loss goes down but the accuracy is low? Not sure why, the predictions below look right though.")],
        test=P.test_cells(0.219, 0.1455),
        q4a=P.q4a_cells(0.05541953817009926, 0.9377617239952087),
        q4b=[code("# Q4b. Perform sentiment analysis on two other movie review fragments of your choice.\n", [], ec=None)]))
    return dict(tex=T.S07, vit=vit, bert=bert)

# ---------------------------------------------------------------- s08_hana (folder, md theory)
def s08():
    vit, _ = P.vit_notebook(dict(seed=88, colab=True, gpu=True, bs=128, epochs=20, acc_start=83.5, acc_end=90.3,
                                 secs_per_epoch=39, lr="0.001", name="vit_fashion.ipynb",
                                 title_md="# HW2 Problem 4 — ViT on FashionMNIST\npatch size 4x4, 6 layers, 4 heads",
                                 tail=["__final_eval__", "Final accuracy on the test set is {FINAL}% after 20 epochs."]))
    pre = [code("import torch\nimport random\nimport numpy as np\nfrom transformers import BertTokenizer, BertModel\n\nSEED = 1234\n\nrandom.seed(SEED)\nnp.random.seed(SEED)\ntorch.manual_seed(SEED)\ntorch.backends.cudnn.deterministic = True\n\ntokenizer = BertTokenizer.from_pretrained('bert-base-uncased')",
                [out(P.HF_WARN, "stderr")])]
    bert = P.bert_notebook(bert_common(
        colab=True, name="bert_imdb.ipynb", pre_cells=pre, skip_seed_cell=True, skip_tok_cell=True,
        headings=["## 1. Data preparation", "## 2. Model preparation", "## 3. Train the Model", "## 4. Inference"],
        q1a=P.Q1A["print"](), q1b=P.q1b("plain"),
        q3d=q3d(3, [(12, 51, 0.294, 0.8769, 0.230, 0.9093), (12, 55, 0.233, 0.9063, 0.214, 0.9169), (12, 53, 0.211, 0.9152, 0.209, 0.9191)]),
        test=P.test_cells(0.201, 0.9204),
        q4a=P.q4a_cells(0.019843291118741035, 0.9748537540435791),
        q4b=P.q4b_cells(REVIEWS["s08"])))
    return dict(md=T.S08_MD, vit=vit, bert=bert)

# ---------------------------------------------------------------- s09_ivan (notebook with theory)
def s09():
    vit, _ = P.vit_notebook(dict(seed=99, colab=True, gpu=True, bs=128, epochs=10, acc_start=82.6, acc_end=89.6,
                                 secs_per_epoch=40, lr="0.002", name="vit.ipynb", interrupt_after=1,
                                 tail=["I stopped the cell because Colab was about to disconnect me. I ran it again with 10 epochs later and the final test accuracy was **89.6%** (Average test loss: 0.2914)."]))
    bert = P.bert_notebook(bert_common(
        colab=True, name="HW2_ivan.ipynb", pre_cells=[md(x) for x in T.S09_MD] + [md("---\n# Problem 5")],
        q1a=P.Q1A["print"](),
        q3d=q3d(2, [(13, 11, 0.293, 0.8757, 0.236, 0.9061), (13, 9, 0.237, 0.9042, 0.223, 0.9118)]),
        test=P.test_cells(0.219, 0.9118),
        q4a=P.q4a_cells(0.03997614234685898, 0.9588155746459961),
        q4b=P.q4b_cells(REVIEWS["s09"])))
    return dict(vit=vit, bert=bert)

# ====================================================================== layout
STUDENTS = [
 # id, builder, form, upload layout
 ("s01_ava", s01, "pdf", dict(pdfname="Lindqvist_Ava_HW2.pdf", vit_tpl="classic", bert_tpl="classic", header=True)),
 ("s02_ben", s02, "pdf", dict(pdfname="hw2_bo2231.pdf", vit_tpl="lab", bert_tpl="lab", header=False)),
 ("s03_chen", s03, "pdf", dict(pdfname="DL_HW2_wc3389.pdf", vit_tpl="classic", bert_tpl="lab", header=True)),
 ("s04_dina", None, "theory-pdf", dict(pdfname="HW2_dr3105.pdf")),
 ("s05_eli", s05, "pdf", dict(pdfname="en2044_assignment2.pdf", vit_tpl="lab", bert_tpl="lab", header=True)),
 ("s06_fay", s06, "tex-folder", dict(tex="hw2_theory.tex", vit="vit_fashionmnist.ipynb", bert="bert_sentiment.ipynb")),
 ("s07_gus", s07, "tex-folder", dict(tex="main.tex", vit="HW2_ViT.ipynb", bert="HW2_BERT.ipynb")),
 ("s08_hana", s08, "md-folder", dict(md="answers.md", vit="vit_fashion.ipynb", bert="bert_imdb.ipynb")),
 ("s09_ivan", s09, "nb-folder", dict(vit="vit.ipynb", bert="HW2_ivan.ipynb")),
]

def main():
    for d in (SRC, os.path.join(HERE, "submissions")):
        shutil.rmtree(d, ignore_errors=True)
    build = "/tmp/blind-a-build"   # fixed path: it shows up in Chrome's footer URL
    shutil.rmtree(build, ignore_errors=True)
    for sid, fn, form, lay in STUDENTS:
        sdir, udir = os.path.join(SRC, sid), os.path.join(SUB, sid)
        os.makedirs(sdir); os.makedirs(udir)
        bdir = os.path.join(build, "home", sid.split("_")[1], "Downloads"); os.makedirs(bdir)
        if form == "theory-pdf":
            write(os.path.join(sdir, "theory.tex"), T.S04)
            pdf = pdflatex(os.path.join(sdir, "theory.tex"), bdir)
            shutil.copy(pdf, os.path.join(udir, lay["pdfname"]))
            continue
        w = fn()
        if form == "pdf":
            write(os.path.join(sdir, "theory.tex"), w["tex"])
            P.write_nb(w["vit"], os.path.join(sdir, "vit.ipynb"))
            P.write_nb(w["bert"], os.path.join(sdir, "bert.ipynb"))
            t = pdflatex(os.path.join(sdir, "theory.tex"), bdir)
            v = print_nb(os.path.join(sdir, "vit.ipynb"), bdir, lay["vit_tpl"], lay["header"])
            b = print_nb(os.path.join(sdir, "bert.ipynb"), bdir, lay["bert_tpl"], lay["header"])
            run(["pdfunite", t, v, b, os.path.join(udir, lay["pdfname"])], bdir)
        else:
            if "tex" in lay:
                write(os.path.join(udir, lay["tex"]), w["tex"])
                write(os.path.join(sdir, lay["tex"]), w["tex"])
                pdflatex(os.path.join(sdir, lay["tex"]), bdir)   # make sure it compiles
            if "md" in lay:
                write(os.path.join(udir, lay["md"]), w["md"])
                write(os.path.join(sdir, lay["md"]), w["md"])
            for k in ("vit", "bert"):
                P.write_nb(w[k], os.path.join(udir, lay[k]))
                P.write_nb(w[k], os.path.join(sdir, lay[k]))
        print("built", sid)
    shutil.rmtree(build, ignore_errors=True)

if __name__ == "__main__":
    main()
