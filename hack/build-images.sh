#!/usr/bin/env bash
# Builds Kubelike's two container images offline, as OCI image-layout tarballs, and optionally
# imports them into a containerd's `k8s.io` namespace (the one its CRI plugin serves).
#
#   hack/build-images.sh OUTDIR [--import SOCKET] [--snapshotter NAME]
#
#   OUTDIR/busybox.oci.tar  kubelike.local/busybox:latest  busybox-static with every applet linked
#                           (sh, httpd, nc, wget, sleep, ...), /etc/passwd and group, /var/www/index.html
#   OUTDIR/pause.oci.tar    kubelike.local/pause:latest    hack/images/pause.c compiled statically: reaps
#                           orphans and exits 0 on SIGTERM. Without gcc, a busybox-based stand-in whose
#                           shell reaps its children and traps SIGTERM.
#
# No registry is reachable here, so nothing is pulled: the rootfs comes from the host's busybox-static.
# The layer tarballs are built with fixed owners and mtimes, so the same inputs give the same digests.
# CC names the C compiler (default gcc); CC=false forces the busybox stand-in.
# Only the tarball names go to stdout; diagnostics go to stderr.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUSYBOX=${BUSYBOX:-/bin/busybox}
CC=${CC:-gcc}
# A fixed mtime makes the layers reproducible.
EPOCH='2024-01-01 00:00Z'

log() { echo "build-images: $*" >&2; }
die() { echo "build-images: error: $*" >&2; exit 1; }
usage() { echo "usage: $0 OUTDIR [--import SOCKET] [--snapshotter NAME]" >&2; exit 2; }

(($# >= 1)) || usage
OUTDIR=$1
shift
IMPORT_SOCKET=""
SNAPSHOTTER=""
while (($# > 0)); do
  case "$1" in
    --import) IMPORT_SOCKET=${2:?}; shift ;;
    --snapshotter) SNAPSHOTTER=${2:?}; shift ;;
    *) usage ;;
  esac
  shift
done

[[ -x $BUSYBOX ]] || die "$BUSYBOX is missing (hack/install-deps.sh installs busybox-static)"
"$BUSYBOX" --list-full >/dev/null 2>&1 || die "$BUSYBOX has no --list-full: it must be busybox-static"

mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)
WORK=$(mktemp -d "$OUTDIR/.build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

sha256() { sha256sum "$1" | cut -d' ' -f1; }
size() { stat -c %s "$1"; }

# Copies a blob into the layout and prints its hex digest.
add_blob() {
  local layout=$1 file=$2 digest
  digest=$(sha256 "$file")
  mkdir -p "$layout/blobs/sha256"
  cp "$file" "$layout/blobs/sha256/$digest"
  echo "$digest"
}

# Packs DIR into a reproducible gzip layer; prints "<diff_id hex> <digest hex> <size>".
make_layer() {
  local rootfs=$1 out=$2
  tar --sort=name --mtime="$EPOCH" --owner=0 --group=0 --numeric-owner -C "$rootfs" -cf "$out.tar" .
  gzip -n -9 -c "$out.tar" >"$out.tar.gz"
  echo "$(sha256 "$out.tar") $(sha256 "$out.tar.gz") $(size "$out.tar.gz")"
}

# write_image NAME REF LAYER_PREFIX CONFIG_FRAGMENT: one single-layer linux/amd64 image as OUTDIR/NAME.oci.tar.
# CONFIG_FRAGMENT is the JSON members of the image's "config" object (Entrypoint/Cmd/...).
write_image() {
  local name=$1 ref=$2 layer=$3 config_fragment=$4
  local layout=$WORK/$name-layout diff_id layer_digest layer_size
  read -r diff_id layer_digest layer_size < "$layer.meta"
  mkdir -p "$layout/blobs/sha256"
  cp "$layer.tar.gz" "$layout/blobs/sha256/$layer_digest"

  local arch
  case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64) arch=arm64 ;;
    *) arch=$(uname -m) ;;
  esac
  printf '{"architecture":"%s","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],%s,"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$arch" "$config_fragment" "$diff_id" >"$WORK/$name-config.json"
  local config_digest config_size
  config_digest=$(add_blob "$layout" "$WORK/$name-config.json")
  config_size=$(size "$WORK/$name-config.json")

  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
    "$config_digest" "$config_size" "$layer_digest" "$layer_size" >"$WORK/$name-manifest.json"
  local manifest_digest manifest_size
  manifest_digest=$(add_blob "$layout" "$WORK/$name-manifest.json")
  manifest_size=$(size "$WORK/$name-manifest.json")

  # ctr imports an OCI archive under the name in io.containerd.image.name.
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"platform":{"architecture":"%s","os":"linux"},"annotations":{"io.containerd.image.name":"%s","org.opencontainers.image.ref.name":"latest"}}]}' \
    "$manifest_digest" "$manifest_size" "$arch" "$ref" >"$layout/index.json"
  printf '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"

  tar --sort=name --mtime="$EPOCH" --owner=0 --group=0 --numeric-owner -C "$layout" -cf "$OUTDIR/$name.oci.tar.tmp" .
  mv "$OUTDIR/$name.oci.tar.tmp" "$OUTDIR/$name.oci.tar"
  log "$ref -> $OUTDIR/$name.oci.tar (manifest sha256:${manifest_digest:0:12})"
  echo "$OUTDIR/$name.oci.tar"
}

# --- busybox rootfs: the static binary plus a link for every applet at its usual path.
rootfs=$WORK/busybox-rootfs
mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,proc,sys,dev,root,var/www,tmp}
chmod 1777 "$rootfs/tmp"
chmod 0700 "$rootfs/root"
cp "$BUSYBOX" "$rootfs/bin/busybox"
chmod 0755 "$rootfs/bin/busybox"
while read -r applet; do
  [[ -n $applet && $applet != bin/busybox ]] || continue
  mkdir -p "$rootfs/$(dirname "$applet")"
  ln -sf /bin/busybox "$rootfs/$applet"
done < <("$BUSYBOX" --list-full)
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
printf '<html><body>kubelike busybox</body></html>\n' >"$rootfs/var/www/index.html"
make_layer "$rootfs" "$WORK/busybox-layer" >"$WORK/busybox-layer.meta"
write_image busybox kubelike.local/busybox:latest "$WORK/busybox-layer" '"Cmd":["sh"]'

# --- pause: a static C program when gcc can build one, else the busybox layer with a shell that reaps and traps.
if command -v "$CC" >/dev/null 2>&1 && "$CC" -Os -static -s -o "$WORK/pause" "$HERE/images/pause.c" 2>"$WORK/gcc.log"; then
  pause_rootfs=$WORK/pause-rootfs
  mkdir -p "$pause_rootfs"
  install -m 0755 "$WORK/pause" "$pause_rootfs/pause"
  make_layer "$pause_rootfs" "$WORK/pause-layer" >"$WORK/pause-layer.meta"
  write_image pause kubelike.local/pause:latest "$WORK/pause-layer" '"Entrypoint":["/pause"]'
else
  log "$CC cannot build a static pause ($(head -c 300 "$WORK/gcc.log" 2>/dev/null || echo "no $CC")); using the busybox stand-in"
  cp "$WORK/busybox-layer.meta" "$WORK/pause-layer.meta"
  cp "$WORK/busybox-layer.tar.gz" "$WORK/pause-layer.tar.gz"
  # The shell waits on a background sleep, so SIGTERM interrupts the wait at once; ash reaps every child it sees exit.
  write_image pause kubelike.local/pause:latest "$WORK/pause-layer" \
    '"Entrypoint":["/bin/sh","-c","trap \"exit 0\" TERM INT; while :; do sleep 2147483647 & wait $!; done"]'
fi

if [[ -n $IMPORT_SOCKET ]]; then
  command -v ctr >/dev/null 2>&1 || die "ctr is missing (hack/install-deps.sh installs containerd)"
  import_opts=()
  [[ -z $SNAPSHOTTER ]] || import_opts+=(--snapshotter "$SNAPSHOTTER")
  for image in busybox pause; do
    ctr -a "$IMPORT_SOCKET" -n k8s.io images import "${import_opts[@]}" "$OUTDIR/$image.oci.tar" >"$WORK/import.log" 2>&1 \
      || { cat "$WORK/import.log" >&2; die "ctr images import $image failed"; }
  done
  log "imported kubelike.local/busybox:latest and kubelike.local/pause:latest into $IMPORT_SOCKET (k8s.io)"
fi
