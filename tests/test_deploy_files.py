"""The deployment files, checked without a Docker engine or a cluster: the Dockerfile's pins, user, port and health
check against requirements.txt, and the Kubernetes manifests against the API schemas kubernetes-validate ships
(offline)."""

import copy
import re
import shlex
from pathlib import Path

import kubernetes_validate as kv
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
K8S = ROOT / "deploy" / "k8s"
HEALTH = "/_stcore/health"
PORT = 8501


def _instructions() -> list[tuple[str, str]]:
    """The Dockerfile as (INSTRUCTION, arguments), continuation lines joined and comments dropped."""
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines()]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines if line and line[0] != "#"]


def _all(name: str) -> list[str]:
    return [args for instruction, args in _instructions() if instruction == name]


def _pins(path: Path) -> dict[str, str]:
    """name -> version of every `name==version` line (names lowercased, `_` as `-`)."""
    pins = {}
    for line in path.read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.strip().split("==")
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_base_image_is_python_311_slim():
    assert _all("FROM") == ["python:3.11-slim"]


def test_torch_comes_from_the_cpu_index_at_the_requirements_pin():
    torch_pin = _pins(ROOT / "requirements.txt")["torch"]
    runs = [shlex.split(args) for args in _all("RUN")]
    torch_installs = [words for words in runs if any(w.startswith("torch==") for w in words)]
    assert len(torch_installs) == 1
    words = torch_installs[0]
    assert f"torch=={torch_pin}" in words
    assert words[words.index("--index-url") + 1] == "https://download.pytorch.org/whl/cpu"


def test_the_rest_is_requirements_txt_under_the_full_constraints():
    assert any(shlex.split(args)[-2:] == ["-c", "constraints.txt"] and "requirements.txt" in args
               for args in _all("RUN"))
    assert any("deploy/constraints.txt" in args and "requirements.txt" in args for args in _all("COPY"))


def test_constraints_pin_every_requirement_at_the_same_version():
    required = _pins(ROOT / "requirements.txt")
    locked = _pins(ROOT / "deploy" / "constraints.txt")
    for name, version in required.items():
        assert locked[name].split("+")[0] == version, name  # torch's lock carries the CPU build's +cpu
    assert locked["torch"] == f"{required['torch']}+cpu"
    assert not [name for name in locked if name.startswith("nvidia-")], "a CUDA library slipped into the lock"


def test_runs_as_a_numeric_non_root_user():
    users = _all("USER")
    assert users, "no USER: the container would run as root"
    uid = users[-1].split(":")[0]
    assert uid.isdigit() and int(uid) != 0  # numeric, so Kubernetes' runAsNonRoot can check it
    deployment = _load(K8S / "deployment.yaml")[0]
    assert deployment["spec"]["template"]["spec"]["securityContext"]["runAsUser"] == int(uid)


def test_port_healthcheck_and_headless_command():
    assert _all("EXPOSE") == [str(PORT)]
    healthcheck = _all("HEALTHCHECK")
    assert len(healthcheck) == 1 and f"127.0.0.1:{PORT}{HEALTH}" in healthcheck[0]
    command = " ".join(_all("CMD"))
    for flag in ("--server.headless=true", f"--server.port={PORT}", "--server.address=0.0.0.0",
                 "--browser.gatherUsageStats=false"):
        assert flag in command


def test_dockerignore_keeps_what_the_build_copies():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for needed in ("requirements.txt", "deploy/constraints.txt", "app.py", "core", "app_pages", "components",
                   ".streamlit"):
        assert needed not in ignored and not any(needed.startswith(p + "/") for p in ignored), needed
    assert ".git" in ignored and "tests" in ignored


def _load(path: Path) -> list[dict]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def _manifests() -> list[dict]:
    return [doc for name in ("deployment.yaml", "service.yaml", "ingress.yaml") for doc in _load(K8S / name)]


def test_manifests_match_the_kubernetes_schemas():
    kinds = []
    for doc in _manifests():
        kv.validate(doc, kv.latest_version(), strict=True)  # raises on an unknown or mistyped field
        kinds.append(doc["kind"])
    assert sorted(kinds) == ["Deployment", "Ingress", "Service"]


def test_the_schema_check_does_catch_a_mistake():
    deployment = copy.deepcopy(_load(K8S / "deployment.yaml")[0])
    deployment["spec"]["replica"] = 2  # misspelt
    with pytest.raises(kv.ValidationError):
        kv.validate(deployment, kv.latest_version(), strict=True)


def test_kustomization_lists_every_manifest():
    kustomization = _load(K8S / "kustomization.yaml")[0]
    assert sorted(kustomization["resources"]) == ["deployment.yaml", "ingress.yaml", "service.yaml"]


def test_two_replicas_probed_on_the_health_endpoint_with_resources():
    deployment = _load(K8S / "deployment.yaml")[0]
    assert deployment["spec"]["replicas"] == 2
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["ports"][0]["containerPort"] == PORT
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert container[probe]["httpGet"]["path"] == HEALTH
    assert {"requests", "limits"} <= set(container["resources"])


def test_ingress_pins_a_browser_to_one_pod_by_cookie():
    ingress = _load(K8S / "ingress.yaml")[0]
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600  # websockets idle for long
    service = _load(K8S / "service.yaml")[0]
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == service["metadata"]["name"]
    assert backend["port"]["name"] in [port["name"] for port in service["spec"]["ports"]]
