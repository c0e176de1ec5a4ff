#!/usr/bin/env python3
"""Deterministic generator for this blind set.

Run with:  /tmp/blindenv-b/bin/python make.py
Writes OUT/sources/<id>/... and OUT/submissions/<assignment>/<id>/...
Tools: pdflatex (twice), jupyter nbconvert (venv /tmp/blindenv-b), chromium headless, pdfunite.
"""
import os
import random
import shutil
import subprocess
import sys
sys.dont_write_bytecode = True
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_bert as gb  # noqa: E402
import gen_theory as th  # noqa: E402
from gen_bert import out, res, err, BAR  # noqa: E402

random.seed(20231208)
VENV = "/tmp/blindenv-b"
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", FORCE_SOURCE_DATE="1", TZ="UTC",
           PYTHONHASHSEED="0")
BUILD = "/tmp/u"


# --------------------------------------------------------------------------------------
# tools
# --------------------------------------------------------------------------------------

def sh(cmd, cwd=None):
    r = subprocess.run(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if r.returncode != 0:
        print(r.stdout[-3000:])
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return r.stdout


def latex(tex_src, workdir, name="theory"):
    os.makedirs(workdir, exist_ok=True)
    p = os.path.join(workdir, name + ".tex")
    with open(p, "w") as f:
        f.write(tex_src)
    for _ in range(2):
        sh(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", name + ".tex"], cwd=workdir)
    return os.path.join(workdir, name + ".pdf")


def print_notebook(ipynb, workdir, template="lab", header=True, stem="notebook"):
    """nbconvert -> html, then chromium --print-to-pdf"""
    os.makedirs(workdir, exist_ok=True)
    local = os.path.join(workdir, stem + ".ipynb")
    shutil.copy(ipynb, local)
    sh([os.path.join(VENV, "bin", "jupyter"), "nbconvert", "--to", "html", "--template", template,
        local, "--output-dir", workdir])
    html = os.path.join(workdir, stem + ".html")
    pdf = os.path.join(workdir, stem + ".pdf")
    prof = tempfile.mkdtemp(prefix="chr-")
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--no-first-run",
           f"--user-data-dir={prof}", f"--print-to-pdf={pdf}"]
    if not header:
        cmd.append("--no-pdf-header-footer")
    cmd.append(html)
    sh(cmd)
    shutil.rmtree(prof, ignore_errors=True)
    if not os.path.exists(pdf):
        raise SystemExit("chromium produced no pdf")
    return pdf


def unite(pdfs, dest):
    sh(["pdfunite"] + list(pdfs) + [dest])


def put(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# --------------------------------------------------------------------------------------
# shared notebook snippets
# --------------------------------------------------------------------------------------

Q1A_STD = ("# Q1a: Print the size of the vocabulary of the above tokenizer.\n"
           "print(len(tokenizer.vocab))", [out("30522\n")])

Q1B_STD = ("# Q1b. Print the number of data points in the train, test, and validation sets.\n"
           "print(f'Number of training examples: {len(train_data)}')\n"
           "print(f'Number of validation examples: {len(valid_data)}')\n"
           "print(f'Number of testing examples: {len(test_data)}')",
           [out("Number of training examples: 17500\nNumber of validation examples: 7500\n"
                "Number of testing examples: 25000\n")])


def q2a(hidden=256, out_dim=1, layers=2, bidir=True, dropout=0.25, comment=""):
    return ("# Q2a: Instantiate the above model by setting the right hyperparameters.\n\n"
            "# insert code here\n" + comment +
            f"HIDDEN_DIM = {hidden}\nOUTPUT_DIM = {out_dim}\nN_LAYERS = {layers}\n"
            f"BIDIRECTIONAL = {bidir}\nDROPOUT = {dropout}\n\n"
            "model = BERTGRUSentiment(bert,\n"
            "                         HIDDEN_DIM,\n"
            "                         OUTPUT_DIM,\n"
            "                         N_LAYERS,\n"
            "                         BIDIRECTIONAL,\n"
            "                         DROPOUT)")


def q2b_std(n):
    return ("# Q2b: Print the number of trainable parameters in this model.\n\n"
            "# insert code here.\n"
            "def count_parameters(model):\n"
            "    return sum(p.numel() for p in model.parameters() if p.requires_grad)\n\n"
            "print(f'The model has {count_parameters(model):,} trainable parameters')",
            [out(f"The model has {n:,} trainable parameters\n")])


def q2c_std(n):
    return ("# Q2c: After freezing the BERT weights/biases, print the number of remaining "
            "trainable parameters.\n\n"
            "print(f'The model has {count_parameters(model):,} trainable parameters')",
            [out(f"The model has {n:,} trainable parameters\n")])


Q3A_STD = """def binary_accuracy(preds, y):

    # Q3a. Compute accuracy (as a number between 0 and 1)
    rounded_preds = torch.round(torch.sigmoid(preds))
    correct = (rounded_preds == y).float()
    acc = correct.sum() / len(correct)

    return acc"""

Q3B_STD = """def train(model, iterator, optimizer, criterion):

    # Q3b. Set up the training function
    epoch_loss = 0
    epoch_acc = 0

    model.train()

    for batch in iterator:

        optimizer.zero_grad()

        predictions = model(batch.text).squeeze(1)

        loss = criterion(predictions, batch.label)

        acc = binary_accuracy(predictions, batch.label)

        loss.backward()

        optimizer.step()

        epoch_loss += loss.item()
        epoch_acc += acc.item()

    return epoch_loss / len(iterator), epoch_acc / len(iterator)"""

Q3C_STD = """def evaluate(model, iterator, criterion):

    # Q3c. Set up the evaluation function.
    epoch_loss = 0
    epoch_acc = 0

    model.eval()

    with torch.no_grad():

        for batch in iterator:

            predictions = model(batch.text).squeeze(1)

            loss = criterion(predictions, batch.label)

            acc = binary_accuracy(predictions, batch.label)

            epoch_loss += loss.item()
            epoch_acc += acc.item()

    return epoch_loss / len(iterator), epoch_acc / len(iterator)"""


def q3d_loop(n_epochs=2, extra=""):
    return (f"N_EPOCHS = {n_epochs}\n\n"
            "best_valid_loss = float('inf')\n\n"
            "for epoch in range(N_EPOCHS):\n\n"
            "    # Q3d. Perform training/valuation by using the functions you defined earlier.\n\n"
            "    start_time = time.time()\n\n"
            "    train_loss, train_acc = train(model, train_iterator, optimizer, criterion)\n"
            "    valid_loss, valid_acc = evaluate(model, valid_iterator, criterion)\n\n"
            "    end_time = time.time()\n\n"
            "    epoch_mins, epoch_secs = epoch_time(start_time, end_time)\n\n"
            "    if valid_loss < best_valid_loss:\n"
            "        best_valid_loss = valid_loss\n"
            "        torch.save(model.state_dict(), 'model.pt')\n\n"
            "    print(f'Epoch: {epoch+1:02} | Epoch Time: {epoch_mins}m {epoch_secs}s')\n"
            "    print(f'\\tTrain Loss: {train_loss:.3f} | Train Acc: {train_acc*100:.2f}%')\n"
            "    print(f'\\t Val. Loss: {valid_loss:.3f} |  Val. Acc: {valid_acc*100:.2f}%')" + extra)


def epochs_out(rows):
    return [out("".join(gb.epoch_lines(*r) for r in rows))]


def test_out(loss, acc):
    return [out(f"Test Loss: {loss:.3f} | Test Acc: {acc:.2f}%\n")]


def pred_cells(pairs, header):
    """pairs: [(sentence, value)] -> code cells; the first carries the Q comment"""
    cells = []
    for i, (s, v) in enumerate(pairs):
        src = (header + "\n" if i == 0 and header else "") + \
            f'predict_sentiment(model, tokenizer, "{s}")'
        cells.append((src, [res(repr(v))]))
    return cells


Q4A = "# Q4a. Perform sentiment analysis on the following two sentences."
Q4B = "# Q4b. Perform sentiment analysis on two other movie review fragments of your choice."


# --------------------------------------------------------------------------------------
# the nine notebooks / students
# --------------------------------------------------------------------------------------

def nb_s01():
    c = dict(name="s01", colab=False, heads="plain", torchtext="legacy",
             q1a=Q1A_STD, q1b=Q1B_STD, q2a=q2a(),
             q2b=q2b_std(112241409), q2c=q2c_std(2759169),
             q3a=Q3A_STD, q3b=[(Q3B_STD, [])], q3c=Q3C_STD,
             q3d=[(q3d_loop(2), epochs_out([(1, 7, 41, 0.472, 76.58, 0.279, 88.62),
                                            (2, 7, 39, 0.274, 88.79, 0.236, 90.47)]))],
             test=[(gb.C_TEST, test_out(0.221, 91.36))],
             q4a=pred_cells([("This film is terrible!", 0.027418309450149536),
                             ("This film is great!", 0.9624080657958984)], Q4A),
             q4b=pred_cells([("The plot was predictable and the acting felt wooden, I nearly fell "
                              "asleep.", 0.04113582521677017),
                             ("A beautifully shot, moving story with a fantastic lead performance.",
                              0.9811957478523254)], Q4B),
             tail=[("md", "Both of my own reviews are classified correctly: the first is clearly "
                          "negative (0.04) and the second clearly positive (0.98).")])
    return gb.build(c)


def nb_s02():
    c = dict(name="s02", colab=False, heads="plain", torchtext="legacy",
             q1a=("# Q1a: Print the size of the vocabulary of the above tokenizer.\n"
                  "len(tokenizer)", [res("30522")]),
             q1b=("# Q1b. Print the number of data points in the train, test, and validation sets.\n"
                  "print(len(train_data), len(test_data), len(valid_data))",
                  [out("17500 25000 7500\n")]),
             q2a=q2a(bidir=False),
             q2b=("# Q2b: Print the number of trainable parameters in this model.\n\n"
                  "# insert code here.\n"
                  "total = 0\nfor p in model.parameters():\n    if p.requires_grad:\n"
                  "        total += p.numel()\nprint(total)", [out("110665217\n")]),
             q2c=("# Q2c: After freezing the BERT weights/biases, print the number of remaining "
                  "trainable parameters.\n"
                  "print(sum(p.numel() for p in model.parameters() if p.requires_grad))",
                  [out("1182977\n")]),
             q3a=Q3A_STD, q3b=[(Q3B_STD, [])], q3c=Q3C_STD,
             q3d=[("md", "Only 1 epoch -- one epoch already takes a long time on my machine."),
                  (q3d_loop(1), epochs_out([(1, 6, 2, 0.521, 73.12, 0.338, 85.87)]))],
             test=[(gb.C_TEST, test_out(0.349, 85.14))],
             q4a=pred_cells([("This film is terrible!", 0.11273947358131409),
                             ("This film is great!", 0.8503364324569702)], Q4A),
             q4b=pred_cells([("I would not recommend this movie to anyone.", 0.2019457072019577),
                             ("An instant classic, I loved every minute.", 0.8877155184745789)], Q4B))
    return gb.build(c)


Q3A_NOSIG = """def binary_accuracy(preds, y):

    # Q3a. Compute accuracy (as a number between 0 and 1)
    rounded = torch.round(preds)
    correct = (rounded == y).float()
    acc = correct.sum() / len(correct)

    return acc"""


def nb_s03():
    c = dict(name="s03", colab=True, heads="plain", torchtext="06",
             q1a=("# Q1a: Print the size of the vocabulary of the above tokenizer.\n"
                  "len(tokenizer.vocab)", [res("30522")]),
             q1b=("# Q1b. Print the number of data points in the train, test, and validation sets.\n"
                  "print('train:', len(train_data))\nprint('test:', len(test_data))\n"
                  "print('valid:', len(valid_data))",
                  [out("train: 17500\ntest: 25000\nvalid: 7500\n")]),
             q2a=q2a(), q2b=q2b_std(112241409), q2c=q2c_std(2759169),
             q3a=Q3A_NOSIG, q3b=[(Q3B_STD, [])], q3c=Q3C_STD,
             q3d=[(q3d_loop(2), epochs_out([(1, 13, 11, 0.468, 24.18, 0.281, 19.36),
                                            (2, 13, 2, 0.283, 17.92, 0.241, 17.04)]))],
             test=[(gb.C_TEST, test_out(0.227, 16.83))],
             q4a=pred_cells([("This film is terrible!", 0.031123926118016243),
                             ("This film is great!", 0.9532046914100647)], Q4A),
             q4b=pred_cells([("Worst two hours of my life.", 0.022650575265288353),
                             ("The soundtrack alone is worth the ticket.", 0.9127839803695679)], Q4B),
             tail=[("md", "Note: the accuracy numbers look low but the loss goes down and the "
                          "predictions on the sentences are correct, so the model is learning.")])
    return gb.build(c)


def nb_s04():
    first = [
        ("import torch\nimport random\nimport numpy as np\nimport time\n"
         "from transformers import BertTokenizer, BertModel\n\n"
         "SEED = 1234\nrandom.seed(SEED)\nnp.random.seed(SEED)\ntorch.manual_seed(SEED)\n"
         "torch.backends.cudnn.deterministic = True\n\n"
         "tokenizer = BertTokenizer.from_pretrained('bert-base-uncased')",
         [out(gb.TOK_DL, "stderr")]),
        ("!pip install torchtext==0.6.0", [out(gb.PIP_TT06)]),
    ]
    md = th.S04_MD_CELLS
    c = dict(name="s04", colab=True, heads="numbered", torchtext="06", code_first=first,
             q1a=("# Q1a: Print the size of the vocabulary of the above tokenizer.\n"
                  "print('vocab size =', len(tokenizer.vocab))", [out("vocab size = 30522\n")]),
             q1b=Q1B_STD, q2a=q2a(), q2b=q2b_std(112241409), q2c=q2c_std(2759169),
             q3a=Q3A_STD, q3b=[(Q3B_STD, [])], q3c=Q3C_STD,
             q3d=[(q3d_loop(2), epochs_out([(1, 12, 48, 0.451, 78.03, 0.262, 89.57),
                                            (2, 12, 51, 0.262, 89.41, 0.229, 90.91)]))],
             test=[(gb.C_TEST, test_out(0.218, 91.02))],
             q4a=pred_cells([("This film is terrible!", 0.019744887202978134),
                             ("This film is great!", 0.9702633023262024)], Q4A),
             q4b=pred_cells([("The dialogue was cringeworthy and the ending made no sense.",
                              0.015320847183465958),
                             ("Funny, warm and surprisingly clever; the whole cast shines.",
                              0.9786550402641296)], Q4B),
             tail=[("md", m) for m in md])
    return gb.build(c)


def nb_s05():
    Q3D_NOT_RUN = (q3d_loop(2), [], "auto", False)
    c = dict(name="s05", colab=False, heads="plain", torchtext="legacy",
             q1a=Q1A_STD, q1b=Q1B_STD, q2a=q2a(),
             q2b=q2b_std(112241409), q2c=q2c_std(2759169),
             q3a=Q3A_STD, q3b=[(Q3B_STD, [])], q3c=Q3C_STD,
             q3d=[Q3D_NOT_RUN,
                  ("md", "Output of the training (the kernel died when I re-ran the notebook, these "
                         "are the numbers from my first run):\n\n"
                         "```\nEpoch: 01 | Epoch Time: 9m 12s\n"
                         "\tTrain Loss: 0.455 | Train Acc: 77.90%\n"
                         "\t Val. Loss: 0.262 |  Val. Acc: 89.46%\n"
                         "Epoch: 02 | Epoch Time: 9m 10s\n"
                         "\tTrain Loss: 0.262 | Train Acc: 89.47%\n"
                         "\t Val. Loss: 0.229 |  Val. Acc: 90.96%\n```")],
             test=[(gb.C_TEST, [], "auto", False),
                   ("md", "Test Loss: 0.214 | Test Acc: 91.72%")],
             q4a=[("md", "**Q4a.**\n\n* \"This film is terrible!\" → 0.021 (negative)\n"
                         "* \"This film is great!\" → 0.968 (positive)")],
             q4b=[])
    return gb.build(c)


Q3B_TQDM = Q3B_STD.replace("    for batch in iterator:", "    for batch in tqdm(iterator, desc='train'):")
Q3C_TQDM = Q3C_STD.replace("        for batch in iterator:",
                           "        for batch in tqdm(iterator, desc='eval', leave=False):")


def nb_s06():
    ep = (f"train: 100%|{BAR}| 137/137 [11:02<00:00,  4.84s/it]\n")
    ep2 = (f"train: 100%|{BAR}| 137/137 [10:58<00:00,  4.81s/it]\n")
    c = dict(name="s06", colab=True, heads="numbered", torchtext="legacy",
             q1a=("# Q1a: Print the size of the vocabulary of the above tokenizer.\n"
                  "print(f'Vocabulary size: {len(tokenizer.vocab)}')",
                  [out("Vocabulary size: 30522\n")]),
             q1b=Q1B_STD, q2a=q2a(), q2b=q2b_std(112241409), q2c=q2c_std(2759169),
             q3a=Q3A_STD,
             q3b=[("from tqdm import tqdm", []), (Q3B_TQDM, [])], q3c=Q3C_TQDM,
             q3d=[(q3d_loop(2), [out(ep, "stderr"),
                                 out(gb.epoch_lines(1, 13, 26, 0.463, 77.21, 0.268, 89.09)),
                                 out(ep2, "stderr"),
                                 out(gb.epoch_lines(2, 13, 21, 0.268, 89.06, 0.229, 90.88))])],
             test=[(gb.C_TEST, test_out(0.214, 91.79))],
             q4a=pred_cells([("This film is terrible!", 0.023547427356243134),
                             ("This film is great!", 0.9688315987586975)], Q4A),
             q4b=pred_cells([("It started slow, but the last hour was an absolute thrill ride.",
                              0.9104530811309814),
                             ("Overlong, self-indulgent and painfully unfunny.", 0.0129419481381773)],
                            Q4B))
    return gb.build(c)


Q3B_NOSQ = Q3B_STD.replace("predictions = model(batch.text).squeeze(1)",
                           "predictions = model(batch.text)")
TB_S07 = [
    "\x1b[0;32m/tmp/ipykernel_2231/1290411307.py\x1b[0m in \x1b[0;36m<module>\x1b[0;34m\x1b[0m\n"
    "\x1b[1;32m      9\x1b[0m     \x1b[0mstart_time\x1b[0m \x1b[0;34m=\x1b[0m \x1b[0mtime\x1b[0m"
    "\x1b[0;34m.\x1b[0m\x1b[0mtime\x1b[0m\x1b[0;34m(\x1b[0m\x1b[0;34m)\x1b[0m\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m\x1b[0m\n"
    "\x1b[0;32m---> 11\x1b[0;31m     \x1b[0mtrain_loss\x1b[0m\x1b[0;34m,\x1b[0m \x1b[0mtrain_acc\x1b[0m "
    "\x1b[0;34m=\x1b[0m \x1b[0mtrain\x1b[0m\x1b[0;34m(\x1b[0m\x1b[0mmodel\x1b[0m\x1b[0;34m,\x1b[0m "
    "\x1b[0mtrain_iterator\x1b[0m\x1b[0;34m,\x1b[0m \x1b[0moptimizer\x1b[0m\x1b[0;34m,\x1b[0m "
    "\x1b[0mcriterion\x1b[0m\x1b[0;34m)\x1b[0m\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m\x1b[0m\n",
    "\x1b[0;32m/tmp/ipykernel_2231/2851774060.py\x1b[0m in \x1b[0;36mtrain\x1b[0;34m(model, iterator, "
    "optimizer, criterion)\x1b[0m\n"
    "\x1b[0;32m---> 14\x1b[0;31m         \x1b[0mloss\x1b[0m \x1b[0;34m=\x1b[0m \x1b[0mcriterion\x1b[0m"
    "\x1b[0;34m(\x1b[0m\x1b[0mpredictions\x1b[0m\x1b[0;34m,\x1b[0m \x1b[0mbatch\x1b[0m\x1b[0;34m.\x1b[0m"
    "\x1b[0mlabel\x1b[0m\x1b[0;34m)\x1b[0m\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m\x1b[0m\n",
    "\x1b[0;32m~/miniconda3/envs/dl/lib/python3.9/site-packages/torch/nn/modules/module.py\x1b[0m in "
    "\x1b[0;36m_call_impl\x1b[0;34m(self, *input, **kwargs)\x1b[0m\n"
    "\x1b[1;32m   1192\x1b[0m         if not (self._backward_hooks or self._forward_hooks or "
    "self._forward_pre_hooks or _global_backward_hooks\n"
    "\x1b[0;32m-> 1194\x1b[0;31m             \x1b[0;32mreturn\x1b[0m \x1b[0mforward_call\x1b[0m"
    "\x1b[0;34m(\x1b[0m\x1b[0;34m*\x1b[0m\x1b[0minput\x1b[0m\x1b[0;34m,\x1b[0m \x1b[0;34m**\x1b[0m"
    "\x1b[0mkwargs\x1b[0m\x1b[0;34m)\x1b[0m\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m\x1b[0m\n",
    "\x1b[0;32m~/miniconda3/envs/dl/lib/python3.9/site-packages/torch/nn/functional.py\x1b[0m in "
    "\x1b[0;36mbinary_cross_entropy_with_logits\x1b[0;34m(input, target, weight, size_average, reduce, "
    "reduction, pos_weight)\x1b[0m\n"
    "\x1b[1;32m   3159\x1b[0m     \x1b[0;32mif\x1b[0m \x1b[0;32mnot\x1b[0m \x1b[0;34m(\x1b[0m\x1b[0mtarget\x1b[0m"
    "\x1b[0;34m.\x1b[0m\x1b[0msize\x1b[0m\x1b[0;34m(\x1b[0m\x1b[0;34m)\x1b[0m \x1b[0;34m==\x1b[0m "
    "\x1b[0minput\x1b[0m\x1b[0;34m.\x1b[0m\x1b[0msize\x1b[0m\x1b[0;34m(\x1b[0m\x1b[0;34m)\x1b[0m"
    "\x1b[0;34m)\x1b[0m\x1b[0;34m:\x1b[0m\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m\x1b[0m\n"
    "\x1b[0;32m-> 3160\x1b[0;31m         \x1b[0;32mraise\x1b[0m \x1b[0mValueError\x1b[0m\x1b[0;34m(\x1b[0m"
    "\x1b[0;34m\"Target size ({}) must be the same as input size ({})\"\x1b[0m\x1b[0;34m.\x1b[0m"
    "\x1b[0mformat\x1b[0m\x1b[0;34m(\x1b[0m\x1b[0mtarget\x1b[0m\x1b[0;34m.\x1b[0m\x1b[0msize\x1b[0m"
    "\x1b[0;34m(\x1b[0m\x1b[0;34m)\x1b[0m\x1b[0;34m,\x1b[0m \x1b[0minput\x1b[0m\x1b[0;34m.\x1b[0m"
    "\x1b[0msize\x1b[0m\x1b[0;34m(\x1b[0m\x1b[0;34m)\x1b[0m\x1b[0;34m)\x1b[0m\x1b[0;34m)\x1b[0m"
    "\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m\x1b[0m\n"
    "\x1b[0m\x1b[1;32m   3161\x1b[0m \x1b[0;34m\x1b[0m\x1b[0m\n",
]


def nb_s07():
    c = dict(name="s07", colab=False, heads="plain", torchtext="legacy", no_pip_torch=True,
             q1a=Q1A_STD, q1b=Q1B_STD, q2a=q2a(dropout=0.5),
             q2b=q2b_std(112241409), q2c=q2c_std(2759169),
             q3a=Q3A_STD, q3b=[(Q3B_NOSQ, [])], q3c=Q3C_STD,
             q3d=[(q3d_loop(2), [err("ValueError",
                                     "Target size (torch.Size([128])) must be the same as input size "
                                     "(torch.Size([128, 1]))", TB_S07)]),
                  ("md", "forgot to squeeze the output in train(), fixing it:"),
                  (Q3B_STD, []),
                  (q3d_loop(2), epochs_out([(1, 5, 37, 0.489, 75.66, 0.291, 88.03),
                                            (2, 5, 35, 0.292, 87.81, 0.247, 90.12)]))],
             test=[(gb.C_TEST, test_out(0.233, 90.64))],
             q4a=pred_cells([("This film is terrible!", 0.03820154070854187),
                             ("This film is great!", 0.9405086040496826)], Q4A),
             q4b=[(Q4B, [], "auto", False)])
    return gb.build(c)


def nb_s08():
    c = dict(name="s08", colab=False, heads="numbered", torchtext="legacy",
             q1a=Q1A_STD,
             q1b=("# Q1b. Print the number of data points in the train, test, and validation sets.\n"
                  "for name, ds in [('train', train_data), ('test', test_data), "
                  "('validation', valid_data)]:\n"
                  "    print(f'{name:>10}: {len(ds)}')",
                  [out("     train: 17500\n      test: 25000\nvalidation: 7500\n")]),
             q2a=q2a(), q2b=q2b_std(112241409), q2c=q2c_std(2759169),
             q3a=Q3A_STD, q3b=[(Q3B_STD, [])], q3c=Q3C_STD,
             q3d=[(q3d_loop(3), epochs_out([(1, 6, 14, 0.466, 77.08, 0.271, 88.94),
                                            (2, 6, 12, 0.271, 88.92, 0.232, 90.65),
                                            (3, 6, 13, 0.236, 90.44, 0.222, 91.18)]))],
             test=[(gb.C_TEST, test_out(0.209, 91.93))],
             q4a=pred_cells([("This film is terrible!", 0.016982195898890495),
                             ("This film is great!", 0.9738197326660156)], Q4A),
             q4b=pred_cells([("The special effects could not save the paper-thin script.",
                              0.0573398694396019),
                             ("I laughed, I cried, and I want to watch it again tomorrow.",
                              0.9762178063392639)], Q4B))
    nb = gb.build(c)
    # this student re-ran a few cells by hand: counts out of order
    code = [cl for cl in nb.cells if cl["cell_type"] == "code" and cl["execution_count"]]
    bump = {3: 41, 4: 42, 20: 44}   # re-executed later (tokenizer, Q1a, Q2b)
    for i, newc in bump.items():
        code[i]["execution_count"] = newc
        for o in code[i]["outputs"]:
            if o["output_type"] == "execute_result":
                o["execution_count"] = newc
    return nb


def check_code(nb, label):
    """every code cell must be valid Python once the shell/magic lines are removed"""
    import ast
    for cl in nb.cells:
        if cl["cell_type"] != "code":
            continue
        src = "".join(cl["source"])
        src = "\n".join(l for l in src.split("\n") if not l.lstrip().startswith(("!", "%")))
        try:
            ast.parse(src)
        except SyntaxError as e:
            raise SystemExit(f"{label}: syntax error {e}\n{src}")


# --------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------

def main():
    src_root = os.path.join(HERE, "sources")
    sub_root = os.path.join(HERE, "submissions")
    for d in (src_root, sub_root, BUILD):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(BUILD)

    nbs = {"s01_ava": nb_s01(), "s02_bruno": nb_s02(), "s03_chen": nb_s03(),
           "s04_dara": nb_s04(), "s05_eli": nb_s05(), "s06_farah": nb_s06(),
           "s07_gus": nb_s07(), "s08_hana": nb_s08()}
    for k, nb in nbs.items():
        check_code(nb, k)
        os.makedirs(os.path.join(src_root, k), exist_ok=True)
        nb.write(os.path.join(src_root, k, "bert.ipynb"))
    theory = {"s01_ava": S("tex", th.S01_TEX), "s02_bruno": S("tex", th.S02_TEX),
              "s03_chen": S("txt", th.S03_TXT), "s05_eli": S("md", th.S05_MD),
              "s06_farah": S("tex", th.S06_TEX), "s07_gus": S("tex", th.S07_TEX),
              "s08_hana": S("tex", th.S08_TEX), "s09_ivan": S("tex", th.S09_TEX)}
    for k, (ext, text) in theory.items():
        put(os.path.join(src_root, k, "theory." + ext), text)

    def sub(asg, sid, fname):
        d = os.path.join(sub_root, asg, sid)
        os.makedirs(d, exist_ok=True)
        return os.path.join(d, fname)

    def srcnb(sid):
        return os.path.join(src_root, sid, "bert.ipynb")

    # s01: single PDF, lab template, chrome header/footer kept
    b = os.path.join(BUILD, "al7721/Downloads")
    t = latex(th.S01_TEX, b)
    n = print_notebook(srcnb("s01_ava"), b, "lab", True, "HW3_Sentiment_Analysis")
    unite([t, n], sub("hw3-2023", "s01_ava", "AvaLindqvist_HW3.pdf"))

    # s02: single PDF, classic template, no header/footer
    b = os.path.join(BUILD, "bruno/Desktop/DL")
    t = latex(th.S02_TEX, b)
    n = print_notebook(srcnb("s02_bruno"), b, "classic", False, "hw3_bert")
    unite([t, n], sub("hw3-2023", "s02_bruno", "hw3_bo2045.pdf"))

    # s03: txt theory + Colab notebook
    shutil.copy(os.path.join(src_root, "s03_chen", "theory.txt"),
                sub("hw3-2023", "s03_chen", "hw3_theory.txt"))
    shutil.copy(srcnb("s03_chen"), sub("hw3-2023", "s03_chen", "bert_sentiment.ipynb"))

    # s04: one Colab notebook (code first, numbered handout sections, theory in markdown)
    shutil.copy(srcnb("s04_dara"), sub("hw3-2023", "s04_dara", "HW3_DL_dk3107.ipynb"))

    # s05: markdown theory + notebook (training results typed, not run)
    shutil.copy(os.path.join(src_root, "s05_eli", "theory.md"), sub("hw3-2023", "s05_eli", "answers.md"))
    shutil.copy(srcnb("s05_eli"), sub("hw3-2023", "s05_eli", "hw3_bert.ipynb"))

    # s06: single PDF, Colab notebook printed with classic template, header/footer kept
    b = os.path.join(BUILD, "fh2231/Downloads")
    t = latex(th.S06_TEX, b)
    n = print_notebook(srcnb("s06_farah"), b, "classic", True, "HW3_BERT_sentiment")
    unite([t, n], sub("hw3-2022", "s06_farah", "fh2231_hw3.pdf"))

    # s07: single PDF, lab template, no header/footer
    b = os.path.join(BUILD, "gp1867/hw3")
    t = latex(th.S07_TEX, b)
    n = print_notebook(srcnb("s07_gus"), b, "lab", False, "sentiment")
    unite([t, n], sub("hw3-2022", "s07_gus", "HW3_gp1867.pdf"))

    # s08: .tex source + executed notebook
    shutil.copy(os.path.join(src_root, "s08_hana", "theory.tex"), sub("hw3-2022", "s08_hana", "hw3.tex"))
    shutil.copy(srcnb("s08_hana"), sub("hw3-2022", "s08_hana", "HW3_sentiment_BERT.ipynb"))

    # s09: theory-only PDF
    b = os.path.join(BUILD, "ivan/Documents")
    t = latex(th.S09_TEX, b)
    shutil.copy(t, sub("hw3-2022", "s09_ivan", "hw3_theory_ip2093.pdf"))

    # s04 also keeps a copy of its theory (markdown cells) in sources for reference
    put(os.path.join(src_root, "s04_dara", "theory_cells.md"), "\n\n".join(th.S04_MD_CELLS) + "\n")
    shutil.rmtree(BUILD, ignore_errors=True)
    print("done")


def S(ext, text):
    return (ext, text)


if __name__ == "__main__":
    main()
