#!/bin/sh
# usage: demo-configuration.sh PRODUCT DEMO_JAR DIR
# Writes into DIR a configuration area for the PitBox product in PRODUCT with the demo fragment added, for
# ./pitbox demo and the product's DemoTest: start the product with -configuration DIR. The product itself, its
# feature and its own configuration stay without the demo.
set -eu
product=$(cd "$1" && pwd)
jar=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
dir=$3
[ -f "$jar" ] || { echo "no demo fragment at $jar: build bundles/org.pitbox.demo" >&2; exit 1; }
mkdir -p "$dir/org.eclipse.equinox.simpleconfigurator"
# p2's data stays the product's, which config.ini finds relative to its own folder
sed "s|^eclipse.p2.data.area=.*|eclipse.p2.data.area=file:$product/p2|" \
  "$product/configuration/config.ini" > "$dir/config.ini"
version=$(cd "$dir" && "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf "$jar" META-INF/MANIFEST.MF \
  && sed -n 's/^Bundle-Version: *//p' META-INF/MANIFEST.MF | tr -d '\r' && rm -r META-INF)
{
  cat "$product/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
  echo "org.pitbox.demo,$version,file:$jar,4,false"
} > "$dir/org.eclipse.equinox.simpleconfigurator/bundles.info"
