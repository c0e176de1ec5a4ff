"""Notebook builder for the BERT sentiment notebooks (nbformat 4, written as plain JSON)."""
import hashlib
import json

# ----------------------------------------------------------------------------------------
# generic notebook helpers
# ----------------------------------------------------------------------------------------


def _lines(s):
    """split into the list-of-lines form Jupyter stores"""
    if s == "":
        return []
    parts = s.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1] != "":
        out.append(parts[-1])
    return out


class NB:
    def __init__(self, name, colab=False, start=1):
        self.name = name
        self.colab = colab
        self.cells = []
        self.n = start - 1

    def _id(self):
        h = hashlib.sha1(f"{self.name}-{len(self.cells)}".encode()).hexdigest()
        return h[:8] + "-" + h[8:12] if not self.colab else "".join(
            c for c in h.upper() if c.isalnum())[:12]

    def md(self, text):
        cell = {"cell_type": "markdown", "metadata": {}, "source": _lines(text)}
        if self.colab:
            cell["metadata"] = {"id": self._id()}
        else:
            cell["id"] = self._id()
        self.cells.append(cell)

    def code(self, src, outs=(), count="auto", run=True):
        if self.colab or not run:
            n = None
        elif count == "auto":
            self.n += 1
            n = self.n
        else:
            n = count
        outputs = []
        for o in outs:
            o = dict(o)
            if o["output_type"] == "execute_result":
                o["execution_count"] = n
            outputs.append(o)
        cell = {"cell_type": "code", "execution_count": n, "metadata": {},
                "outputs": outputs if run else [], "source": _lines(src)}
        if self.colab:
            cell["metadata"] = {"id": self._id()}
            if outputs:
                cell["metadata"]["outputId"] = hashlib.md5(
                    (self.name + src).encode()).hexdigest()[:8] + "-" + \
                    hashlib.md5(src.encode()).hexdigest()[:4] + "-4f1a-9c2e-" + \
                    hashlib.md5((src + self.name).encode()).hexdigest()[:12]
        else:
            cell["id"] = self._id()
        self.cells.append(cell)

    def to_json(self):
        if self.colab:
            meta = {
                "accelerator": "GPU",
                "colab": {"provenance": [], "gpuType": "T4"},
                "kernelspec": {"display_name": "Python 3", "name": "python3"},
                "language_info": {"name": "python"},
            }
            nb = {"cells": self.cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 0}
        else:
            meta = {
                "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                               "name": "python3"},
                "language_info": {
                    "codemirror_mode": {"name": "ipython", "version": 3},
                    "file_extension": ".py", "mimetype": "text/x-python", "name": "python",
                    "nbconvert_exporter": "python", "pygments_lexer": "ipython3",
                    "version": "3.9.16"},
            }
            nb = {"cells": self.cells, "metadata": meta, "nbformat": 4, "nbformat_minor": 5}
        return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"

    def write(self, path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.to_json())


def out(text, name="stdout"):
    return {"output_type": "stream", "name": name, "text": _lines(text)}


def res(text):
    return {"output_type": "execute_result", "data": {"text/plain": _lines(text)},
            "metadata": {}, "execution_count": None}


def err(ename, evalue, frames):
    red = "\x1b[0;31m"
    rst = "\x1b[0m"
    tb = [red + "-" * 75 + rst,
          f"{red}{ename}{rst}" + " " * max(1, 42 - len(ename)) + "Traceback (most recent call last)"]
    tb += frames
    tb.append(f"{red}{ename}{rst}: {evalue}")
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": tb}


BAR = "\u2588" * 10

# ----------------------------------------------------------------------------------------
# handout text (markdown cells of the course notebook)
# ----------------------------------------------------------------------------------------

T_INTRO = ("# Analyzing movie reviews using transformers\n\n"
           "This problem asks you to train a sentiment analysis model using the BERT (Bidirectional "
           "Encoder Representations from Transformers) model, introduced "
           "[here](https://arxiv.org/abs/1810.04805). Specifically, we will parse movie reviews and "
           "classify their sentiment (according to whether they are positive or negative.)\n\n"
           "We will use the [Huggingface transformers library](https://github.com/huggingface/transformers) "
           "to load a pre-trained BERT model to compute text embeddings, and append this with an RNN "
           "model to perform sentiment classification.")
T_DATA = ("Before delving into the model training, let's first do some basic data processing. The "
          "first challenge in NLP is to encode text into vector-style representations. This is done "
          "by a process called *tokenization*.")
T_LOADTF = "Let us load the transformers library first."
T_TOK = ("Each transformer model is associated with a particular approach of tokenizing the input "
         "text. We will use the `bert-base-uncased` model below, so let's examine its corresponding "
         "tokenizer.")
T_VOCAB = ("The `tokenizer` has a `vocab` attribute which contains the actual vocabulary we will be "
           "using. First, let us discover how many tokens are in this language model by checking its "
           "length.")
T_TOKENIZE = ("Using the tokenizer is as simple as calling `tokenizer.tokenize` on a string. This will "
              "tokenize and lower case the data in a way that is consistent with the pre-trained "
              "transformer model.")
T_NUM = "We can numericalize tokens using our vocabulary using `tokenizer.convert_tokens_to_ids`."
T_SPECIAL = ("The transformer was also trained with special tokens to mark the beginning and end of the "
             "sentence, as well as a standard padding and unknown token.\n\nLet us declare them.")
T_IDX = "We can call a function to find the indices of the special tokens."
T_MAXLEN = ("We can also find the maximum length of these input sizes by checking the "
            "`max_model_input_sizes` attribute (for this model, it is 512 tokens).")
T_CUT = ("Let us now define a function to tokenize any sentence, and cut length down to 510 tokens "
         "(we need one special `start` and `end` token for each sentence).")
T_DATASET = ("Finally, we are ready to load our dataset. We will use the "
             "[IMDB Moview Reviews](https://ai.stanford.edu/~amaas/data/sentiment/) dataset. Let us "
             "also split the train dataset to form a small validation set (to keep track of the best "
             "model).")
T_SIZES = "Let us examine the size of the train, validation, and test dataset."
T_LABELV = "We will build a vocabulary for the labels using the `vocab.stoi` mapping."
T_LOADER = ("Finally, we will set up the data-loader using a (large) batch size of 128. For text "
            "processing, we use the `BucketIterator` class.")
T_MODEL = ("We will now load our pretrained BERT model. (Keep in mind that we should use the same "
           "model as the tokenizer that we chose above).")
T_GRU = ("As mentioned above, we will append the BERT model with a bidirectional GRU to perform the "
         "classification.")
T_ACTUAL = ("Next, we'll define our actual model.\n\nOur model will consist of\n\n"
            "* the BERT embedding (whose weights are frozen)\n"
            "* a bidirectional GRU with 2 layers, with hidden dim 256 and dropout=0.25.\n"
            "* a linear layer on top which does binary sentiment classification.\n\n"
            "Let us create an instance of this model.")
T_COUNT = "We can check how many parameters the model has."
T_OHNO = ("Oh no~ if you did this correctly, you should see that this contains *112 million* "
          "parameters. Standard machines (or Colab) cannot handle such large models.\n\n"
          "However, the majority of these parameters are from the BERT embedding, which we are not "
          "going to (re)train. In order to freeze certain parameters we can set their "
          "`requires_grad` attribute to `False`. To do this, we simply loop through all of the "
          "`named_parameters` in our model and if they're a part of the `bert` transformer model, "
          "we set `requires_grad = False`. ")
T_UNDER3 = ("We should now see that our model has under 3M trainable parameters. Still not trivial but "
            "manageable.")
T_TRAIN = ("All this is now largely standard.\n\nWe will use:\n"
           "* the Binary Cross Entropy loss function: `nn.BCEWithLogitsLoss()`\n"
           "* the Adam optimizer\n\n"
           "and run it for 2 epochs (that should be enough to start getting meaningful results).")
T_FUNCS = ("Also, define functions for: \n* calculating accuracy. \n* training for a single epoch, and "
           "reporting loss/accuracy.\n* performing an evaluation epoch, and reporting loss/accuracy.\n"
           "* calculating running times.")
T_READY = ("We are now ready to train our model.\n\n**Statutory warning**: Training such models will take "
           "a very long time since this model is considerably larger than anything we have trained "
           "before. Even though we are not training any of the BERT parameters, we still have to make "
           "a forward pass. This will take time; each epoch may take upwards of 30 minutes on Colab.\n\n"
           "Let us train for 2 epochs and print train loss/accuracy and validation loss/accuracy for "
           "each epoch. Let us also measure running time. \n\n"
           "Saving intermediate model checkpoints using  \n\n"
           "`torch.save(model.state_dict(),'model.pt')`\n\n"
           "may be helpful with such large models.")
T_BEST = ("Load the best model parameters (measured in terms of validation loss) and evaluate the "
          "loss/accuracy on the test set.")
T_INFER = ("We'll then use the model to test the sentiment of some fake movie reviews. We tokenize the "
           "input sentence, trim it down to length=510, add the special start and end tokens to either "
           "side, convert it to a `LongTensor`, add a fake batch dimension using `unsqueeze`, and "
           "perform inference using our model.")
T_GREAT = ("Great! Try playing around with two other movie reviews (you can grab some off the internet "
           "or make up text yourselves), and see whether your sentiment classifier is correctly "
           "capturing the mood of the review.")

HEAD = {
    "plain": ["## Data preparation", "## Model preparation", "## Train the Model", "## Inference"],
    "numbered": ["## 1. Data preparation", "## 2. Model preparation", "## 3. Train the Model",
                 "## 4. Inference"],
}

# ----------------------------------------------------------------------------------------
# handout code
# ----------------------------------------------------------------------------------------

C_SEED = """import torch
import random
import numpy as np

SEED = 1234

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
torch.backends.cudnn.deterministic = True"""

C_TOKENIZER = """from transformers import BertTokenizer

tokenizer = BertTokenizer.from_pretrained('bert-base-uncased')"""

C_TOKENS = """tokens = tokenizer.tokenize('Hello WORLD how ARE yoU?')

print(tokens)"""
C_INDEXES = """indexes = tokenizer.convert_tokens_to_ids(tokens)

print(indexes)"""
C_SPECIAL = """init_token = tokenizer.cls_token
eos_token = tokenizer.sep_token
pad_token = tokenizer.pad_token
unk_token = tokenizer.unk_token

print(init_token, eos_token, pad_token, unk_token)"""
C_IDX = """init_token_idx = tokenizer.convert_tokens_to_ids(init_token)
eos_token_idx = tokenizer.convert_tokens_to_ids(eos_token)
pad_token_idx = tokenizer.convert_tokens_to_ids(pad_token)
unk_token_idx = tokenizer.convert_tokens_to_ids(unk_token)

print(init_token_idx, eos_token_idx, pad_token_idx, unk_token_idx)"""
C_MAXLEN = "max_input_length = tokenizer.max_model_input_sizes['bert-base-uncased']"
C_CUT = """def tokenize_and_cut(sentence):
    tokens = tokenizer.tokenize(sentence)
    tokens = tokens[:max_input_length-2]
    return tokens"""
C_FIELDS = """from torchtext{legacy} import data

TEXT = data.Field(batch_first = True,
                  use_vocab = False,
                  tokenize = tokenize_and_cut,
                  preprocessing = tokenizer.convert_tokens_to_ids,
                  init_token = init_token_idx,
                  eos_token = eos_token_idx,
                  pad_token = pad_token_idx,
                  unk_token = unk_token_idx)

LABEL = data.LabelField(dtype = torch.float)"""
C_DSIMPORT = "from torchtext{legacy} import datasets"
C_SPLITS = """train_data, test_data = datasets.IMDB.splits(TEXT, LABEL)

train_data, valid_data = train_data.split(random_state = random.seed(SEED))"""
C_LOADER = """BATCH_SIZE = 128

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

train_iterator, valid_iterator, test_iterator = data.BucketIterator.splits(
    (train_data, valid_data, test_data),
    batch_size = BATCH_SIZE,
    device = device)"""
C_BERT = """from transformers import BertTokenizer, BertModel

bert = BertModel.from_pretrained('bert-base-uncased')"""
C_CLASS = """import torch.nn as nn

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

        return output"""
C_FREEZE = """for name, param in model.named_parameters():
    if name.startswith('bert'):
        param.requires_grad = False"""
C_OPT = """import torch.optim as optim

optimizer = optim.Adam(model.parameters())"""
C_CRIT = "criterion = nn.BCEWithLogitsLoss()"
C_TODEV = """model = model.to(device)
criterion = criterion.to(device)"""
C_EPOCHTIME = """import time

def epoch_time(start_time, end_time):
    elapsed_time = end_time - start_time
    elapsed_mins = int(elapsed_time / 60)
    elapsed_secs = int(elapsed_time - (elapsed_mins * 60))
    return elapsed_mins, elapsed_secs"""
C_TEST = """model.load_state_dict(torch.load('model.pt'))

test_loss, test_acc = evaluate(model, test_iterator, criterion)

print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')"""
C_PREDICT = """def predict_sentiment(model, tokenizer, sentence):
    model.eval()
    tokens = tokenizer.tokenize(sentence)
    tokens = tokens[:max_input_length-2]
    indexed = [init_token_idx] + tokenizer.convert_tokens_to_ids(tokens) + [eos_token_idx]
    tensor = torch.LongTensor(indexed).to(device)
    tensor = tensor.unsqueeze(0)
    prediction = torch.sigmoid(model(tensor))
    return prediction.item()"""

PIP_TF = """Collecting transformers
  Downloading transformers-4.26.1-py3-none-any.whl (6.3 MB)
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 6.3/6.3 MB 71.2 MB/s eta 0:00:00
Collecting tokenizers!=0.11.3,<0.14,>=0.11.1
  Downloading tokenizers-0.13.2-cp38-cp38-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (7.6 MB)
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 7.6/7.6 MB 98.4 MB/s eta 0:00:00
Collecting huggingface-hub<1.0,>=0.11.0
  Downloading huggingface_hub-0.12.1-py3-none-any.whl (190 kB)
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 190.3/190.3 kB 23.9 MB/s eta 0:00:00
Requirement already satisfied: numpy>=1.17 in /usr/local/lib/python3.8/dist-packages (from transformers) (1.22.4)
Requirement already satisfied: tqdm>=4.27 in /usr/local/lib/python3.8/dist-packages (from transformers) (4.64.1)
Requirement already satisfied: regex!=2019.12.17 in /usr/local/lib/python3.8/dist-packages (from transformers) (2022.6.2)
Installing collected packages: tokenizers, huggingface-hub, transformers
Successfully installed huggingface-hub-0.12.1 tokenizers-0.13.2 transformers-4.26.1
"""

PIP_TORCH = """Collecting torch==1.8.0
  Downloading torch-1.8.0-cp38-cp38-manylinux1_x86_64.whl (735.5 MB)
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 735.5/735.5 MB 1.9 MB/s eta 0:00:00
Collecting torchtext==0.9.0
  Downloading torchtext-0.9.0-cp38-cp38-manylinux1_x86_64.whl (7.1 MB)
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 7.1/7.1 MB 88.0 MB/s eta 0:00:00
Requirement already satisfied: typing-extensions in /usr/local/lib/python3.8/dist-packages (from torch==1.8.0) (4.5.0)
Installing collected packages: torch, torchtext
  Attempting uninstall: torch
    Found existing installation: torch 1.13.1+cu116
    Uninstalling torch-1.13.1+cu116:
      Successfully uninstalled torch-1.13.1+cu116
  Attempting uninstall: torchtext
    Found existing installation: torchtext 0.14.1
    Uninstalling torchtext-0.14.1:
      Successfully uninstalled torchtext-0.14.1
Successfully installed torch-1.8.0 torchtext-0.9.0
"""

PIP_TT06 = """Collecting torchtext==0.6.0
  Downloading torchtext-0.6.0-py3-none-any.whl (64 kB)
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 64.2/64.2 kB 5.1 MB/s eta 0:00:00
Requirement already satisfied: tqdm in /usr/local/lib/python3.10/dist-packages (from torchtext==0.6.0) (4.65.0)
Requirement already satisfied: requests in /usr/local/lib/python3.10/dist-packages (from torchtext==0.6.0) (2.27.1)
Requirement already satisfied: torch in /usr/local/lib/python3.10/dist-packages (from torchtext==0.6.0) (2.0.1+cu118)
Collecting sentencepiece
  Downloading sentencepiece-0.1.99-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (1.3 MB)
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 1.3/1.3 MB 49.7 MB/s eta 0:00:00
Installing collected packages: sentencepiece, torchtext
  Attempting uninstall: torchtext
    Found existing installation: torchtext 0.15.2
    Uninstalling torchtext-0.15.2:
      Successfully uninstalled torchtext-0.15.2
Successfully installed sentencepiece-0.1.99 torchtext-0.6.0
"""

TOK_DL = ("Downloading (…)solve/main/vocab.txt: 100%|" + BAR + "| 232k/232k [00:00<00:00, 1.93MB/s]\n"
          "Downloading (…)okenizer_config.json: 100%|" + BAR + "| 28.0/28.0 [00:00<00:00, 1.62kB/s]\n"
          "Downloading (…)lve/main/config.json: 100%|" + BAR + "| 570/570 [00:00<00:00, 41.3kB/s]\n")
BERT_DL = ("Downloading pytorch_model.bin: 100%|" + BAR + "| 440M/440M [00:04<00:00, 104MB/s]\n"
           "Some weights of the model checkpoint at bert-base-uncased were not used when initializing "
           "BertModel: ['cls.predictions.transform.dense.weight', 'cls.seq_relationship.bias', "
           "'cls.predictions.bias', 'cls.predictions.transform.LayerNorm.bias', "
           "'cls.predictions.decoder.weight', 'cls.predictions.transform.LayerNorm.weight', "
           "'cls.seq_relationship.weight', 'cls.predictions.transform.dense.bias']\n"
           "- This IS expected if you are initializing BertModel from the checkpoint of a model trained "
           "on another task or with another architecture (e.g. initializing a BertForSequenceClassification "
           "model from a BertForPreTraining model).\n"
           "- This IS NOT expected if you are initializing BertModel from the checkpoint of a model that "
           "you expect to be exactly identical (initializing a BertForSequenceClassification model from a "
           "BertForSequenceClassification model).\n")


def imdb_dl(speed="17.4MB/s", secs="00:05"):
    return ("downloading aclImdb_v1.tar.gz\n",
            "aclImdb_v1.tar.gz: 100%|" + BAR + "| 84.1M/84.1M [" + secs + "<00:00, " + speed + "]\n")


def epoch_lines(ep, mins, secs, tl, ta, vl, va):
    return (f"Epoch: {ep:02} | Epoch Time: {mins}m {secs}s\n"
            f"\tTrain Loss: {tl:.3f} | Train Acc: {ta:.2f}%\n"
            f"\t Val. Loss: {vl:.3f} |  Val. Acc: {va:.2f}%\n")


# ----------------------------------------------------------------------------------------
# the notebook, driven by a per-student config dict
# ----------------------------------------------------------------------------------------


def build(c):
    """c: dict of options; returns NB"""
    nb = NB(c["name"], colab=c.get("colab", False))
    heads = HEAD[c.get("heads", "plain")]
    legacy = ".legacy" if c.get("torchtext", "legacy") == "legacy" else ""
    g = c.get  # shorthand

    if g("code_first"):
        for src, outs in g("code_first"):
            nb.code(src, outs)
    else:
        if legacy and not g("no_pip_torch"):
            nb.code("!pip install -U torch==1.8.0 torchtext==0.9.0\n\n# Reload environment\nexit()",
                    [out(PIP_TORCH)])
        nb.md(T_INTRO)
    nb.md(heads[0] + "\n\n" + T_DATA)
    if not g("code_first"):
        nb.code(C_SEED)
        nb.md(T_LOADTF)
        nb.code("!pip install transformers", [out(PIP_TF)])
        nb.md(T_TOK)
        nb.code(C_TOKENIZER, [out(TOK_DL, "stderr")])
    nb.md(T_VOCAB)
    nb.code(c["q1a"][0], c["q1a"][1])
    nb.md(T_TOKENIZE)
    nb.code(C_TOKENS, [out("['hello', 'world', 'how', 'are', 'you', '?']\n")])
    nb.md(T_NUM)
    nb.code(C_INDEXES, [out("[7592, 2088, 2129, 2024, 2017, 1029]\n")])
    nb.md(T_SPECIAL)
    nb.code(C_SPECIAL, [out("[CLS] [SEP] [PAD] [UNK]\n")])
    nb.md(T_IDX)
    nb.code(C_IDX, [out("101 102 0 100\n")])
    nb.md(T_MAXLEN)
    nb.code(C_MAXLEN)
    nb.md(T_CUT)
    nb.code(C_CUT)
    nb.md(T_DATASET)
    if not legacy and not g("code_first"):
        nb.code("!pip install torchtext==0.6.0", [out(PIP_TT06)])
    nb.code(C_FIELDS.format(legacy=legacy))
    nb.code(C_DSIMPORT.format(legacy=legacy))
    d1, d2 = imdb_dl(*g("imdb_speed", ("17.4MB/s", "00:05")))
    nb.code(C_SPLITS, [out(d1), out(d2, "stderr")])
    nb.md(T_SIZES)
    nb.code(c["q1b"][0], c["q1b"][1])
    nb.md(T_LABELV)
    nb.code("LABEL.build_vocab(train_data)")
    nb.code("print(LABEL.vocab.stoi)", [out("defaultdict(None, {'neg': 0, 'pos': 1})\n")])
    nb.md(T_LOADER)
    nb.code(C_LOADER)
    nb.md(heads[1] + "\n\n" + T_MODEL)
    nb.code(C_BERT, [out(BERT_DL, "stderr")])
    nb.md(T_GRU)
    nb.code(C_CLASS)
    nb.md(T_ACTUAL)
    nb.code(c["q2a"])
    nb.md(T_COUNT)
    nb.code(c["q2b"][0], c["q2b"][1])
    nb.md(T_OHNO)
    if g("freeze", True):
        nb.code(C_FREEZE)
    nb.code(c["q2c"][0], c["q2c"][1])
    nb.md(T_UNDER3)
    nb.md(heads[2] + "\n\n" + T_TRAIN)
    nb.code(C_OPT)
    nb.code(C_CRIT)
    nb.code(C_TODEV)
    nb.md(T_FUNCS)
    nb.code(c["q3a"])
    for item in c["q3b"]:   # list of (src, outs) to allow a broken then fixed version
        nb.code(*item)
    nb.code(c["q3c"])
    nb.code(C_EPOCHTIME)
    nb.md(T_READY)
    for item in c["q3d"]:
        if item[0] == "md":
            nb.md(item[1])
        else:
            nb.code(*item)
    nb.md(T_BEST)
    for item in c["test"]:
        if item[0] == "md":
            nb.md(item[1])
        else:
            nb.code(*item)
    nb.md(heads[3] + "\n\n" + T_INFER)
    nb.code(C_PREDICT)
    for item in c["q4a"]:
        if item[0] == "md":
            nb.md(item[1])
        else:
            nb.code(*item)
    nb.md(T_GREAT)
    for item in c.get("q4b", []):
        if item[0] == "md":
            nb.md(item[1])
        else:
            nb.code(*item)
    for item in c.get("tail", []):
        if item[0] == "md":
            nb.md(item[1])
        else:
            nb.code(*item)
    return nb
