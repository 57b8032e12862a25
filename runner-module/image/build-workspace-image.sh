#!/usr/bin/env bash
# Builds the default IDE workspace image locally, without any registry: a minimal Debian root filesystem made with
# debootstrap, a non-root user "coder" (uid/gid 1000) whose home is the workspace folder /workspace, imported with
# `docker import`. Skips the build when the tag already exists (pass --force to rebuild).
#   usage: build-workspace-image.sh [--force] [TAG]     (default TAG: cloudworkspace/workspace:1)
# Needs root, debootstrap and a Docker engine. DEBIAN_MIRROR and DEBIAN_SUITE choose the source (default: bookworm
# from deb.debian.org).
set -euo pipefail

force=false
if [ "${1:-}" = "--force" ]; then
  force=true
  shift
fi
tag="${1:-cloudworkspace/workspace:1}"
suite="${DEBIAN_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if ! $force && docker image inspect "$tag" >/dev/null 2>&1; then
  echo "Image $tag exists; not rebuilding (use --force)."
  exit 0
fi

rootfs="$(mktemp -d /tmp/workspace-rootfs.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT
echo "Building $tag from Debian $suite (debootstrap --variant=minbase) ..."
debootstrap --variant=minbase --include=procps,less,nano,ca-certificates "$suite" "$rootfs" "$mirror" >/dev/null

# The workspace user: uid/gid 1000, home and working folder /workspace (the persistent volume is mounted there; Docker
# copies this folder's ownership into a new, empty volume).
echo 'coder:x:1000:1000:Workspace user:/workspace:/bin/bash' >>"$rootfs/etc/passwd"
echo 'coder:x:1000:' >>"$rootfs/etc/group"
echo 'coder:*:19000:0:99999:7:::' >>"$rootfs/etc/shadow"
mkdir -p "$rootfs/workspace"
cp "$rootfs/etc/skel/.bashrc" "$rootfs/etc/skel/.profile" "$rootfs/workspace/" 2>/dev/null || true
cat >"$rootfs/workspace/README.md" <<'README'
# Your workspace

Files in this folder are kept when the workspace stops. Open a terminal to run commands.
README
chown -R 1000:1000 "$rootfs/workspace"
chmod 0755 "$rootfs/workspace"
# Keep the image small: no package lists or caches.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/*

tar --numeric-owner -C "$rootfs" -c . | docker import \
  -c 'USER 1000:1000' -c 'WORKDIR /workspace' -c 'ENV HOME=/workspace LANG=C.UTF-8 TERM=xterm-256color' \
  -c 'CMD ["/bin/sleep","infinity"]' -m "Cloud Workspace IDE image ($suite minbase)" - "$tag" >/dev/null
echo "Built $tag"
