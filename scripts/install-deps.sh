#!/usr/bin/env bash
# Installs the Debian packages that running (./respike) or testing (scripts/test) needs; quick when all
# are present.   scripts/install-deps.sh run|test
set -euo pipefail
run=(
  # Java build and the native loader
  openjdk-17-jdk-headless maven gcc pkg-config fonts-dejavu-core
  # GStreamer runtime, codecs, headers
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev
)
test=(
  "${run[@]}"
  # RTSP server for the camera and reconnect tests
  gstreamer1.0-rtsp libgstrtspserver-1.0-dev
  # MQTT broker and test certificates for the event publishing tests (Kafka comes from Maven)
  mosquitto openssl
  # Model recipe (PyTorch from Debian) and its tests
  python3-torch python3-onnx python3-numpy python3-pytest python3-matplotlib libopenblas0-pthread
  # Photographs for the renderer's textures (the sample images of scikit-image)
  python3-skimage
)
case "${1:-test}" in
  run) packages=("${run[@]}") ;;
  test) packages=("${test[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
