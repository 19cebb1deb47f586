#!/bin/sh
# Starts PitBox with the Java on PATH or JAVA_HOME (21 or newer). The native Eclipse launcher is p2-only.
HERE=$(cd "$(dirname "$0")" && pwd)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! "$JAVA" -version >/dev/null 2>&1; then
  echo "PitBox needs Java 21 or newer: install a JDK and set JAVA_HOME." >&2
  exit 1
fi
# SWT on macOS must own the first thread
[ "$(uname)" = Darwin ] && PITBOX_VM_ARGS="-XstartOnFirstThread $PITBOX_VM_ARGS"
# without a D-Bus session (Xvfb, ssh) there is no session manager to tell SWT of a logout; its look-up would only
# print dbus-launch errors
[ "$(uname)" = Linux ] && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ ! -S "${XDG_RUNTIME_DIR:-/nonexistent}/bus" ] &&
  PITBOX_VM_ARGS="-Dorg.eclipse.swt.internal.SessionManagerDBus.disable=true $PITBOX_VM_ARGS"
# JavaCPP (video's FFmpeg) loads native libraries into their bundle's class loader through Runtime.loadLibrary0
PITBOX_VM_ARGS="--add-opens=java.base/java.lang=ALL-UNNAMED $PITBOX_VM_ARGS"
# a stop request for this script reaches the workbench, so it can end a live session cleanly
pid=
exec 3<&0 # background commands otherwise read /dev/null
trap '[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null' TERM INT HUP
# exit status 23 asks for a restart (Window > Plugins > Restart now); the native launcher would loop the same way
while :; do
  "$JAVA" -Dosgi.requiredJavaVersion=21 $PITBOX_VM_ARGS -jar "$HERE"/plugins/org.eclipse.equinox.launcher_*.jar -install "$HERE" "$@" <&3 &
  pid=$!
  # wait returns early when a signal arrives; wait again for the workbench's own exit status
  while wait "$pid"; status=$?; kill -0 "$pid" 2>/dev/null; do :; done
  [ $status = 23 ] || exit $status
done
