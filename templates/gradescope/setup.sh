#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image (Ubuntu base image).
# It installs Python >= 3.11, CPU-only PyTorch and this project from /autograder/source.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y python3 python3-venv python3-pip \
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
PYTHON=python3
if ! python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  apt-get install -y python3.11 python3.11-venv
  PYTHON=python3.11
fi
"$PYTHON" -m venv /autograder/venv
/autograder/venv/bin/pip install --upgrade pip
# The CPU wheels: Gradescope has no GPU, and they are a fraction of the CUDA ones' size.
/autograder/venv/bin/pip install torch torchvision --index-url https://download.pytorch.org/whl/cpu
/autograder/venv/bin/pip install -e /autograder/source/grader-src
