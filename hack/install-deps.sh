#!/usr/bin/env bash
# Installs the Debian packages Kubelike needs, only those that are missing.
#
#   hack/install-deps.sh              # the default list below
#   hack/install-deps.sh pkg1 pkg2    # these packages instead
#
# Idempotent: `apt-get update` and `apt-get install` run only when dpkg says a package
# is missing, so a second run does nothing. Runs as root, or through sudo when not root.
# Prints one line per action.
set -euo pipefail

# The packages the project needs. Add a package by adding it to this line.
# containerd, runc, CNI plugins, busybox-static (the offline images) and iptables (portmap) run the node's pods.
DEFAULT_PACKAGES=(postgresql containerd runc containernetworking-plugins busybox-static iptables)

log() { echo "install-deps: $*"; }
die() { echo "install-deps: error: $*" >&2; exit 1; }

if (($# > 0)); then
  packages=("$@")
else
  packages=("${DEFAULT_PACKAGES[@]}")
fi

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "not root and sudo is not available; cannot run: $*"
  fi
}

is_installed() {
  [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true) == installed ]]
}

missing=()
present=()
for pkg in "${packages[@]}"; do
  if is_installed "$pkg"; then present+=("$pkg"); else missing+=("$pkg"); fi
done

if ((${#missing[@]} == 0)); then
  log "all present: ${present[*]}"
else
  # Wait for a dpkg lock held by another apt run instead of failing at once.
  apt_opts=(-o DPkg::Lock::Timeout=300)
  log "apt-get update (missing: ${missing[*]})"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update -qq
  log "apt-get install ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq \
    --no-install-recommends "${missing[@]}"
  for pkg in "${missing[@]}"; do
    is_installed "$pkg" || die "$pkg is still not installed after apt-get install"
  done
fi

# Package-specific checks.
for pkg in "${packages[@]}"; do
  case "$pkg" in
    postgresql)
      # hack/pg-test.sh and the embedded store need initdb/pg_ctl, and the postgres user to run them as.
      compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
        || die "postgresql is installed but no /usr/lib/postgresql/*/bin/initdb exists"
      compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null \
        || die "postgresql is installed but no /usr/lib/postgresql/*/bin/pg_ctl exists"
      if ! id -u postgres >/dev/null 2>&1; then
        log "creating system user postgres"
        as_root useradd --system --user-group --home-dir /var/lib/postgresql \
          --shell /bin/bash --comment "PostgreSQL administrator" postgres
      fi
      ;;
    containernetworking-plugins)
      # Debian installs the CNI plugins in /usr/lib/cni (not /opt/cni/bin); hack/containerd.sh points containerd there.
      for plugin in bridge host-local portmap loopback; do
        [[ -x /usr/lib/cni/$plugin ]] || die "containernetworking-plugins is installed but /usr/lib/cni/$plugin is missing"
      done
      ;;
    busybox-static)
      /bin/busybox --list-full >/dev/null 2>&1 || die "/bin/busybox is not busybox-static (no --list-full)"
      ;;
  esac
done
