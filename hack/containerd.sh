#!/usr/bin/env bash
# Kubelike's own containerd: config, start and stop, with everything it owns under one state directory.
# Never the system's containerd service, never its socket or its /var/lib/containerd.
#
#   eval "$(hack/containerd.sh start STATE_DIR [--bridge NAME] [--pod-cidr CIDR] [--cgroup-root NAME]
#                                               [--snapshotter NAME] [--no-images])"
#       writes STATE_DIR/config.toml and a CNI conflist (bridge + host-local IPAM + portmap), starts
#       containerd in the background (its log in STATE_DIR/containerd.log), waits until the CRI plugin
#       answers, builds and imports kubelike.local/busybox:latest and kubelike.local/pause:latest
#       (hack/build-images.sh) and prints export lines:
#         KUBELIKE_CONTAINERD_DIR     the state directory
#         KUBELIKE_CONTAINERD_SOCKET  the CRI/containerd socket (STATE_DIR/containerd.sock)
#         KUBELIKE_CNI_BRIDGE         the bridge pods are attached to (default kubelike0)
#         KUBELIKE_POD_CIDR           the pod subnet (default 10.88.0.0/16)
#         KUBELIKE_CGROUP_ROOT        the cgroupfs parent the runtime's clients put pods under (default kubelike)
#       A second start on a running STATE_DIR only prints those lines.
#   hack/containerd.sh stop STATE_DIR [--delete]
#       kills every task of this containerd, stops it, unmounts what it left under STATE_DIR and
#       undoes its host changes: the bridge and its veths, its portmap iptables rules, empty cgroups
#       under k8s.io and the cgroup root, ip_forward (when no other containerd runs), and the empty
#       directories under /run/containerd it created. STATE_DIR itself (images included) is kept, unless
#       --delete (then it is removed, provided nothing is mounted below it any more).
#   hack/containerd.sh status STATE_DIR   exits 0 when it runs
#
# Two instances can run side by side with different state directories, bridges and pod subnets.
# Runs as root. Only export lines go to stdout; diagnostics go to stderr.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CNI_BIN_DIR=${CNI_BIN_DIR:-/usr/lib/cni}

log() { echo "containerd.sh: $*" >&2; }
die() { echo "containerd.sh: error: $*" >&2; exit 1; }
usage() {
  echo "usage: $0 start STATE_DIR [--bridge NAME] [--pod-cidr CIDR] [--cgroup-root NAME] [--snapshotter NAME] [--no-images]" >&2
  echo "       $0 stop STATE_DIR [--delete] | status STATE_DIR" >&2
  exit 2
}

need_root() { [[ $(id -u) -eq 0 ]] || die "containerd and CNI need root"; }

# The pid of this state directory's containerd when it runs, else nothing.
running_pid() {
  local dir=$1 pid
  [[ -f $dir/containerd.pid ]] || return 0
  pid=$(<"$dir/containerd.pid")
  if [[ -n $pid && -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "--config $dir/config.toml"; then
    echo "$pid"
  fi
}

print_exports() {
  local dir=$1
  # shellcheck disable=SC1091
  source "$dir/containerd.env"
  echo "export KUBELIKE_CONTAINERD_DIR='$dir'"
  echo "export KUBELIKE_CONTAINERD_SOCKET='$SOCKET'"
  echo "export KUBELIKE_CNI_BRIDGE='$BRIDGE'"
  echo "export KUBELIKE_POD_CIDR='$POD_CIDR'"
  echo "export KUBELIKE_CGROUP_ROOT='$CGROUP_ROOT'"
}

# Fails when CIDR overlaps an address or route of the host that is not on BRIDGE.
check_subnet_free() {
  local cidr=$1 bridge=$2 line
  while read -r line; do
    [[ -z $line || $line == default* || $line == *" dev $bridge "* || $line == *" dev $bridge" ]] && continue
    die "pod subnet $cidr overlaps the host route '$line': choose another with --pod-cidr"
  done < <(ip -4 route show root "$cidr" 2>/dev/null; ip -4 route show match "$cidr" 2>/dev/null)
}

write_config() {
  local dir=$1 snapshotter=$2 bridge=$3 cidr=$4
  cat >"$dir/config.toml" <<EOF
# Written by hack/containerd.sh; rewritten on every start.
version = 2
root = "$dir/root"
state = "$dir/state"
temp = "$dir/tmp"
oom_score = 0
# Snapshotters Kubelike does not use: fewer plugins to load.
disabled_plugins = [
  "io.containerd.snapshotter.v1.aufs",
  "io.containerd.snapshotter.v1.btrfs",
  "io.containerd.snapshotter.v1.devmapper",
  "io.containerd.snapshotter.v1.zfs",
]

[grpc]
  address = "$dir/containerd.sock"

[ttrpc]
  address = "$dir/containerd.sock.ttrpc"

[plugins]
  [plugins."io.containerd.internal.v1.opt"]
    path = "$dir/opt"

  [plugins."io.containerd.grpc.v1.cri"]
    sandbox_image = "kubelike.local/pause:latest"
    # Pod network namespaces under $dir/state, not /var/run/netns.
    netns_mounts_under_state_dir = true
    # Required here: without CAP_SYS_RESOURCE the sandbox's oom_score_adj of -998 makes every RunPodSandbox fail.
    restrict_oom_score_adj = true
    # The exec/attach/port-forward stream server: loopback, a free port.
    stream_server_address = "127.0.0.1"
    stream_server_port = "0"

    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = "$CNI_BIN_DIR"
      conf_dir = "$dir/cni/net.d"
      max_conf_num = 1

    [plugins."io.containerd.grpc.v1.cri".containerd]
      snapshotter = "$snapshotter"
      default_runtime_name = "runc"

      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
        runtime_type = "io.containerd.runc.v2"

        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
          # runc's own state under $dir instead of /run/containerd/runc, so two instances never meet.
          Root = "$dir/runc"
          # No systemd here: cgroupfs paths.
          SystemdCgroup = false
EOF

  mkdir -p "$dir/cni/net.d" "$dir/cni/ipam"
  # The network is named after the bridge, so stop can tell this instance's portmap rules from another's.
  cat >"$dir/cni/net.d/10-kubelike.conflist" <<EOF
{
  "cniVersion": "1.0.0",
  "name": "$bridge",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$bridge",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{ "subnet": "$cidr" }]],
        "dataDir": "$dir/cni/ipam"
      }
    },
    { "type": "portmap", "capabilities": { "portMappings": true }, "snat": true }
  ]
}
EOF
}

cmd_start() {
  local dir="" bridge=kubelike0 cidr=10.88.0.0/16 snapshotter=overlayfs cgroup_root=kubelike images=1
  while (($# > 0)); do
    case "$1" in
      --bridge) bridge=${2:?}; shift ;;
      --pod-cidr) cidr=${2:?}; shift ;;
      --snapshotter) snapshotter=${2:?}; shift ;;
      --cgroup-root) cgroup_root=${2:?}; shift ;;
      --no-images) images=0 ;;
      -*) usage ;;
      *) [[ -z $dir ]] || usage; dir=$1 ;;
    esac
    shift
  done
  [[ -n $dir ]] || usage
  need_root
  ((${#bridge} <= 15)) || die "bridge name '$bridge' is longer than 15 characters"
  [[ $cidr =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+/[0-9]+$ ]] || die "--pod-cidr '$cidr' is not an IPv4 CIDR"
  command -v containerd >/dev/null 2>&1 && command -v ctr >/dev/null 2>&1 \
    || die "containerd is not installed (hack/install-deps.sh installs it)"
  command -v runc >/dev/null 2>&1 || die "runc is not installed (hack/install-deps.sh installs it)"
  [[ -x $CNI_BIN_DIR/bridge && -x $CNI_BIN_DIR/host-local && -x $CNI_BIN_DIR/portmap ]] \
    || die "no CNI plugins in $CNI_BIN_DIR (hack/install-deps.sh installs containernetworking-plugins)"

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local socket=$dir/containerd.sock
  # A unix socket path holds at most 107 bytes (the ttrpc one is longer by 6).
  ((${#socket} <= 100)) || die "state directory path too long for a unix socket: $dir"

  if [[ -n $(running_pid "$dir") ]]; then
    log "already running in $dir"
    print_exports "$dir"
    return 0
  fi
  check_subnet_free "$cidr" "$bridge"

  # Host state to restore on stop, recorded once (a restart must not record our own changes).
  [[ -f $dir/host.ip_forward ]] || cat /proc/sys/net/ipv4/ip_forward >"$dir/host.ip_forward"
  if [[ ! -f $dir/host.run_containerd ]]; then
    if [[ -e /run/containerd ]]; then echo existed >"$dir/host.run_containerd"; else echo created >"$dir/host.run_containerd"; fi
  fi

  mkdir -p "$dir/root" "$dir/state" "$dir/tmp" "$dir/opt" "$dir/runc"
  write_config "$dir" "$snapshotter" "$bridge" "$cidr"
  cat >"$dir/containerd.env" <<EOF
SOCKET='$socket'
BRIDGE='$bridge'
POD_CIDR='$cidr'
CGROUP_ROOT='$cgroup_root'
SNAPSHOTTER='$snapshotter'
EOF
  rm -f "$socket" "$socket.ttrpc"
  [[ ! -f $dir/containerd.log ]] || mv -f "$dir/containerd.log" "$dir/containerd.log.1"

  # setsid: its own session, so a terminal's Ctrl-C or the caller's process group does not reach it; no
  # inherited stdout, so `eval "$(... start)"` returns.
  setsid containerd --config "$dir/config.toml" </dev/null >>"$dir/containerd.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/containerd.pid"
  # A start that fails half-way leaves nothing running.
  trap 'cmd_stop "$dir" >/dev/null 2>&1 || true' EXIT

  local deadline=$((SECONDS + 30))
  until ctr -a "$socket" version >/dev/null 2>&1; do
    if [[ ! -d /proc/$pid ]]; then
      tail -n 30 "$dir/containerd.log" >&2
      die "containerd exited during start (log: $dir/containerd.log)"
    fi
    ((SECONDS < deadline)) || { tail -n 30 "$dir/containerd.log" >&2; die "containerd did not answer within 30 s"; }
    sleep 0.05
  done
  if ! ctr -a "$socket" plugins ls 2>/dev/null | awk '$1 == "io.containerd.grpc.v1" && $2 == "cri" && $4 == "ok"' | grep -q .; then
    ctr -a "$socket" plugins ls 2>&1 | grep -i cri >&2 || true
    grep -i 'cri' "$dir/containerd.log" | tail -n 10 >&2 || true
    die "the CRI plugin of containerd did not load (log: $dir/containerd.log)"
  fi
  log "containerd $(containerd --version | awk '{print $3}') pid $pid on $socket (bridge $bridge, pods $cidr)"

  if ((images)); then
    "$HERE/build-images.sh" "$dir/images" --import "$socket" --snapshotter "$snapshotter" >/dev/null
  fi
  trap - EXIT
  print_exports "$dir"
}

# Removes every chain and rule the portmap plugin added for CNI network NAME, then the shared
# CNI-HOSTPORT-* chains once no network's rule is left in them.
clean_portmap() {
  local tool=$1 network=$2 rules chain
  command -v "$tool" >/dev/null 2>&1 || return 0
  rules=$("$tool" -w 5 -t nat -S 2>/dev/null) || return 0
  # Per-pod rules carry the comment 'dnat name: "<network>" id: "<container>"' and jump to a CNI-DN-* chain.
  while read -r line; do
    [[ -n $line ]] || continue
    chain=$(grep -o -- '-j CNI-DN-[0-9a-f]*' <<<"$line" | cut -d' ' -f2 || true)
    # shellcheck disable=SC2086
    eval "$tool -w 5 -t nat ${line/-A /-D }" 2>/dev/null || true
    if [[ -n $chain ]]; then
      "$tool" -w 5 -t nat -F "$chain" 2>/dev/null || true
      "$tool" -w 5 -t nat -X "$chain" 2>/dev/null || true
    fi
  done < <(grep -F -- "name: \\\"$network\\\"" <<<"$rules" | grep -- '^-A ' || true)

  rules=$("$tool" -w 5 -t nat -S 2>/dev/null) || return 0
  if grep -q -- '^-A CNI-HOSTPORT-DNAT ' <<<"$rules"; then
    return 0 # another network still maps host ports
  fi
  local hook
  for hook in PREROUTING OUTPUT; do
    while "$tool" -w 5 -t nat -S "$hook" 2>/dev/null | grep -q -- '-j CNI-HOSTPORT-DNAT'; do
      line=$("$tool" -w 5 -t nat -S "$hook" | grep -- '-j CNI-HOSTPORT-DNAT' | head -n 1)
      eval "$tool -w 5 -t nat ${line/-A /-D }" || break
    done
  done
  while "$tool" -w 5 -t nat -S POSTROUTING 2>/dev/null | grep -q -- '-j CNI-HOSTPORT-MASQ'; do
    line=$("$tool" -w 5 -t nat -S POSTROUTING | grep -- '-j CNI-HOSTPORT-MASQ' | head -n 1)
    eval "$tool -w 5 -t nat ${line/-A /-D }" || break
  done
  for chain in CNI-HOSTPORT-DNAT CNI-HOSTPORT-SETMARK CNI-HOSTPORT-MASQ; do
    "$tool" -w 5 -t nat -F "$chain" 2>/dev/null || true
    "$tool" -w 5 -t nat -X "$chain" 2>/dev/null || true
  done
}

# rmdir, deepest first, every cgroup directory below NAME in each hierarchy; busy ones stay.
clean_cgroups() {
  local name=$1 top
  [[ -n $name && $name != */.. && $name != ../* ]] || return 0
  for top in /sys/fs/cgroup/"$name" /sys/fs/cgroup/*/"$name"; do
    [[ -d $top ]] || continue
    find "$top" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
}

cmd_stop() {
  local dir="" delete=0
  while (($# > 0)); do
    case "$1" in
      --delete) delete=1 ;;
      -*) usage ;;
      *) [[ -z $dir ]] || usage; dir=$1 ;;
    esac
    shift
  done
  [[ -n $dir ]] || usage
  [[ -d $dir ]] || return 0
  dir=$(cd "$dir" && pwd)
  [[ -f $dir/containerd.env ]] || die "$dir is not a containerd.sh state directory (no containerd.env)"
  need_root
  local SOCKET BRIDGE POD_CIDR CGROUP_ROOT SNAPSHOTTER
  # shellcheck disable=SC1091
  source "$dir/containerd.env"

  local pid
  pid=$(running_pid "$dir")
  if [[ -n $pid ]]; then
    # Pods should have been removed through CRI already; whatever still runs is killed here, so that no
    # shim or container outlives its containerd.
    local id ids
    ids=$(ctr -a "$SOCKET" -n k8s.io tasks ls -q 2>/dev/null || true)
    for id in $ids; do
      ctr -a "$SOCKET" -n k8s.io tasks kill -a -s SIGKILL "$id" >/dev/null 2>&1 || true
    done
    for id in $ids; do
      local deadline=$((SECONDS + 10))
      while ((SECONDS < deadline)) && ! ctr -a "$SOCKET" -n k8s.io tasks delete "$id" >/dev/null 2>&1; do
        ctr -a "$SOCKET" -n k8s.io tasks ls -q 2>/dev/null | grep -qx "$id" || break
        sleep 0.1
      done
    done
    for id in $(ctr -a "$SOCKET" -n k8s.io containers ls -q 2>/dev/null || true); do
      ctr -a "$SOCKET" -n k8s.io containers delete "$id" >/dev/null 2>&1 || true
    done
    [[ -z $ids ]] || log "killed $(wc -w <<<"$ids") task(s) still running"

    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 15))
    while [[ -d /proc/$pid ]] && ((SECONDS < deadline)); do sleep 0.05; done
    if [[ -d /proc/$pid ]]; then
      log "containerd $pid ignored SIGTERM for 15 s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while [[ -d /proc/$pid ]]; do sleep 0.05; done
    fi
  fi
  rm -f "$dir/containerd.pid" "$SOCKET" "$SOCKET.ttrpc"

  # Mounts left below the state directory (pod network namespaces, /dev/shm, rootfs overlays): deepest first.
  local mount
  while read -r mount; do
    umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || log "cannot unmount $mount"
  done < <(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/self/mounts | sort -r)

  # Network: the bridge and whatever veths are still attached to it, then the portmap rules.
  if ip link show "$BRIDGE" >/dev/null 2>&1; then
    local veth
    for veth in $(ip -o link show master "$BRIDGE" 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1); do
      ip link del "$veth" 2>/dev/null || true
    done
    ip link del "$BRIDGE" 2>/dev/null || log "cannot delete bridge $BRIDGE"
  fi
  clean_portmap iptables "$BRIDGE"
  clean_portmap ip6tables "$BRIDGE"

  clean_cgroups k8s.io
  clean_cgroups "$CGROUP_ROOT"

  # ip_forward was switched on by the bridge plugin; switch it back only when no other containerd may need it.
  if [[ -f $dir/host.ip_forward ]] && ! pgrep -x containerd >/dev/null 2>&1; then
    cat "$dir/host.ip_forward" >/proc/sys/net/ipv4/ip_forward 2>/dev/null || true
    rm -f "$dir/host.ip_forward"
  fi
  # containerd always puts shim sockets in /run/containerd/s (whatever its state dir). When /run/containerd was
  # ours, remove it once empty; when it belongs to the host's own containerd, leave it alone.
  if [[ $(cat "$dir/host.run_containerd" 2>/dev/null) == created ]]; then
    rmdir /run/containerd/s /run/containerd/fifo 2>/dev/null || true
    rmdir /run/containerd 2>/dev/null || true
  fi
  rm -f "$dir/host.run_containerd"
  log "stopped containerd in $dir"

  if ((delete)); then
    # Never recurse into something still mounted (a pod's hostPath bind mount would lose the host's files).
    if awk -v d="$dir/" 'index($2, d) == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
      die "not deleting $dir: something is still mounted below it"
    fi
    rm -rf --one-file-system "$dir"
  fi
}

cmd_status() {
  local dir=${1:-}
  [[ -n $dir && -d $dir ]] || exit 1
  dir=$(cd "$dir" && pwd)
  [[ -n $(running_pid "$dir") ]]
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  status) shift; cmd_status "$@" ;;
  *) usage ;;
esac
