#!/usr/bin/env bash
# Installs the Debian packages that building, running and testing need; quick when all are present.
set -euo pipefail
packages=(
  # Java build and the native loader
  openjdk-17-jdk-headless maven gcc pkg-config fonts-dejavu-core
  # GStreamer runtime, codecs, headers, RTSP server for the reconnect tests
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav gstreamer1.0-rtsp
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstrtspserver-1.0-dev
  # Model recipe (PyTorch from Debian) and its tests and plots
  python3-torch python3-onnx python3-numpy python3-pytest python3-matplotlib libopenblas0-pthread
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
