#!/usr/bin/env bash
# Installs the rocketmq-client feature into a fresh Apache Karaf 4.4 and checks that every bundle of it is Active,
# then installs the component bundle and lists what it still misses (only Camel packages, until a Camel Karaf
# release of Camel 4.18 or later exists). Not part of the build: it downloads Karaf and takes a few minutes.
#
#   mvn -B -pl camel-rocketmq-tx-karaf -am package -DskipTests
#   bash camel-rocketmq-tx-karaf/src/test/karaf/install-in-karaf.sh
set -euo pipefail

KARAF_VERSION=${KARAF_VERSION:-4.4.8}
SSH_PORT=${SSH_PORT:-28101}
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
WORK=$ROOT/camel-rocketmq-tx-karaf/target/karaf-check
FEATURES=$ROOT/camel-rocketmq-tx-karaf/target/feature/features.xml
COMPONENT=$(ls "$ROOT"/camel-rocketmq-tx/target/camel-rocketmq-tx-*.jar | head -1)
rm -rf "$WORK" && mkdir -p "$WORK"

mvn -B -q dependency:copy -Dartifact=org.apache.karaf:apache-karaf:$KARAF_VERSION:tar.gz -DoutputDirectory="$WORK"
tar xzf "$WORK/apache-karaf-$KARAF_VERSION.tar.gz" -C "$WORK"
KARAF=$WORK/apache-karaf-$KARAF_VERSION

# The descriptor without the Camel Karaf repository (no release for Camel 4.18 or later yet) and without the feature that
# needs it, so that the RocketMQ client feature can be installed on its own.
python3 - "$FEATURES" "$WORK/rocketmq-client-features.xml" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
text = re.sub(r'\s*<repository>.*?</repository>', '', text)
text = re.sub(r'\s*<feature name="camel-rocketmq-tx".*?<bundle>.*?</bundle>\s*</feature>', '', text, flags=re.S)
open(sys.argv[2], 'w').write(text)
PY

# Own ports, a login for the client, Maven artifacts from the local repository first.
sed -i "s/^sshPort = 8101/sshPort = $SSH_PORT/" "$KARAF/etc/org.apache.karaf.shell.cfg"
sed -i "s/^rmiRegistryPort = 1099/rmiRegistryPort = $((SSH_PORT + 1))/; s/^rmiServerPort = 44444/rmiServerPort = $((SSH_PORT + 2))/" \
    "$KARAF/etc/org.apache.karaf.management.cfg"
sed -i 's/^#karaf = karaf,_g_:admingroup/karaf = karaf,_g_:admingroup/; s/^#_g_\\:admingroup/_g_\\:admingroup/' \
    "$KARAF/etc/users.properties"
echo "org.ops4j.pax.url.mvn.localRepository=$WORK/m2" >> "$KARAF/etc/org.ops4j.pax.url.mvn.cfg"
echo "org.ops4j.pax.url.mvn.defaultRepositories=file:$HOME/.m2/repository@id=local" >> "$KARAF/etc/org.ops4j.pax.url.mvn.cfg"

"$KARAF/bin/karaf" server > "$WORK/server.out" 2>&1 &
KARAF_PID=$!
trap 'kill $(pgrep -P $KARAF_PID java) 2>/dev/null || true' EXIT

shell() {
    printf '%s\n' "$@" | "$KARAF/bin/client" -a "$SSH_PORT" -u karaf -p karaf -r 60 -d 5 -b 2>/dev/null \
        | sed 's/\x1b\[[0-9;]*m//g'
}

until grep -q "Deployment finished" "$KARAF/data/log/karaf.log" 2>/dev/null; do sleep 5; done
shell "feature:repo-add file:$WORK/rocketmq-client-features.xml" "feature:install rocketmq-client" >/dev/null
shell "bundle:list -t 0 -s" > "$WORK/bundles.txt"
echo "RocketMQ client bundles:"
grep -E "rocketmq|netty|fastjson|opentelemetry" "$WORK/bundles.txt"
if grep -E "rocketmq|netty|fastjson|opentelemetry" "$WORK/bundles.txt" | grep -v " Active "; then
    echo "FAILED: bundles above are not Active" >&2
    exit 1
fi

echo "Component bundle, requirements still missing:"
shell "bundle:install file:$COMPONENT" >/dev/null
shell "bundle:diag dev.rocketmqtx.camel-rocketmq-tx" | grep -o "osgi.wiring.package=[a-zA-Z0-9_.]*" | sort -u
