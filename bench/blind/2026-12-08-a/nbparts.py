"""Notebook building blocks (handout cells + student variations)."""
import random, json, copy

# ---------------------------------------------------------------- nb helpers
def md(s):
    return {"cell_type": "markdown", "metadata": {}, "source": s.strip("\n")}

def code(s, outputs=None, ec="auto"):
    return {"cell_type": "code", "metadata": {}, "source": s.strip("\n"),
            "outputs": outputs or [], "execution_count": ec}

def out(text, name="stdout"):
    return {"output_type": "stream", "name": name, "text": text}

def res(text):
    return {"output_type": "execute_result", "metadata": {}, "data": {"text/plain": text},
            "execution_count": None}

def err(ename, evalue, tb):
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": tb}

def finish(cells, colab=False, start_n=0, name="notebook"):
    """Assign execution counts (Jupyter) or nulls (Colab) and return the nb dict.
    Explicit integer counts are kept and do not move the running counter."""
    n = start_n
    for i, c in enumerate(cells):
        if c["cell_type"] != "code":
            continue
        if colab:
            c["execution_count"] = None
        elif c["execution_count"] == "auto":
            n += 1
            c["execution_count"] = n
        for o in c["outputs"]:
            if o["output_type"] == "execute_result":
                o["execution_count"] = c["execution_count"]
        if not c["outputs"] and c["execution_count"] is None:
            pass
    for c in cells:
        if c["cell_type"] == "code" and not colab and c["execution_count"] == "auto":
            c["execution_count"] = None
    if colab:
        meta = {"colab": {"provenance": [], "gpuType": "T4", "name": name},
                "kernelspec": {"name": "python3", "display_name": "Python 3"},
                "language_info": {"name": "python"}, "accelerator": "GPU"}
        for i, c in enumerate(cells):
            c["metadata"] = {"id": "c%07x" % (hash_str(name + str(i)) & 0xfffffff)}
    else:
        meta = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                               "name": "python3"},
                "language_info": {"codemirror_mode": {"name": "ipython", "version": 3},
                                  "file_extension": ".py", "mimetype": "text/x-python",
                                  "name": "python", "nbconvert_exporter": "python",
                                  "pygments_lexer": "ipython3", "version": "3.10.12"}}
    return {"cells": cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 0 if colab else 5}

def hash_str(s):
    h = 2166136261
    for ch in s.encode():
        h = ((h ^ ch) * 16777619) & 0xffffffff
    return h

def write_nb(nb, path):
    nb = copy.deepcopy(nb)
    if nb["nbformat_minor"] >= 5:
        for i, c in enumerate(nb["cells"]):
            c["id"] = "%08x" % hash_str(path.split("/")[-1] + str(i))
    with open(path, "w") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False)
        f.write("\n")

E = "\x1b"
def tb(lines_top, ename, evalue):
    return [E + "[0;31m---------------------------------------------------------------------------" + E + "[0m",
            E + "[0;31m%s" % ename + E + "[0m                                  Traceback (most recent call last)"] + \
           lines_top + [E + "[0;31m%s" % ename + E + "[0m: %s" % evalue]

# ---------------------------------------------------------------- ViT notebook
VIT_INTRO = r"""
# Transformers in Computer Vision

Transformer architectures owe their origins in natural language processing (NLP), and indeed form the core of the current state of the art models for most NLP applications.

We will now see how to develop transformers for processing image data (and in fact, this line of deep learning research has been gaining a lot of attention in 2021). The *Vision Transformer* (ViT) introduced in [this paper](https://arxiv.org/pdf/2010.11929.pdf) shows how standard transformer architectures can perform very well on image. The high level idea is to extract patches from images, treat them as tokens, and pass them through a sequence of transformer blocks before throwing on a couple of dense classification layers at the very end.

Some caveats to keep in mind:
- ViT models are very cumbersome to train (since they involve a ton of parameters) so budget accordingly.
- ViT models are a bit hard to interpret (even more so than regular convnets).
- Finally, while in this notebook we will train a transformer from scratch, ViT models in practice are almost always *pre-trained* on some large dataset (such as ImageNet) before being transferred onto specific training datasets.
"""

VIT_SETUP_MD = """
# Setup

As usual, we start with basic data loading and preprocessing.
"""

VIT_IMPORTS = """
import torch
from torch import nn
from torch import nn, einsum
import torch.nn.functional as F
from torch import optim

from einops import rearrange, repeat
from einops.layers.torch import Rearrange

import numpy as np
import torchvision
import time
"""

VIT_DATA = """
torch.manual_seed(42)

DOWNLOAD_PATH = '/data/fashionmnist'
BATCH_SIZE_TRAIN = {bs}
BATCH_SIZE_TEST = 1000

transform_mnist = torchvision.transforms.Compose([torchvision.transforms.ToTensor(),
                               torchvision.transforms.Normalize((0.2860,), (0.3530,))])

train_set = torchvision.datasets.FashionMNIST(DOWNLOAD_PATH, train=True, download=True,
                                       transform=transform_mnist)
train_loader = torch.utils.data.DataLoader(train_set, batch_size=BATCH_SIZE_TRAIN, shuffle=True)

test_set = torchvision.datasets.FashionMNIST(DOWNLOAD_PATH, train=False, download=True,
                                      transform=transform_mnist)
test_loader = torch.utils.data.DataLoader(test_set, batch_size=BATCH_SIZE_TEST, shuffle=True)
"""

def fmnist_download_out(root):
    files = [("train-images-idx3-ubyte", 26421880, "[00:02<00:00, 11093577.02it/s]"),
             ("train-labels-idx1-ubyte", 29515, "[00:00<00:00, 201391.34it/s]"),
             ("t10k-images-idx3-ubyte", 4422102, "[00:01<00:00, 3703520.66it/s]"),
             ("t10k-labels-idx1-ubyte", 5148, "[00:00<00:00, 18911291.04it/s]")]
    so, se = "", ""
    for f, n, t in files:
        url = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/%s.gz" % f
        so += "Downloading %s\nDownloading %s to %s/FashionMNIST/raw/%s.gz\n" % (url, url, root, f)
        so += "\nExtracting %s/FashionMNIST/raw/%s.gz to %s/FashionMNIST/raw\n\n" % (root, f, root)
        se += "100%%|██████████| %d/%d %s\n" % (n, n, t)
    return [out(so), out(se, "stderr")]

VIT_MODEL_MD = """
# The ViT Model

We will now set up the ViT model. There will be 3 parts to this model:

* A ``patch embedding'' layer that takes an image and tokenizes it. There is some amount of tensor algebra involved here (since we have to slice and dice the input appropriately), and the `einops` package is helpful. We will also add learnable positional encodings as parameters.
* A sequence of transformer blocks. This will be a smaller scale replica of the original proposed ViT, except that we will only use 4 blocks in our model (instead of 32 in the actual ViT).
* A (dense) classification layer at the end.

Further, each transformer block consists of the following components:

* A *self-attention* layer with $H$ heads,
* A one-hidden-layer (dense) network to collapse the various heads. For the hidden neurons, the original ViT used something called a [GeLU](https://arxiv.org/pdf/1606.08415.pdf) activation function, which is a smooth approximation to the ReLU. For our example, regular ReLUs seem to be working just fine. The original ViT also used Dropout but we won't need it here.
* *layer normalization* preceeding each of the above operations.

Some care needs to be taken in making sure the various dimensions of the tensors are matched.
"""

VIT_CLASSES = """
def pair(t):
    return t if isinstance(t, tuple) else (t, t)

# classes

class PreNorm(nn.Module):
    def __init__(self, dim, fn):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.fn = fn
    def forward(self, x, **kwargs):
        return self.fn(self.norm(x), **kwargs)

class FeedForward(nn.Module):
    def __init__(self, dim, hidden_dim, dropout = 0.):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(dim, hidden_dim),
            nn.ReLU(), #nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden_dim, dim),
            nn.Dropout(dropout)
        )
    def forward(self, x):
        return self.net(x)

class Attention(nn.Module):
    def __init__(self, dim, heads = 8, dim_head = 64, dropout = 0.):
        super().__init__()
        inner_dim = dim_head *  heads
        project_out = not (heads == 1 and dim_head == dim)

        self.heads = heads
        self.scale = dim_head ** -0.5

        self.attend = nn.Softmax(dim = -1)
        self.to_qkv = nn.Linear(dim, inner_dim * 3, bias = False)

        self.to_out = nn.Sequential(
            nn.Linear(inner_dim, dim),
            nn.Dropout(dropout)
        ) if project_out else nn.Identity()

    def forward(self, x):
        b, n, _, h = *x.shape, self.heads
        qkv = self.to_qkv(x).chunk(3, dim = -1)
        q, k, v = map(lambda t: rearrange(t, 'b n (h d) -> b h n d', h = h), qkv)

        dots = einsum('b h i d, b h j d -> b h i j', q, k) * self.scale

        attn = self.attend(dots)

        out = einsum('b h i j, b h j d -> b h i d', attn, v)
        out = rearrange(out, 'b h n d -> b n (h d)')
        return self.to_out(out)

class Transformer(nn.Module):
    def __init__(self, dim, depth, heads, dim_head, mlp_dim, dropout = 0.):
        super().__init__()
        self.layers = nn.ModuleList([])
        for _ in range(depth):
            self.layers.append(nn.ModuleList([
                PreNorm(dim, Attention(dim, heads = heads, dim_head = dim_head, dropout = dropout)),
                PreNorm(dim, FeedForward(dim, mlp_dim, dropout = dropout))
            ]))
    def forward(self, x):
        for attn, ff in self.layers:
            x = attn(x) + x
            x = ff(x) + x
        return x

class ViT(nn.Module):
    def __init__(self, *, image_size, patch_size, num_classes, dim, depth, heads, mlp_dim, pool = 'cls', channels = 3, dim_head = 64, dropout = 0., emb_dropout = 0.):
        super().__init__()
        image_height, image_width = pair(image_size)
        patch_height, patch_width = pair(patch_size)

        assert image_height % patch_height == 0 and image_width % patch_width == 0, 'Image dimensions must be divisible by the patch size.'

        num_patches = (image_height // patch_height) * (image_width // patch_width)
        patch_dim = channels * patch_height * patch_width
        assert pool in {'cls', 'mean'}, 'pool type must be either cls (cls token) or mean (mean pooling)'

        self.to_patch_embedding = nn.Sequential(
            Rearrange('b c (h p1) (w p2) -> b (h w) (p1 p2 c)', p1 = patch_height, p2 = patch_width),
            nn.Linear(patch_dim, dim),
        )

        self.pos_embedding = nn.Parameter(torch.randn(1, num_patches + 1, dim))
        self.cls_token = nn.Parameter(torch.randn(1, 1, dim))
        self.dropout = nn.Dropout(emb_dropout)

        self.transformer = Transformer(dim, depth, heads, dim_head, mlp_dim, dropout)

        self.pool = pool
        self.to_latent = nn.Identity()

        self.mlp_head = nn.Sequential(
            nn.LayerNorm(dim),
            nn.Linear(dim, num_classes)
        )

    def forward(self, img):
        x = self.to_patch_embedding(img)
        b, n, _ = x.shape

        cls_tokens = repeat(self.cls_token, '() n d -> b n d', b = b)
        x = torch.cat((cls_tokens, x), dim=1)
        x += self.pos_embedding[:, :(n + 1)]
        x = self.dropout(x)

        x = self.transformer(x)

        x = x.mean(dim = 1) if self.pool == 'mean' else x[:, 0]

        x = self.to_latent(x)
        return self.mlp_head(x)
"""

VIT_TRAIN_MD = """
# Training and testing

All done! We can now train the ViT model. The following again is boilerplate code.
"""

VIT_TRAIN_FN = """
def train_epoch(model, optimizer, data_loader, loss_history):
    total_samples = len(data_loader.dataset)
    model.train()

    for i, (data, target) in enumerate(data_loader):
{mv}        optimizer.zero_grad()
        output = F.log_softmax(model(data), dim=1)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()

        if i % 100 == 0:
            print('[' +  '{{:5}}'.format(i * len(data)) + '/' + '{{:5}}'.format(total_samples) +
                  ' (' + '{{:3.0f}}'.format(100 * i / len(data_loader)) + '%)]  Loss: ' +
                  '{{:6.4f}}'.format(loss.item()))
            loss_history.append(loss.item())
"""

VIT_EVAL_FN = """
def evaluate(model, data_loader, loss_history):
    model.eval()

    total_samples = len(data_loader.dataset)
    correct_samples = 0
    total_loss = 0

    with torch.no_grad():
        for data, target in data_loader:
{mv}            output = F.log_softmax(model(data), dim=1)
            loss = F.nll_loss(output, target, reduction='sum')
            _, pred = torch.max(output, dim=1)

            total_loss += loss.item()
            correct_samples += pred.eq(target).sum()

    avg_loss = total_loss / total_samples
    loss_history.append(avg_loss)
    print('\\nAverage test loss: ' + '{{:.4f}}'.format(avg_loss) +
          '  Accuracy:' + '{{:5}}'.format(correct_samples) + '/' +
          '{{:5}}'.format(total_samples) + ' (' +
          '{{:4.2f}}'.format(100.0 * correct_samples / total_samples) + '%)\\n')
"""

VIT_LOOP = """
N_EPOCHS = {epochs}

start_time = time.time()
train_loss_history, test_loss_history = [], []
for epoch in range(1, N_EPOCHS + 1):
    print('Epoch:', epoch)
    train_epoch(model, optimizer, train_loader, train_loss_history)
    evaluate(model, test_loader, test_loss_history)

print('Execution time:', '{{:5.2f}}'.format(time.time() - start_time), 'seconds')
"""

def vit_params(patch=4, dim=64, depth=6, heads=4, mlp=128, dim_head=64, ch=1, img=28, ncls=10):
    inner = heads * dim_head
    n = (img // patch) ** 2
    layer = 2 * dim + dim * inner * 3 + (inner * dim + dim) + 2 * dim + (dim * mlp + mlp) + (mlp * dim + dim)
    return (ch * patch * patch * dim + dim) + (n + 1) * dim + dim + depth * layer + 2 * dim + dim * ncls + ncls

def vit_log(rng, epochs, bs, acc_start, acc_end, loss0=2.35, ntrain=60000):
    """Training log text matching train_epoch/evaluate prints above."""
    nb = -(-ntrain // bs)
    lines = []
    accs = []
    for e in range(1, epochs + 1):
        lines.append("Epoch: %d\n" % e)
        frac = (e - 1) / max(1, epochs - 1)
        base = 0.62 - 0.36 * (1 - (1 - frac) ** 2)
        for i in range(0, nb, 100):
            if e == 1 and i == 0:
                l = loss0 + rng.uniform(-0.06, 0.06)
            elif e == 1 and i == 100:
                l = 0.72 + rng.uniform(-0.12, 0.12)
            else:
                l = base + rng.uniform(-0.09, 0.09) - 0.0002 * i
            lines.append('[' + '{:5}'.format(i * bs) + '/' + '{:5}'.format(ntrain) +
                         ' (' + '{:3.0f}'.format(100 * i / nb) + '%)]  Loss: ' + '{:6.4f}'.format(l) + "\n")
        a = acc_start + (acc_end - acc_start) * (1 - (1 - frac) ** 2.2)
        a += rng.uniform(-0.35, 0.35) if e not in (1, epochs) else 0
        c = int(round(a * 100))
        accs.append(c)
        tl = 0.50 - (a - 82.0) * 0.035 + rng.uniform(-0.01, 0.01)
        lines.append('\nAverage test loss: ' + '{:.4f}'.format(tl) + '  Accuracy:' + '{:5}'.format(c) +
                     '/' + '{:5}'.format(10000) + ' (' + '{:4.2f}'.format(100.0 * c / 10000) + '%)\n\n')
    return "".join(lines), accs, tl

def vit_notebook(p):
    """p: dict of student choices."""
    rng = random.Random(p["seed"])
    colab = p.get("colab", False)
    dev = p.get("gpu", False)
    cells = []
    if p.get("title_md"):
        cells.append(md(p["title_md"]))
    cells.append(md(VIT_INTRO))
    cells.append(md(VIT_SETUP_MD))
    cells.append(code("!pip install einops" if colab else "%pip install einops",
                      [out("Collecting einops\n  Downloading einops-0.7.0-py3-none-any.whl (44 kB)\n"
                           "\x1b[2K     \x1b[90m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\x1b[0m \x1b[32m44.6/44.6 kB\x1b[0m \x1b[31m1.6 MB/s\x1b[0m eta \x1b[36m0:00:00\x1b[0m\n"
                           "\x1b[?25hInstalling collected packages: einops\nSuccessfully installed einops-0.7.0\n")]
                      if colab else [out("Requirement already satisfied: einops in /home/%s/miniconda3/lib/python3.10/site-packages (0.7.0)\nNote: you may need to restart the kernel to use updated packages.\n" % p.get("user", "student"))]))
    cells.append(code(VIT_IMPORTS + ("\ndevice = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\nprint(device)" if dev else ""),
                      [out("cuda\n")] if dev else []))
    root = "/data/fashionmnist"
    cells.append(code(VIT_DATA.format(bs=p.get("bs", 128)),
                      fmnist_download_out(root) if p.get("download", True) else []))
    cells.append(md(VIT_MODEL_MD))
    cells.append(code(VIT_CLASSES))
    cfg = dict(patch=p.get("patch", 4), dim=p.get("dim", 64), depth=p.get("depth", 6),
               heads=p.get("heads", 4), mlp=p.get("mlp", 128))
    if p.get("model_md"):
        cells.append(md(p["model_md"]))
    inst = ("model = ViT(image_size=28, patch_size={patch}, num_classes=10, channels=1,\n"
            "            dim={dim}, depth={depth}, heads={heads}, mlp_dim={mlp})\n").format(**cfg)
    if dev:
        inst += "model = model.to(device)\n"
    inst += "optimizer = optim.Adam(model.parameters(), lr=%s)\n" % p.get("lr", "0.002")
    if p.get("print_params"):
        inst += "\nprint('Number of parameters:', sum(q.numel() for q in model.parameters()))"
        cells.append(code(inst, [out("Number of parameters: %d\n" % vit_params(**cfg))]))
    else:
        cells.append(code(inst))
    cells.append(md(VIT_TRAIN_MD))
    mv1 = "        data, target = data.to(device), target.to(device)\n" if dev else ""
    mv2 = "            data, target = data.to(device), target.to(device)\n" if dev else ""
    cells.append(code(VIT_TRAIN_FN.format(mv=mv1)))
    cells.append(code(VIT_EVAL_FN.format(mv=mv2)))
    for c in p.get("extra_before_loop", []):
        cells.append(c)
    log, accs, tl = vit_log(rng, p["epochs"], p.get("bs", 128), p["acc_start"], p["acc_end"])
    secs = p["secs_per_epoch"] * p["epochs"] * (1 + rng.uniform(-0.02, 0.02))
    if p.get("interrupt_after"):
        k = p["interrupt_after"]
        part = log.split("Epoch: %d\n" % (k + 1))[0] + "Epoch: %d\n" % (k + 1)
        cells.append(code(VIT_LOOP.format(epochs=p["epochs"]),
                          [out(part), err("KeyboardInterrupt", "", [
                              "\x1b[0;31m---------------------------------------------------------------------------\x1b[0m",
                              "\x1b[0;31mKeyboardInterrupt\x1b[0m                         Traceback (most recent call last)",
                              "\x1b[0;32m<ipython-input-11-5b1c2f0e9a77>\x1b[0m in \x1b[0;36m<cell line: 5>\x1b[0;34m()\x1b[0m\n\x1b[1;32m      5\x1b[0m \x1b[0;32mfor\x1b[0m epoch \x1b[0;32min\x1b[0m range(1, N_EPOCHS + 1):\n\x1b[1;32m      6\x1b[0m     print('Epoch:', epoch)\n\x1b[0;32m----> 7\x1b[0;31m     train_epoch(model, optimizer, train_loader, train_loss_history)\x1b[0m",
                              "\x1b[0;32m<ipython-input-9-0d3a54e1c7b2>\x1b[0m in \x1b[0;36mtrain_epoch\x1b[0;34m(model, optimizer, data_loader, loss_history)\x1b[0m\n\x1b[1;32m      8\x1b[0m         output = F.log_softmax(model(data), dim=1)\n\x1b[1;32m      9\x1b[0m         loss = F.nll_loss(output, target)\n\x1b[0;32m---> 10\x1b[0;31m         loss.backward()\x1b[0m",
                              "\x1b[0;31mKeyboardInterrupt\x1b[0m: "])]))
    else:
        cells.append(code(VIT_LOOP.format(epochs=p["epochs"]),
                          [out(log + "Execution time: " + "{:5.2f}".format(secs) + " seconds\n")]))
    for c in p.get("tail", []):
        if c == "__final_eval__":
            c = accs[-1]
            cells.append(code("evaluate(model, test_loader, test_loss_history)",
                              [out('\nAverage test loss: ' + '{:.4f}'.format(tl) + '  Accuracy:' + '{:5}'.format(c) +
                                   '/' + '{:5}'.format(10000) + ' (' + '{:4.2f}'.format(100.0 * c / 10000) + '%)\n\n')]))
        elif isinstance(c, str):
            cells.append(md(c.replace("{FINAL}", "%.2f" % (accs[-1] / 100))))
        else:
            cells.append(c)
    return finish(cells, colab=colab, name=p.get("name", "vit.ipynb")), accs

# ---------------------------------------------------------------- BERT notebook
BERT_TITLE = """
# Analyzing movie reviews using transformers

This problem asks you to train a sentiment analysis model using the BERT (Bidirectional Encoder Representations from Transformers) model, introduced [here](https://arxiv.org/abs/1810.04805). Specifically, we will parse movie reviews and classify their sentiment (according to whether they are positive or negative.)

We will use the [Huggingface transformers library](https://github.com/huggingface/transformers) to load a pre-trained BERT model to compute text embeddings, and append this with an RNN model to perform sentiment classification.
"""
BERT_DATA_MD = """
Before delving into the model training, let's first do some basic data processing. The first challenge in NLP is to encode text into vector-style representations. This is done by a process called *tokenization*.
"""
SEED_CELL = """
import torch
import random
import numpy as np

SEED = 1234

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
torch.backends.cudnn.deterministic = True
"""
PIP_TF_OUT = """Requirement already satisfied: transformers in /usr/local/lib/python3.10/dist-packages (4.38.2)
Requirement already satisfied: filelock in /usr/local/lib/python3.10/dist-packages (from transformers) (3.13.1)
Requirement already satisfied: huggingface-hub<1.0,>=0.19.3 in /usr/local/lib/python3.10/dist-packages (from transformers) (0.20.3)
Requirement already satisfied: numpy>=1.17 in /usr/local/lib/python3.10/dist-packages (from transformers) (1.25.2)
Requirement already satisfied: packaging>=20.0 in /usr/local/lib/python3.10/dist-packages (from transformers) (24.0)
Requirement already satisfied: pyyaml>=5.1 in /usr/local/lib/python3.10/dist-packages (from transformers) (6.0.1)
Requirement already satisfied: regex!=2019.12.17 in /usr/local/lib/python3.10/dist-packages (from transformers) (2023.12.25)
Requirement already satisfied: requests in /usr/local/lib/python3.10/dist-packages (from transformers) (2.31.0)
Requirement already satisfied: tokenizers<0.19,>=0.14 in /usr/local/lib/python3.10/dist-packages (from transformers) (0.15.2)
Requirement already satisfied: safetensors>=0.4.1 in /usr/local/lib/python3.10/dist-packages (from transformers) (0.4.2)
Requirement already satisfied: tqdm>=4.27 in /usr/local/lib/python3.10/dist-packages (from transformers) (4.66.2)
"""
HF_WARN = """/usr/local/lib/python3.10/dist-packages/huggingface_hub/utils/_token.py:88: UserWarning: 
The secret `HF_TOKEN` does not exist in your Colab secrets.
To authenticate with the Hugging Face Hub, create a token in your settings tab (https://huggingface.co/settings/tokens), set it as secret in your Google Colab and restart your session.
You will be able to reuse this secret in all of your notebooks.
Please note that authentication is recommended but still optional to access public models or datasets.
  warnings.warn(
tokenizer_config.json: 100%|██████████| 48.0/48.0 [00:00<00:00, 2.31kB/s]
vocab.txt: 100%|██████████| 232k/232k [00:00<00:00, 3.41MB/s]
tokenizer.json: 100%|██████████| 466k/466k [00:00<00:00, 6.02MB/s]
config.json: 100%|██████████| 570/570 [00:00<00:00, 31.7kB/s]
"""
GRU_CLASS = """
import torch.nn as nn

class BERTGRUSentiment(nn.Module):
    def __init__(self,
                 bert,
                 hidden_dim,
                 output_dim,
                 n_layers,
                 bidirectional,
                 dropout):

        super().__init__()

        self.bert = bert

        embedding_dim = bert.config.to_dict()['hidden_size']

        self.rnn = nn.GRU(embedding_dim,
                          hidden_dim,
                          num_layers = n_layers,
                          bidirectional = bidirectional,
                          batch_first = True,
                          dropout = 0 if n_layers < 2 else dropout)

        self.out = nn.Linear(hidden_dim * 2 if bidirectional else hidden_dim, output_dim)

        self.dropout = nn.Dropout(dropout)

    def forward(self, text):

        #text = [batch size, sent len]

        with torch.no_grad():
            embedded = self.bert(text)[0]

        #embedded = [batch size, sent len, emb dim]

        _, hidden = self.rnn(embedded)

        #hidden = [n layers * n directions, batch size, emb dim]

        if self.rnn.bidirectional:
            hidden = self.dropout(torch.cat((hidden[-2,:,:], hidden[-1,:,:]), dim = 1))
        else:
            hidden = self.dropout(hidden[-1,:,:])

        #hidden = [batch size, hid dim]

        output = self.out(hidden)

        #output = [batch size, out dim]

        return output
"""
TORCHTEXT_PIP_OUT = ("\x1b[2K     \x1b[90m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\x1b[0m \x1b[32m64.2/64.2 kB\x1b[0m \x1b[31m1.9 MB/s\x1b[0m eta \x1b[36m0:00:00\x1b[0m\n"
                     "\x1b[2K     \x1b[90m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\x1b[0m \x1b[32m23.7/23.7 MB\x1b[0m \x1b[31m52.3 MB/s\x1b[0m eta \x1b[36m0:00:00\x1b[0m\n"
                     "\x1b[2K     \x1b[90m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\x1b[0m \x1b[32m823.6/823.6 kB\x1b[0m \x1b[31m48.0 MB/s\x1b[0m eta \x1b[36m0:00:00\x1b[0m\n"
                     "\x1b[2K     \x1b[90m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\x1b[0m \x1b[32m731.7/731.7 MB\x1b[0m \x1b[31m2.1 MB/s\x1b[0m eta \x1b[36m0:00:00\x1b[0m\n"
                     "\x1b[?25h")

def bert_params(hidden=256, layers=2, bidir=True, emb=768):
    nd = 2 if bidir else 1
    tot = 0
    inp = emb
    for l in range(layers):
        tot += nd * 3 * (hidden * inp + hidden * hidden + 2 * hidden)
        inp = hidden * nd
    return tot + inp + 1

BERT_BASE = 109482240

def epoch_lines(ep):
    s = ""
    for i, (m, sec, trl, tra, vl, va) in enumerate(ep):
        s += f'Epoch: {i+1:02} | Epoch Time: {m}m {sec}s\n'
        s += f'\tTrain Loss: {trl:.3f} | Train Acc: {tra*100:.2f}%\n'
        s += f'\t Val. Loss: {vl:.3f} |  Val. Acc: {va*100:.2f}%\n'
    return s

Q3D_DEFAULT = """
N_EPOCHS = {n}

best_valid_loss = float('inf')

for epoch in range(N_EPOCHS):

    # Q3d. Perform training/valuation by using the functions you defined earlier.

    start_time = time.time()

    train_loss, train_acc = train(model, train_iterator, optimizer, criterion)
    valid_loss, valid_acc = evaluate(model, valid_iterator, criterion)

    end_time = time.time()

    epoch_mins, epoch_secs = epoch_time(start_time, end_time)

    if valid_loss < best_valid_loss:
        best_valid_loss = valid_loss
        torch.save(model.state_dict(), 'model.pt')

    print(f'Epoch: {{epoch+1:02}} | Epoch Time: {{epoch_mins}}m {{epoch_secs}}s')
    print(f'\\tTrain Loss: {{train_loss:.3f}} | Train Acc: {{train_acc*100:.2f}}%')
    print(f'\\t Val. Loss: {{valid_loss:.3f}} |  Val. Acc: {{valid_acc*100:.2f}}%')
"""

PRED_FN = """
def predict_sentiment(model, tokenizer, sentence):
    model.eval()
    tokens = tokenizer.tokenize(sentence)
    tokens = tokens[:max_input_length-2]
    indexed = [init_token_idx] + tokenizer.convert_tokens_to_ids(tokens) + [eos_token_idx]
    tensor = torch.LongTensor(indexed).to(device)
    tensor = tensor.unsqueeze(0)
    prediction = torch.sigmoid(model(tensor))
    return prediction.item()
"""

def bert_notebook(p):
    """p holds the student's code for the question cells and the numbers their outputs show."""
    colab = p.get("colab", True)
    H = p.get("headings", ["## Data preparation", "## Model preparation", "## Train the Model", "## Inference"])
    C = []
    if p.get("pre_cells"):
        C += p["pre_cells"]
    if not p.get("no_title"):
        C.append(md(BERT_TITLE))
    C.append(md(H[0] + "\n\n" + BERT_DATA_MD.strip()))
    if not p.get("skip_seed_cell"):
        C.append(code(SEED_CELL))
    C.append(md("Let us load the transformers library first."))
    C.append(code("!pip install transformers", [out(PIP_TF_OUT)] if colab else
                  [out(PIP_TF_OUT.replace("/usr/local/lib/python3.10/dist-packages", "/opt/conda/lib/python3.10/site-packages"))]))
    C.append(md("Each transformer model is associated with a particular approach of tokenizing the input text.  We will use the `bert-base-uncased` model below, so let's examine its corresponding tokenizer.\n"))
    if not p.get("skip_tok_cell"):
        C.append(code("from transformers import BertTokenizer\n\ntokenizer = BertTokenizer.from_pretrained('bert-base-uncased')",
                      [out(HF_WARN, "stderr")] if colab else []))
    C.append(md("The `tokenizer` has a `vocab` attribute which contains the actual vocabulary we will be using. First, let us discover how many tokens are in this language model by checking its length."))
    C.append(p["q1a"])
    C.append(md("Using the tokenizer is as simple as calling `tokenizer.tokenize` on a string. This will tokenize and lower case the data in a way that is consistent with the pre-trained transformer model."))
    C.append(code("tokens = tokenizer.tokenize('Hello WORLD how ARE yoU?')\n\nprint(tokens)", [out("['hello', 'world', 'how', 'are', 'you', '?']\n")]))
    C.append(md("We can numericalize tokens using our vocabulary using `tokenizer.convert_tokens_to_ids`."))
    C.append(code("indexes = tokenizer.convert_tokens_to_ids(tokens)\n\nprint(indexes)", [out("[7592, 2088, 2129, 2024, 2017, 1029]\n")]))
    C.append(md("The transformer was also trained with special tokens to mark the beginning and end of the sentence, as well as a standard padding and unknown token. \n\nLet us declare them."))
    C.append(code("init_token = tokenizer.cls_token\neos_token = tokenizer.sep_token\npad_token = tokenizer.pad_token\nunk_token = tokenizer.unk_token\n\nprint(init_token, eos_token, pad_token, unk_token)",
                  [out("[CLS] [SEP] [PAD] [UNK]\n")]))
    C.append(md("We can call a function to find the indices of the special tokens."))
    C.append(code("init_token_idx = tokenizer.convert_tokens_to_ids(init_token)\neos_token_idx = tokenizer.convert_tokens_to_ids(eos_token)\npad_token_idx = tokenizer.convert_tokens_to_ids(pad_token)\nunk_token_idx = tokenizer.convert_tokens_to_ids(unk_token)\n\nprint(init_token_idx, eos_token_idx, pad_token_idx, unk_token_idx)",
                  [out("101 102 0 100\n")]))
    C.append(md("We can also find the maximum length of these input sizes by checking the `max_model_input_sizes` attribute (for this model, it is 512 tokens)."))
    C += p.get("maxlen_cells", [code("max_input_length = tokenizer.max_model_input_sizes['bert-base-uncased']")])
    C.append(md("Let us now define a function to tokenize any sentence, and cut length down to 510 tokens (we need one special `start` and `end` token for each sentence)."))
    C.append(code("def tokenize_and_cut(sentence):\n    tokens = tokenizer.tokenize(sentence) \n    tokens = tokens[:max_input_length-2]\n    return tokens"))
    C.append(md("Finally, we are ready to load our dataset. We will use the [IMDB Moview Reviews](https://ai.stanford.edu/~amaas/data/sentiment/) dataset. Let us also split the train dataset to form a small validation set (to keep track of the best model)."))
    C += p.get("before_pip_cells", [])
    if colab:
        C.append(code("!pip install -q torchtext==0.6.0", [out(TORCHTEXT_PIP_OUT)]))
        imp = "from torchtext import data, datasets\n\n"
    else:
        imp = "from torchtext.legacy import data, datasets\n\n"
    C.append(code(imp + "TEXT = data.Field(batch_first = True,\n                  use_vocab = False,\n                  tokenize = tokenize_and_cut,\n                  preprocessing = tokenizer.convert_tokens_to_ids,\n                  init_token = init_token_idx,\n                  eos_token = eos_token_idx,\n                  pad_token = pad_token_idx,\n                  unk_token = unk_token_idx)\n\nLABEL = data.LabelField(dtype = torch.float)"))
    C.append(code("train_data, test_data = datasets.IMDB.splits(TEXT, LABEL)\n\ntrain_data, valid_data = train_data.split(random_state = random.seed(SEED))",
                  [out("downloading aclImdb_v1.tar.gz\n"), out("aclImdb_v1.tar.gz: 100%%|██████████| 84.1M/84.1M [00:0%d<00:00, %s MB/s]\n" % (p.get("dl_s", 2), p.get("dl_rate", "38.6")), "stderr")]))
    C.append(md("Let us examine the size of the train, validation, and test dataset."))
    C.append(p["q1b"])
    C.append(md("We will build a vocabulary for the labels using the `vocab.stoi` mapping."))
    C.append(code("LABEL.build_vocab(train_data)"))
    C.append(code("print(LABEL.vocab.stoi)", [out("defaultdict(None, {'neg': 0, 'pos': 1})\n")]))
    C.append(md("Finally, we will set up the data-loader using a (large) batch size of 128. For text processing, we use the `BucketIterator` class."))
    C.append(code("BATCH_SIZE = 128\n\ndevice = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\n\ntrain_iterator, valid_iterator, test_iterator = data.BucketIterator.splits(\n    (train_data, valid_data, test_data), \n    batch_size = BATCH_SIZE, \n    device = device)"))
    C.append(md(H[1] + "\n\nWe will now load our pretrained BERT model. (Keep in mind that we should use the same model as the tokenizer that we chose above)."))
    C.append(code("from transformers import BertTokenizer, BertModel\n\nbert = BertModel.from_pretrained('bert-base-uncased')",
                  [out("model.safetensors: 100%%|██████████| 440M/440M [00:0%d<00:00, %s MB/s]\n" % (p.get("dl_s", 2) + 1, "190"), "stderr")] if colab else []))
    C.append(md("As mentioned above, we will append the BERT model with a bidirectional GRU to perform the classification."))
    C.append(code(GRU_CLASS))
    C.append(md("Next, we'll define our actual model. \n\nOur model will consist of \n\n* the BERT embedding (whose weights are frozen)\n* a bidirectional GRU with 2 layers, with hidden dim 256 and dropout=0.25.\n* a linear layer on top which does binary sentiment classification.\n\nLet us create an instance of this model."))
    C.append(p["q2a"])
    C.append(md("We can check how many parameters the model has. "))
    C.append(p["q2b"])
    C.append(md("Oh no~ if you did this correctly, youy should see that this contains *112 million* parameters. Standard machines (or Colab) cannot handle such large models.\n\nHowever, the majority of these parameters are from the BERT embedding, which we are not going to (re)train. In order to freeze certain parameters we can set their `requires_grad` attribute to `False`. To do this, we simply loop through all of the `named_parameters` in our model and if they're a part of the `bert` transformer model, we set `requires_grad = False`. "))
    C.append(p.get("freeze", code("for name, param in model.named_parameters():                \n    if name.startswith('bert'):\n        param.requires_grad = False")))
    C.append(p["q2c"])
    C.append(md("We should now see that our model has under 3M trainable parameters. Still not trivial but manageable."))
    C.append(md(H[2] + "\n\nAll this is now largely standard.\n\nWe will use:\n* the Binary Cross Entropy loss function: `nn.BCEWithLogitsLoss()`\n* the Adam optimizer\n\nand run it for 2 epochs (that should be enough to start getting meaningful results)."))
    C.append(code("import torch.optim as optim\n\noptimizer = optim.Adam(model.parameters())"))
    C.append(code("criterion = nn.BCEWithLogitsLoss()"))
    C += p.get("todev_cells", [code("model = model.to(device)\ncriterion = criterion.to(device)")])
    C.append(md("Also, define functions for: \n* calculating accuracy. \n* training for a single epoch, and reporting loss/accuracy.\n* performing an evaluation epoch, and reporting loss/accuracy.\n* calculating running times."))
    C.append(p["q3a"])
    C.append(p["q3b"])
    C.append(p["q3c"])
    C.append(code("import time\n\ndef epoch_time(start_time, end_time):\n    elapsed_time = end_time - start_time\n    elapsed_mins = int(elapsed_time / 60)\n    elapsed_secs = int(elapsed_time - (elapsed_mins * 60))\n    return elapsed_mins, elapsed_secs"))
    C.append(md("We are now ready to train our model.\n\n**Statutory warning**: Training such models will take a very long time since this model is considerably larger than anything we have trained before. Even though we are not training any of the BERT parameters, we still have to make a forward pass. This will take time; each epoch may take upwards of 30 minutes on Colab.\n\nLet us train for 2 epochs and print train loss/accuracy and validation loss/accuracy for each epoch. Let us also measure running time. \n\nSaving intermediate model checkpoints using \n\n`torch.save(model.state_dict(),'model.pt')`\n\nmay be helpful with such large models."))
    C += p["q3d"]
    C.append(md("Load the best model parameters (measured in terms of validation loss) and evaluate the loss/accuracy on the test set."))
    C += p["test"]
    C.append(md(H[3] + "\n\nWe'll then use the model to test the sentiment of some fake movie reviews. We tokenize the input sentence, trim it down to length=510, add the special start and end tokens to either side, convert it to a LongTensor, add a fake batch dimension using unsqueeze, and perform inference using our model."))
    C.append(p.get("pred", code(PRED_FN)))
    C += p["q4a"]
    C.append(md("Great! Try playing around with two other movie reviews (you can grab some off the internet or make up text yourselves), and see whether your sentiment classifier is correctly capturing the mood of the review."))
    C += p["q4b"]
    C += p.get("post_cells", [])
    return finish(C, colab=colab, start_n=p.get("start_n", 0), name=p.get("name", "bert.ipynb"))

# ---- common student code variants
Q1A = {
 "len": (lambda: code("# Q1a: Print the size of the vocabulary of the above tokenizer.\nlen(tokenizer.vocab)", [res("30522")])),
 "print": (lambda: code("# Q1a: Print the size of the vocabulary of the above tokenizer.\nprint('Vocabulary size:', len(tokenizer))", [out("Vocabulary size: 30522\n")])),
 "fstr": (lambda: code("# Q1a: Print the size of the vocabulary of the above tokenizer.\nvocab_size = tokenizer.vocab_size\nprint(f\"size of vocab = {vocab_size}\")", [out("size of vocab = 30522\n")])),
}
def q1b(style="plain", tr=17500, va=7500, te=25000):
    if style == "plain":
        return code("# Q1b. Print the number of data points in the train, test, and validation sets.\nprint(len(train_data), len(test_data), len(valid_data))", [out("%d %d %d\n" % (tr, te, va))])
    return code("# Q1b. Print the number of data points in the train, test, and validation sets.\n"
                "print(f'Number of training examples: {len(train_data)}')\n"
                "print(f'Number of validation examples: {len(valid_data)}')\n"
                "print(f'Number of testing examples: {len(test_data)}')",
                [out("Number of training examples: %d\nNumber of validation examples: %d\nNumber of testing examples: %d\n" % (tr, va, te))])

def q2a(hidden=256, out_dim=1, layers=2, bidir=True, dropout=0.25):
    return code(f"""# Q2a: Instantiate the above model by setting the right hyperparameters.

HIDDEN_DIM = {hidden}
OUTPUT_DIM = {out_dim}
N_LAYERS = {layers}
BIDIRECTIONAL = {bidir}
DROPOUT = {dropout}

model = BERTGRUSentiment(bert,
                         HIDDEN_DIM,
                         OUTPUT_DIM,
                         N_LAYERS,
                         BIDIRECTIONAL,
                         DROPOUT)""")

def count_fn_cell(q, n, label="The model has {:,} trainable parameters"):
    if q == "2b":
        head = "# Q2b: Print the number of trainable parameters in this model.\n\n"
        return code(head + "def count_parameters(model):\n    return sum(p.numel() for p in model.parameters() if p.requires_grad)\n\n"
                    "print(f'The model has {count_parameters(model):,} trainable parameters')",
                    [out("The model has {:,} trainable parameters\n".format(n))])
    return code("# Q2c: After freezing the BERT weights/biases, print the number of remaining trainable parameters.\n\n"
                "print(f'The model has {count_parameters(model):,} trainable parameters')",
                [out("The model has {:,} trainable parameters\n".format(n))])

Q3A_OK = """
def binary_accuracy(preds, y):

    # Q3a. Compute accuracy (as a number between 0 and 1)

    rounded_preds = torch.round(torch.sigmoid(preds))
    correct = (rounded_preds == y).float()
    acc = correct.sum() / len(correct)
    return acc
"""
Q3B_OK = """
def train(model, iterator, optimizer, criterion):

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

    return epoch_loss / len(iterator), epoch_acc / len(iterator)
"""
Q3C_OK = """
def evaluate(model, iterator, criterion):

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

    return epoch_loss / len(iterator), epoch_acc / len(iterator)
"""
TEST_CELL = """
model.load_state_dict(torch.load('model.pt'))

test_loss, test_acc = evaluate(model, test_iterator, criterion)

print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')
"""
def test_cells(loss, acc):
    return [code(TEST_CELL, [out(f'Test Loss: {loss:.3f} | Test Acc: {acc*100:.2f}%\n')])]

def q4a_cells(v1, v2, s1="This film is terrible!", s2="This film is great!"):
    return [code("# Q4a. Perform sentiment analysis on the following two sentences.\n\npredict_sentiment(model, tokenizer, \"%s\")" % s1, [res(repr(v1))]),
            code("predict_sentiment(model, tokenizer, \"%s\")" % s2, [res(repr(v2))])]

def q4b_cells(pairs, combined=False):
    if combined:
        src = "# Q4b. Perform sentiment analysis on two other movie review fragments of your choice.\n\n"
        o = ""
        for s, v in pairs:
            src += "print(predict_sentiment(model, tokenizer, %r))\n" % s
            o += repr(v) + "\n"
        return [code(src, [out(o)])]
    cells = []
    for i, (s, v) in enumerate(pairs):
        head = "# Q4b. Perform sentiment analysis on two other movie review fragments of your choice.\n\n" if i == 0 else ""
        cells.append(code(head + "predict_sentiment(model, tokenizer, %r)" % s, [res(repr(v))]))
    return cells
