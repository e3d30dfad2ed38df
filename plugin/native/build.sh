#!/usr/bin/env bash
# Native part of the plugin module, run by Maven (exec-maven-plugin, process-classes phase):
#   1. compiles and runs layout.c, which prints the struct offsets/enum values of the installed headers
#      into target/classes/org/respike/plugin/gst/layout.properties;
#   2. compiles the loader plugin target/gst/libgstrespike.so (replaced only when its bytes change, so
#      the GStreamer registry does not rescan it needlessly);
#   3. writes target/gst/respike.classpath: this module's classes, then every runtime dependency.
# Usage: native/build.sh <module dir> <java home>
set -euo pipefail
module="$1"
java_home="$2"
native="$module/native"
target="$module/target"
mkdir -p "$target/native" "$target/gst" "$target/classes/org/respike/plugin/gst"

pkgs="gstreamer-1.0 gstreamer-base-1.0 gstreamer-video-1.0"
cflags="$(pkg-config --cflags $pkgs)"

gcc -Wall -Werror $cflags "$native/layout.c" -o "$target/native/layout"
"$target/native/layout" > "$target/classes/org/respike/plugin/gst/layout.properties"

gcc -O2 -Wall -Werror -fPIC -shared $(pkg-config --cflags gstreamer-1.0) \
  -I"$java_home/include" -I"$java_home/include/linux" \
  "$native/gstrespike.c" -o "$target/native/libgstrespike.so" \
  $(pkg-config --libs gstreamer-1.0) -ldl -lpthread
if ! cmp -s "$target/native/libgstrespike.so" "$target/gst/libgstrespike.so"; then
  cp "$target/native/libgstrespike.so" "$target/gst/libgstrespike.so"
fi

deps="$(cat "$target/gst/dependencies.classpath")"
echo "$target/classes${deps:+:$deps}" > "$target/gst/respike.classpath.new"
if ! cmp -s "$target/gst/respike.classpath.new" "$target/gst/respike.classpath"; then
  mv "$target/gst/respike.classpath.new" "$target/gst/respike.classpath"
else
  rm "$target/gst/respike.classpath.new"
fi
