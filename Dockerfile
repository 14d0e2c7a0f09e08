# Tensor Playground in one container: CPU-only torch, the exact pins of requirements.txt, a non-root user.
# Build: docker build -t tensor-playground .   Run: docker run -p 8501:8501 tensor-playground
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# torch first, from PyTorch's CPU index: the PyPI wheel of the same version drags in several GB of CUDA libraries.
# The pin must equal requirements.txt's (tests/test_deploy_files.py checks it); 2.13.0+cpu then satisfies
# torch==2.13.0 there, so the second install keeps it. --no-deps: torch's own dependencies come with the rest, from
# PyPI, at the versions deploy/constraints.txt pins (the CPU index does not carry every version of them).
RUN pip install --no-deps torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY requirements.txt deploy/constraints.txt ./
RUN pip install -r requirements.txt -c constraints.txt

# A fixed numeric uid, so Kubernetes' runAsNonRoot can check it (deploy/k8s/deployment.yaml).
RUN useradd --create-home --uid 10001 --user-group app
COPY --chown=10001:10001 . .
USER 10001:10001

EXPOSE 8501
# The slim image has no curl: ask the health endpoint with Python itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

CMD ["python", "-m", "streamlit", "run", "app.py", "--server.headless=true", "--server.address=0.0.0.0", \
     "--server.port=8501", "--browser.gatherUsageStats=false"]
