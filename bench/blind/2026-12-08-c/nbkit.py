"""Notebook pieces (handout cells + student answers) used by make.py."""
import random

import nbformat as nbf

COLAB_META = {
    "colab": {"provenance": [], "gpuType": "T4"},
    "kernelspec": {"name": "python3", "display_name": "Python 3"},
    "language_info": {"name": "python"},
    "accelerator": "GPU",
}
JUPYTER_META = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": "3.10.12",
    },
}


class NB:
    """Tiny builder: md(), code(src, out=..., res=..., err=...)."""

    def __init__(self, colab, order=None):
        self.colab = colab
        self.cells = []
        self.n = 0
        self.order = order  # optional list of execution counts to use

    def md(self, text):
        c = nbf.v4.new_markdown_cell(text.strip("\n"))
        c.id = "%08x" % random.getrandbits(32)
        self.cells.append(c)

    def code(self, src, out=None, res=None, err=None, stderr=None, run=True, count=None):
        c = nbf.v4.new_code_cell(src.strip("\n"))
        c.id = "%08x" % random.getrandbits(32)
        outs = []
        if stderr:
            outs.append(nbf.v4.new_output("stream", name="stderr", text=stderr))
        if out:
            outs.append(nbf.v4.new_output("stream", name="stdout", text=out))
        if err:
            ename, evalue, tb = err
            outs.append(nbf.v4.new_output("error", ename=ename, evalue=evalue, traceback=tb))
        if res is not None:
            self.n += 1
            outs.append(nbf.v4.new_output("execute_result", data={"text/plain": res}, execution_count=self.n))
        elif run:
            self.n += 1
        c.outputs = outs
        if self.colab or not run:
            c.execution_count = None
            for o in outs:
                if o.get("output_type") == "execute_result":
                    o["execution_count"] = None
        else:
            ec = count if count is not None else self.n
            c.execution_count = ec
            for o in outs:
                if o.get("output_type") == "execute_result":
                    o["execution_count"] = ec
        if self.colab:
            c.metadata = {"id": "".join(random.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(12))}
            if out or res is not None:
                c.metadata["outputId"] = "%08x-%04x-%04x-%04x-%012x" % (
                    random.getrandbits(32), random.getrandbits(16), random.getrandbits(16),
                    random.getrandbits(16), random.getrandbits(48))
        self.cells.append(c)
        return c

    def notebook(self):
        nb = nbf.v4.new_notebook()
        nb.cells = self.cells
        nb.metadata = dict(COLAB_META if self.colab else JUPYTER_META)
        nb.nbformat_minor = 0 if self.colab else 5
        if self.colab:
            for c in nb.cells:
                c.pop("id", None)
        return nb


def tb(lines):
    return ["\x1b[0;31m" + "-" * 75 + "\x1b[0m"] + lines


# --------------------------------------------------------------------------------------------
# BERT sentiment notebook
# --------------------------------------------------------------------------------------------
MODEL_CLASS = '''import torch.nn as nn

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

        return output'''

PREDICT = '''def predict_sentiment(model, tokenizer, sentence):
    model.eval()
    tokens = tokenizer.tokenize(sentence)
    tokens = tokens[:max_input_length-2]
    indexed = [init_token_idx] + tokenizer.convert_tokens_to_ids(tokens) + [eos_token_idx]
    tensor = torch.LongTensor(indexed).to(device)
    tensor = tensor.unsqueeze(0)
    prediction = torch.sigmoid(model(tensor))
    return prediction.item()'''

EPOCH_TIME = '''import time

def epoch_time(start_time, end_time):
    elapsed_time = end_time - start_time
    elapsed_mins = int(elapsed_time / 60)
    elapsed_secs = int(elapsed_time - (elapsed_mins * 60))
    return elapsed_mins, elapsed_secs'''

ACC = {
    "ok": '''def binary_accuracy(preds, y):

    # Q3a. Compute accuracy (as a number between 0 and 1)

    # round the sigmoid of the logits to get 0/1 predictions
    rounded = torch.round(torch.sigmoid(preds))
    correct = (rounded == y).float()
    acc = correct.sum() / len(correct)

    return acc''',
    "ok2": '''def binary_accuracy(preds, y):

    # Q3a. Compute accuracy (as a number between 0 and 1)
    probs = torch.sigmoid(preds)
    hard = (probs >= 0.5).float()
    return (hard == y).float().mean()''',
    "nosigmoid": '''def binary_accuracy(preds, y):

    # Q3a. Compute accuracy (as a number between 0 and 1)
    rounded_preds = torch.round(preds)
    correct = (rounded_preds == y).float()
    acc = correct.sum() / len(correct)
    return acc''',
}

TRAIN = {
    "ok": '''def train(model, iterator, optimizer, criterion):

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

    return epoch_loss / len(iterator), epoch_acc / len(iterator)''',
    "tqdm": '''from tqdm.auto import tqdm

def train(model, iterator, optimizer, criterion):

    # Q3b. Set up the training function
    model.train()
    losses, accs = [], []
    for batch in tqdm(iterator, leave=False):
        optimizer.zero_grad()
        logits = model(batch.text).squeeze(1)
        loss = criterion(logits, batch.label)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        accs.append(binary_accuracy(logits, batch.label).item())
    return sum(losses) / len(losses), sum(accs) / len(accs)''',
}

EVAL = {
    "ok": '''def evaluate(model, iterator, criterion):

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

    return epoch_loss / len(iterator), epoch_acc / len(iterator)''',
    "tqdm": '''def evaluate(model, iterator, criterion):

    # Q3c. Set up the evaluation function.
    model.eval()
    losses, accs = [], []
    with torch.no_grad():
        for batch in iterator:
            logits = model(batch.text).squeeze(1)
            losses.append(criterion(logits, batch.label).item())
            accs.append(binary_accuracy(logits, batch.label).item())
    return sum(losses) / len(losses), sum(accs) / len(accs)''',
}

TRAIN_LOOP = '''N_EPOCHS = {n}

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
    print(f'\\t Val. Loss: {{valid_loss:.3f}} |  Val. Acc: {{valid_acc*100:.2f}}%')'''

BERT_INTRO = '''This problem asks you to train a sentiment analysis model using the BERT (Bidirectional Encoder Representations from Transformers) model, introduced [here](https://arxiv.org/abs/1810.04805). Specifically, we will parse movie reviews and classify their sentiment (according to whether they are positive or negative.)

We will use the [Huggingface transformers library](https://github.com/huggingface/transformers) to load a pre-trained BERT model to compute text embeddings, and append this with an RNN model to perform sentiment classification.'''

PIP_TORCHTEXT = """Collecting torchtext==0.6.0
  Downloading torchtext-0.6.0-py3-none-any.whl (64 kB)
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 64.2/64.2 kB 1.9 MB/s eta 0:00:00
Requirement already satisfied: tqdm in /usr/local/lib/python3.10/dist-packages (from torchtext==0.6.0) (4.66.1)
Collecting sentencepiece
  Downloading sentencepiece-0.1.99-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (1.3 MB)
     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 1.3/1.3 MB 21.4 MB/s eta 0:00:00
Installing collected packages: sentencepiece, torchtext
Successfully installed sentencepiece-0.1.99 torchtext-0.6.0
"""

TOK_STDERR = """tokenizer_config.json: 100%|██████████| 28.0/28.0 [00:00<00:00, 1.71kB/s]
vocab.txt: 100%|██████████| 232k/232k [00:00<00:00, 3.62MB/s]
tokenizer.json: 100%|██████████| 466k/466k [00:00<00:00, 7.05MB/s]
config.json: 100%|██████████| 570/570 [00:00<00:00, 38.9kB/s]
"""


def bert_notebook(o):
    """Build the BERT notebook. o: dict of options (see make.py)."""
    random.seed(o.get("seed", 0))
    nb = NB(o["colab"])
    H = o.get("headings", "plain")
    heads = {
        "handout": ["## 1. Data preparation", "## 2. Model preparation", "## 3. Train the Model", "## 4. Inference"],
        "plain": ["## Data preparation", "## Model preparation", "## Train the Model", "## Inference"],
        "numbered": ["### 1.1 Data preparation", "### 1.2 Model preparation", "### 1.3 Train the Model", "### 1.4 Inference"],
    }[H]
    for cell in o.get("pre_md", []):
        nb.md(cell)
    if o.get("code_first"):
        nb.code("!pip install transformers -q")
        nb.code("""import torch
import random
import numpy as np
from transformers import BertTokenizer, BertModel""")
    else:
        nb.md("# Analyzing movie reviews using transformers\n\n" + BERT_INTRO)
    nb.md(heads[0] + "\n\nBefore delving into the model training, let's first do some basic data processing. "
          "The first challenge in NLP is to encode text into vector-style representations. This is done by a process called *tokenization*.")
    if not o.get("code_first"):
        nb.code("import torch\nimport random\nimport numpy as np")
    nb.code("""SEED = 1234

random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)
torch.backends.cudnn.deterministic = True""")
    if not o.get("code_first"):
        nb.md("Let us load the transformers library first.")
        nb.code("!pip install transformers", out="Requirement already satisfied: transformers in /usr/local/lib/python3.10/dist-packages (4.35.2)\n"
                "Requirement already satisfied: filelock in /usr/local/lib/python3.10/dist-packages (from transformers) (3.13.1)\n"
                "Requirement already satisfied: tokenizers<0.19,>=0.14 in /usr/local/lib/python3.10/dist-packages (from transformers) (0.15.0)\n")
    nb.md("Each transformer model is associated with a particular approach of tokenizing the input text.  We will use the `bert-base-uncased` model below, so let's examine its corresponding tokenizer.")
    nb.code("from transformers import BertTokenizer\n\ntokenizer = BertTokenizer.from_pretrained('bert-base-uncased')", stderr=TOK_STDERR)
    nb.md("The `tokenizer` has a `vocab` attribute which contains the actual vocabulary we will be using. First, let us discover how many tokens are in this language model by checking its length.")
    q1a = o.get("q1a", "print")
    if q1a == "print":
        nb.code("# Q1a: Print the size of the vocabulary of the above tokenizer.\nprint('Vocabulary size:', len(tokenizer.vocab))", out="Vocabulary size: 30522\n")
    else:
        nb.code("# Q1a: Print the size of the vocabulary of the above tokenizer.\nlen(tokenizer)", res="30522")
    nb.md("Using the tokenizer is as simple as calling `tokenizer.tokenize` on a string. This will tokenize and lower case the data in a way that is consistent with the pre-trained transformer model.")
    nb.code("tokens = tokenizer.tokenize('Hello WORLD how ARE yoU?')\n\nprint(tokens)", out="['hello', 'world', 'how', 'are', 'you', '?']\n")
    nb.md("We can numericalize tokens using our vocabulary using `tokenizer.convert_tokens_to_ids`.")
    nb.code("indexes = tokenizer.convert_tokens_to_ids(tokens)\n\nprint(indexes)", out="[7592, 2088, 2129, 2024, 2017, 1029]\n")
    nb.md("The transformer was also trained with special tokens to mark the beginning and end of the sentence, as well as a standard padding and unknown token.\n\nLet us declare them.")
    nb.code("""init_token = tokenizer.cls_token
eos_token = tokenizer.sep_token
pad_token = tokenizer.pad_token
unk_token = tokenizer.unk_token

print(init_token, eos_token, pad_token, unk_token)""", out="[CLS] [SEP] [PAD] [UNK]\n")
    nb.md("We can call a function to find the indices of the special tokens.")
    nb.code("""init_token_idx = tokenizer.convert_tokens_to_ids(init_token)
eos_token_idx = tokenizer.convert_tokens_to_ids(eos_token)
pad_token_idx = tokenizer.convert_tokens_to_ids(pad_token)
unk_token_idx = tokenizer.convert_tokens_to_ids(unk_token)

print(init_token_idx, eos_token_idx, pad_token_idx, unk_token_idx)""", out="101 102 0 100\n")
    nb.md("We can also find the maximum length of these input sizes by checking the `max_model_input_sizes` attribute (for this model, it is 512 tokens).")
    nb.code("max_input_length = tokenizer.max_model_input_sizes['bert-base-uncased']")
    nb.md("Let us now define a function to tokenize any sentence, and cut length down to 510 tokens (we need one special `start` and `end` token for each sentence).")
    nb.code("""def tokenize_and_cut(sentence):
    tokens = tokenizer.tokenize(sentence)
    tokens = tokens[:max_input_length-2]
    return tokens""")
    nb.md("Finally, we are ready to load our dataset. We will use the [IMDB Moview Reviews](https://ai.stanford.edu/~amaas/data/sentiment/) dataset. Let us also split the train dataset to form a small validation set (to keep track of the best model).")
    if o.get("legacy_error"):
        nb.code("""from torchtext.legacy import data""", err=("ModuleNotFoundError", "No module named 'torchtext.legacy'", tb([
            "\x1b[0;31mModuleNotFoundError\x1b[0m                       Traceback (most recent call last)",
            "\x1b[0;32m<ipython-input-14-2b1e2d7c1c3f>\x1b[0m in \x1b[0;36m<cell line: 1>\x1b[0;34m()\x1b[0m\n\x1b[0;32m----> 1\x1b[0;31m \x1b[0;32mfrom\x1b[0m \x1b[0mtorchtext\x1b[0m\x1b[0;34m.\x1b[0m\x1b[0mlegacy\x1b[0m \x1b[0;32mimport\x1b[0m \x1b[0mdata\x1b[0m\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m\x1b[0m\n\x1b[0m",
            "\x1b[0;31mModuleNotFoundError\x1b[0m: No module named 'torchtext.legacy'"])))
    nb.code("!pip install torchtext==0.6.0", out=PIP_TORCHTEXT)
    nb.code("""from torchtext import data

TEXT = data.Field(batch_first = True,
                  use_vocab = False,
                  tokenize = tokenize_and_cut,
                  preprocessing = tokenizer.convert_tokens_to_ids,
                  init_token = init_token_idx,
                  eos_token = eos_token_idx,
                  pad_token = pad_token_idx,
                  unk_token = unk_token_idx)

LABEL = data.LabelField(dtype = torch.float)""")
    nb.code("""from torchtext import datasets

train_data, test_data = datasets.IMDB.splits(TEXT, LABEL)

train_data, valid_data = train_data.split(random_state = random.seed(SEED))""",
            out="downloading aclImdb_v1.tar.gz\n",
            stderr="aclImdb_v1.tar.gz: 100%%|██████████| 84.1M/84.1M [00:0%d<00:00, %.1fMB/s]\n" % (random.randint(2, 6), random.uniform(15, 60)))
    nb.md("Let us examine the size of the train, validation, and test dataset.")
    nb.code("""# Q1b. Print the number of data points in the train, test, and validation sets.
print(f'Number of training examples: {len(train_data)}')
print(f'Number of validation examples: {len(valid_data)}')
print(f'Number of testing examples: {len(test_data)}')""",
            out="Number of training examples: 17500\nNumber of validation examples: 7500\nNumber of testing examples: 25000\n")
    nb.md("We will build a vocabulary for the labels using the `vocab.stoi` mapping.")
    nb.code("LABEL.build_vocab(train_data)")
    nb.code("print(LABEL.vocab.stoi)", out="defaultdict(<function _default_unk_index at 0x7f3c2a1e4d30>, {'neg': 0, 'pos': 1})\n")
    nb.md("Finally, we will set up the data-loader using a (large) batch size of 128. For text processing, we use the `BucketIterator` class.")
    nb.code("""BATCH_SIZE = 128

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')

train_iterator, valid_iterator, test_iterator = data.BucketIterator.splits(
    (train_data, valid_data, test_data),
    batch_size = BATCH_SIZE,
    device = device)""")
    nb.n += o.get("bump", 0)  # cells re-run out of order in Jupyter
    nb.md(heads[1] + "\n\nWe will now load our pretrained BERT model. (Keep in mind that we should use the same model as the tokenizer that we chose above).")
    nb.code("from transformers import BertTokenizer, BertModel\n\nbert = BertModel.from_pretrained('bert-base-uncased')",
            stderr="model.safetensors: 100%|██████████| 440M/440M [00:02<00:00, 186MB/s]\n")
    nb.md("As mentioned above, we will append the BERT model with a bidirectional GRU to perform the classification.")
    nb.code(MODEL_CLASS)
    nb.md("""Next, we'll define our actual model.

Our model will consist of

* the BERT embedding (whose weights are frozen)
* a bidirectional GRU with 2 layers, with hidden dim 256 and dropout=0.25.
* a linear layer on top which does binary sentiment classification.

Let us create an instance of this model.""")
    bidir = o.get("bidir", True)
    nb.code(f"""# Q2a: Instantiate the above model by setting the right hyperparameters.

HIDDEN_DIM = 256
OUTPUT_DIM = 1
N_LAYERS = 2
BIDIRECTIONAL = {bidir}
DROPOUT = 0.25

model = BERTGRUSentiment(bert,
                         HIDDEN_DIM,
                         OUTPUT_DIM,
                         N_LAYERS,
                         BIDIRECTIONAL,
                         DROPOUT)""")
    full = 112241409 if bidir else 110665217
    head = 2759169 if bidir else 1182977
    nb.md("We can check how many parameters the model has.")
    nb.code(f"""# Q2b: Print the number of trainable parameters in this model.

def count_parameters(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)

print(f'The model has {{count_parameters(model):,}} trainable parameters')""", out=f"The model has {full:,} trainable parameters\n")
    nb.md("Oh no~ if you did this correctly, you should see that this contains *112 million* parameters. Standard machines (or Colab) cannot handle such large models.\n\n"
          "However, the majority of these parameters are from the BERT embedding, which we are not going to (re)train. In order to freeze certain parameters we can set their `requires_grad` attribute to `False`. To do this, we simply loop through all of the `named_parameters` in our model and if they're a part of the `bert` transformer model, we set `requires_grad = False`.")
    freeze = o.get("freeze", True)
    if freeze:
        nb.code("""for name, param in model.named_parameters():
    if name.startswith('bert'):
        param.requires_grad = False""")
    nb.code("""# Q2c: After freezing the BERT weights/biases, print the number of remaining trainable parameters.
print(f'The model has {count_parameters(model):,} trainable parameters')""",
            out=f"The model has {(head if freeze else full):,} trainable parameters\n")
    nb.md("We should now see that our model has under 3M trainable parameters. Still not trivial but manageable.")
    nb.md(heads[2] + "\n\nAll this is now largely standard.\n\nWe will use:\n* the Binary Cross Entropy loss function: `nn.BCEWithLogitsLoss()`\n* the Adam optimizer\n\nand run it for 2 epochs (that should be enough to start getting meaningful results).")
    nb.code("import torch.optim as optim\n\noptimizer = optim.Adam(model.parameters())")
    nb.code("criterion = nn.BCEWithLogitsLoss()")
    nb.code("model = model.to(device)\ncriterion = criterion.to(device)")
    nb.md("Also, define functions for:\n* calculating accuracy.\n* training for a single epoch, and reporting loss/accuracy.\n* performing an evaluation epoch, and reporting loss/accuracy.\n* calculating running times.")
    nb.code(ACC[o.get("acc", "ok")])
    style = o.get("loop_style", "ok")
    nb.code(TRAIN[style])
    nb.code(EVAL[style])
    nb.code(EPOCH_TIME)
    nb.md("We are now ready to train our model.\n\n**Statutory warning**: Training such models will take a very long time since this model is considerably larger than anything we have trained before. Even though we are not training any of the BERT parameters, we still have to make a forward pass. This will take time; each epoch may take upwards of 30 minutes on Colab.\n\n"
          "Let us train for 2 epochs and print train loss/accuracy and validation loss/accuracy for each epoch. Let us also measure running time. \n\nSaving intermediate model checkpoints using  \n\n`torch.save(model.state_dict(),'model.pt')`\n\nmay be helpful with such large models.")
    log = o.get("log")  # list of (mins, secs, trl, tra, vl, va)
    dishonest = o.get("dishonest", set())
    loop = TRAIN_LOOP.format(n=o.get("epochs", 2))
    if "train" in dishonest:
        nb.code(loop, run=False)
    else:
        lines = []
        for i, (m, s, trl, tra, vl, va) in enumerate(log):
            lines.append(f"Epoch: {i+1:02} | Epoch Time: {m}m {s}s\n\tTrain Loss: {trl:.3f} | Train Acc: {tra:.2f}%\n\t Val. Loss: {vl:.3f} |  Val. Acc: {va:.2f}%\n")
        nb.code(loop, out="".join(lines))
    nb.md("Load the best model parameters (measured in terms of validation loss) and evaluate the loss/accuracy on the test set.")
    tl, ta = o["test"]
    if "train" in dishonest:
        nb.code("""model.load_state_dict(torch.load('model.pt'))

test_loss, test_acc = evaluate(model, test_iterator, criterion)

print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')""", run=False)
        nb.md(o["dishonest_train_md"])
    else:
        nb.code("""model.load_state_dict(torch.load('model.pt'))

test_loss, test_acc = evaluate(model, test_iterator, criterion)

print(f'Test Loss: {test_loss:.3f} | Test Acc: {test_acc*100:.2f}%')""", out=f"Test Loss: {tl:.3f} | Test Acc: {ta:.2f}%\n")
    for cell in o.get("after_test_md", []):
        nb.md(cell)
    nb.md(heads[3] + "\n\nWe'll then use the model to test the sentiment of some fake movie reviews. We tokenize the input sentence, trim it down to length=510, add the special start and end tokens to either side, convert it to a `LongTensor`, add a fake batch dimension using `unsqueeze`, and perform inference using our model.")
    nb.code(PREDICT)
    nb.code("# Q4a. Perform sentiment analysis on the following two sentences.", run=False)
    p = o["preds"]
    if "q4" in dishonest:
        nb.md(o["dishonest_q4_md"])
    else:
        nb.code('predict_sentiment(model, tokenizer, "Justice League is terrible. I hated it.")', res=repr(p[0]))
        nb.code('predict_sentiment(model, tokenizer, "Avengers was great!!")', res=repr(p[1]))
        nb.md("Great! Try playing around with two other movie reviews (you can grab some off the internet or make up text yourselves), and see whether your sentiment classifier is correctly capturing the mood of the review.")
        nb.code("# Q4b. Perform sentiment analysis on two other movie review fragments of your choice.", run=False)
        for sent, val in o.get("own", []):
            nb.code(f'predict_sentiment(model, tokenizer, "{sent}")', res=repr(val))
    for cell in o.get("post_md", []):
        nb.md(cell)
    return nb.notebook()


# --------------------------------------------------------------------------------------------
# ViT notebook
# --------------------------------------------------------------------------------------------
VIT_CLASSES = '''def pair(t):
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
        return self.mlp_head(x)'''

VIT_TRAIN = '''def train_epoch(model, optimizer, data_loader, loss_history):
    total_samples = len(data_loader.dataset)
    model.train()

    for i, (data, target) in enumerate(data_loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = F.log_softmax(model(data), dim=1)
        loss = F.nll_loss(output, target)
        loss.backward()
        optimizer.step()

        if i % 100 == 0:
            print('[' +  '{:5}'.format(i * len(data)) + '/' + '{:5}'.format(total_samples) +
                  ' (' + '{:3.0f}'.format(100 * i / len(data_loader)) + '%)]  Loss: ' +
                  '{:6.4f}'.format(loss.item()))
            loss_history.append(loss.item())'''

VIT_EVAL = '''def evaluate(model, data_loader, loss_history):
    model.eval()

    total_samples = len(data_loader.dataset)
    correct_samples = 0
    total_loss = 0

    with torch.no_grad():
        for data, target in data_loader:
            data, target = data.to(device), target.to(device)
            output = F.log_softmax(model(data), dim=1)
            loss = F.nll_loss(output, target, reduction='sum')
            _, pred = torch.max(output, dim=1)

            total_loss += loss.item()
            correct_samples += pred.eq(target).sum()

    avg_loss = total_loss / total_samples
    loss_history.append(avg_loss)
    print('\\nAverage test loss: ' + '{:.4f}'.format(avg_loss) +
          '  Accuracy:' + '{:5}'.format(correct_samples) + '/' +
          '{:5}'.format(total_samples) + ' (' +
          '{:4.2f}'.format(100.0 * correct_samples / total_samples) + '%)\\n')'''


def vit_param_count(dim, depth, heads, mlp, patch, dim_head=64, classes=10, channels=1):
    inner = dim_head * heads
    n = (28 // patch) ** 2
    pe = (channels * patch * patch + 1) * dim
    attn = 2 * dim + dim * inner * 3 + inner * dim + dim
    ff = 2 * dim + dim * mlp + mlp + mlp * dim + dim
    head = 2 * dim + dim * classes + classes
    return pe + (n + 1) * dim + dim + depth * (attn + ff) + head


def vit_notebook(o):
    random.seed(o.get("seed", 1))
    nb = NB(o["colab"])
    for cell in o.get("pre_md", []):
        nb.md(cell)
    nb.md("# Transformers in Computer Vision\n\nTransformer architectures owe their origins in natural language processing (NLP), and indeed form the core of the current state of the art models for most NLP applications.\n\n"
          "We will now see how to develop transformers for processing image data (and in fact, this line of deep learning research has been gaining a lot of attention in 2021). The *Vision Transformer* (ViT) introduced in [this paper](https://arxiv.org/pdf/2010.11929.pdf) shows how standard transformer architectures can perform very well on image. The high level idea is to extract patches from images, treat them as tokens, and pass them through a sequence of transformer blocks before throwing on a couple of dense classification layers at the very end.")
    nb.md("# Setup\n\nAs usual, we start with basic data loading and preprocessing.")
    nb.code("!pip install einops", out="Collecting einops\n  Downloading einops-0.7.0-py3-none-any.whl (44 kB)\n     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 44.6/44.6 kB 1.2 MB/s eta 0:00:00\nInstalling collected packages: einops\nSuccessfully installed einops-0.7.0\n")
    nb.code("""import torch
from torch import nn
from torch import nn, einsum
import torch.nn.functional as F
from torch import optim

from einops import rearrange, repeat
from einops.layers.torch import Rearrange

import numpy as np
import torchvision
import time

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')""")
    dl = ""
    for f, sz in [("train-images-idx3-ubyte", 26421880), ("train-labels-idx1-ubyte", 29515), ("t10k-images-idx3-ubyte", 4422102), ("t10k-labels-idx1-ubyte", 5148)]:
        u = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/%s.gz" % f
        dl += f"Downloading {u}\nDownloading {u} to ./data/FashionMNIST/raw/{f}.gz\n"
        dl += f"100%|██████████| {sz}/{sz} [00:0{random.randint(0, 3)}<00:00, {random.randint(100000, 9999999)}.{random.randint(10, 99)}it/s]\n"
        dl += f"Extracting ./data/FashionMNIST/raw/{f}.gz to ./data/FashionMNIST/raw\n\n"
    nb.code(f"""torch.manual_seed(42)

DOWNLOAD_PATH = './data'
BATCH_SIZE_TRAIN = {o.get('bs', 256)}
BATCH_SIZE_TEST = 1000

transform_mnist = torchvision.transforms.Compose([torchvision.transforms.ToTensor(),
                               torchvision.transforms.Normalize((0.2860,), (0.3530,))])

train_set = torchvision.datasets.FashionMNIST(DOWNLOAD_PATH, train=True, download=True,
                                       transform=transform_mnist)
train_loader = torch.utils.data.DataLoader(train_set, batch_size=BATCH_SIZE_TRAIN, shuffle=True)

test_set = torchvision.datasets.FashionMNIST(DOWNLOAD_PATH, train=False, download=True,
                                      transform=transform_mnist)
test_loader = torch.utils.data.DataLoader(test_set, batch_size=BATCH_SIZE_TEST, shuffle=True)""", out=dl)
    nb.md("# The ViT Model\n\nWe will now set up the ViT model. There will be 3 parts to this model:\n\n* A ``patch embedding'' layer that takes an image and tokenizes it. We will also add learnable positional encodings as parameters.\n* A sequence of transformer blocks.\n* A (dense) classification layer at the end.")
    nb.code(VIT_CLASSES)
    hp = o["hp"]  # dict(patch, depth, heads, dim, mlp)
    mk = f"""model = ViT(image_size=28, patch_size={hp['patch']}, num_classes=10, channels=1,
            dim={hp['dim']}, depth={hp['depth']}, heads={hp['heads']}, mlp_dim={hp['mlp']}).to(device)
optimizer = optim.Adam(model.parameters(), lr={o.get('lr', '0.003')})"""
    if o.get("channel_error"):
        bad = mk.replace(", channels=1", "")
        nb.code(bad, count=None)
        nb.code("""x, y = next(iter(train_loader))
out = model(x.to(device))""", err=("RuntimeError", "mat1 and mat2 shapes cannot be multiplied (12544x16 and 48x64)", tb([
            "\x1b[0;31mRuntimeError\x1b[0m                              Traceback (most recent call last)",
            "Cell \x1b[0;32mIn[9], line 2\x1b[0m\n\x1b[1;32m      1\x1b[0m x, y \x1b[38;5;241m=\x1b[39m \x1b[38;5;28mnext\x1b[39m(\x1b[38;5;28miter\x1b[39m(train_loader))\n\x1b[0;32m----> 2\x1b[0m out \x1b[38;5;241m=\x1b[39m model(x\x1b[38;5;241m.\x1b[39mto(device))\n",
            "File \x1b[0;32m~/miniconda3/envs/dl/lib/python3.10/site-packages/torch/nn/modules/linear.py:114\x1b[0m, in \x1b[0;36mLinear.forward\x1b[0;34m(self, input)\x1b[0m\n\x1b[0;32m--> 114\x1b[0m \x1b[38;5;28;01mreturn\x1b[39;00m F\x1b[38;5;241m.\x1b[39mlinear(\x1b[38;5;28minput\x1b[39m, \x1b[38;5;28mself\x1b[39m\x1b[38;5;241m.\x1b[39mweight, \x1b[38;5;28mself\x1b[39m\x1b[38;5;241m.\x1b[39mbias)\n",
            "\x1b[0;31mRuntimeError\x1b[0m: mat1 and mat2 shapes cannot be multiplied (12544x16 and 48x64)"])))
        nb.md(o.get("fix_note", "forgot channels=1 (FashionMNIST is grayscale)"))
    nb.code(mk)
    npar = vit_param_count(hp["dim"], hp["depth"], hp["heads"], hp["mlp"], hp["patch"])
    nb.code("print('trainable parameters:', sum(p.numel() for p in model.parameters() if p.requires_grad))",
            out=f"trainable parameters: {npar}\n")
    nb.md("# Training and testing")
    nb.code(VIT_TRAIN)
    nb.code(VIT_EVAL)
    accs = o["accs"]
    bs = o.get("bs", 256)
    nbatch = -(-60000 // bs)
    out = ""
    loss = 2.35 + random.uniform(-0.05, 0.1)
    for ep, acc in enumerate(accs, 1):
        out += f"Epoch: {ep}\n"
        for i in range(0, nbatch, 100):
            out += "[" + "{:5}".format(i * bs) + "/" + "{:5}".format(60000) + " (" + "{:3.0f}".format(100 * i / nbatch) + "%)]  Loss: " + "{:6.4f}".format(loss) + "\n"
            target = max(0.12, (100 - acc) / 38 + random.uniform(-0.12, 0.12))
            loss = loss * 0.55 + target * 0.45 + random.uniform(-0.04, 0.04)
        tloss = (100 - acc) / 33.0 + random.uniform(-0.01, 0.02)
        corr = int(round(acc * 100))
        out += "\nAverage test loss: " + "{:.4f}".format(tloss) + "  Accuracy:" + "{:5}".format(corr) + "/" + "{:5}".format(10000) + " (" + "{:4.2f}".format(corr / 100) + "%)\n\n"
    secs = o.get("secs", 412.7)
    out += "Execution time: " + "{:5.2f}".format(secs) + " seconds\n"
    nb.code(f"""N_EPOCHS = {len(accs)}

start_time = time.time()
train_loss_history, test_loss_history = [], []
for epoch in range(1, N_EPOCHS + 1):
    print('Epoch:', epoch)
    train_epoch(model, optimizer, train_loader, train_loss_history)
    evaluate(model, test_loader, test_loss_history)

print('Execution time:', '{{:5.2f}}'.format(time.time() - start_time), 'seconds')""", out=out)
    for cell in o.get("post_md", []):
        nb.md(cell)
    return nb.notebook()
