#!/bin/sh
# Builds the services' base image without a container engine or a registry: a jlink'ed Java
# runtime from the JDK that runs the build, the glibc libraries it links against, a non-root user,
# /tmp and a data folder, written as a `docker save` tarball that Jib reads as from.image=tar://...
#
#   deploy/java-runtime-image.sh JDK_HOME OUT_DIR      ->  OUT_DIR/image.tar
#
# The root pom runs it once per build (profile offline-base-image, Linux hosts only). It is skipped
# when its inputs (this script, the JDK's release file) are unchanged. POSIX sh, GNU tar, ldd.
set -eu
# Modes in the image must not depend on the builder's umask: uid 65532 reads every file.
umask 022

JDK=${1:?usage: java-runtime-image.sh JDK_HOME OUT_DIR}
OUT=${2:?usage: java-runtime-image.sh JDK_HOME OUT_DIR}
TAG=dms/java-runtime:25
# The same folder as the eclipse-temurin images, so PATH and JAVA_HOME hold for either base.
JAVA_DIR=opt/java/openjdk
# What jdeps finds in the four services' class paths (Micronaut, Netty, Kafka, Debezium, jOOQ,
# Hikari, Lettuce: java.se covers java.sql, java.naming, java.management, java.desktop for
# java.beans, ...), plus what is only loaded reflectively or by service lookup: crypto providers,
# extra charsets, DNS naming, socket options Netty and Kafka use, jcmd/JFR for operators.
MODULES=java.se,jdk.attach,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.jcmd,\
jdk.jfr,jdk.management,jdk.management.agent,jdk.management.jfr,jdk.naming.dns,jdk.net,\
jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs
USER_ID=65532

[ -x "$JDK/bin/jlink" ] || { echo "java-runtime-image: no jlink in $JDK" >&2; exit 1; }
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
inputs="$(cat "$JDK/release") $(cksum < "$0") $(uname -m) $(ldd --version | head -n 1)"
if [ -f "$OUT/image.tar" ] && [ "$(cat "$OUT/inputs" 2>/dev/null)" = "$inputs" ]; then
  echo "java-runtime-image: $OUT/image.tar is up to date"
  exit 0
fi

case $(uname -m) in
  x86_64) ARCH=amd64 ;;
  aarch64|arm64) ARCH=arm64 ;;
  *) echo "java-runtime-image: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

ROOTFS=$OUT/rootfs
rm -rf "$ROOTFS" "$OUT/image.tar" "$OUT/layer.tar" "$OUT/inputs"
mkdir -p "$ROOTFS/opt/java"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --output "$ROOTFS/$JAVA_DIR"

# Shared libraries, each at the path the loader resolved on this host (Debian: /lib/<triplet>/),
# copied as files. The desktop-only natives (X11, ALSA) are never loaded by a headless server.
copy_lib() {
  mkdir -p "$ROOTFS$(dirname "$1")"
  cp -L "$1" "$ROOTFS$1"
}
libs=$(for f in "$ROOTFS/$JAVA_DIR/bin/java" "$ROOTFS/$JAVA_DIR/lib/server/libjvm.so" "$ROOTFS/$JAVA_DIR"/lib/*.so; do
    case $(basename "$f") in libawt_xawt.so|libjawt.so|libsplashscreen.so|libjsound.so) continue ;; esac
    ldd "$f" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'
  done | sort -u)
[ -n "$libs" ] || { echo "java-runtime-image: ldd found no libraries" >&2; exit 1; }
for lib in $libs; do
  case $lib in "$ROOTFS"*) continue ;; esac # the runtime's own, found through $ORIGIN
  copy_lib "$lib"
done
# glibc loads libgcc_s at run time (thread cancellation, backtraces); ldd cannot see that.
libc_dir=$(dirname "$(echo "$libs" | grep '/libc\.so\.6$' | head -n 1)")
[ -f "$libc_dir/libgcc_s.so.1" ] && copy_lib "$libc_dir/libgcc_s.so.1"

# A non-root user (the distroless convention, 65532) and name lookups through files then DNS;
# glibc 2.34+ has the files and dns NSS modules built in.
mkdir -p "$ROOTFS/etc" "$ROOTFS/home/nonroot" "$ROOTFS/tmp" "$ROOTFS/var/lib/dms"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:%s:%s:nonroot:/home/nonroot:/sbin/nologin\n' \
  "$USER_ID" "$USER_ID" > "$ROOTFS/etc/passwd"
printf 'root:x:0:\nnonroot:x:%s:\n' "$USER_ID" > "$ROOTFS/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$ROOTFS/etc/nsswitch.conf"
chmod 644 "$ROOTFS/etc/passwd" "$ROOTFS/etc/group" "$ROOTFS/etc/nsswitch.conf"
# /tmp, and /var/lib/dms for volumes (Streams state): writable by whatever uid the image runs as,
# because a named volume takes the mode of the folder it is mounted over.
chmod 1777 "$ROOTFS/tmp" "$ROOTFS/var/lib/dms"
chmod 755 "$ROOTFS/home/nonroot"

# One layer, byte-for-byte reproducible: sorted names, fixed times, root-owned.
(cd "$ROOTFS" && tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$OUT/layer.tar" .)
diff_id=sha256:$(sha256sum "$OUT/layer.tar" | cut -d ' ' -f 1)
java_version=$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JDK/release")
cat > "$OUT/config.json" <<JSON
{"architecture":"$ARCH","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/$JAVA_DIR/bin:/usr/bin:/bin","JAVA_HOME=/$JAVA_DIR","LANG=C.UTF-8","JAVA_VERSION=$java_version"],
           "User":"$USER_ID:$USER_ID","WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/java-runtime-image.sh: jlink $java_version + glibc"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["%s"],"Layers":["layer.tar"]}]\n' "$TAG" > "$OUT/manifest.json"
(cd "$OUT" && tar --mtime=@0 --owner=0 --group=0 --numeric-owner -cf image.tar manifest.json config.json layer.tar)
rm -rf "$OUT/layer.tar" "$ROOTFS"
echo "$inputs" > "$OUT/inputs"
echo "java-runtime-image: $OUT/image.tar ($TAG, Java $java_version, $(du -h "$OUT/image.tar" | cut -f 1))"
