#!/usr/bin/env bash
# Applies Courier's configure-*.cli scripts to a WildFly installation, offline (embedded CLI).
# Usage: [COURIER_DISPATCH_SESSIONS=N] config/apply.sh WILDFLY_HOME [h2|postgresql] [POSTGRESQL_DRIVER_JAR]
# COURIER_DISPATCH_SESSIONS is the node's concurrent dispatches (unset: configure-dispatch.cli's
# default); the MDB pool, Artemis' client threads and the JmsXA pool are derived from it.
# Every script is re-runnable, so this can be run again after any change or to switch databases.
# Against a running server, run the scripts one by one: jboss-cli.sh -c --file=config/configure-X.cli
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
wildfly_home="$1"
database="${2:-h2}"
driver_jar="${3:-}"

sessions="${COURIER_DISPATCH_SESSIONS:-}"
if [ -n "$sessions" ] && ! [[ "$sessions" =~ ^[1-9][0-9]*$ ]]; then
    echo "COURIER_DISPATCH_SESSIONS must be a positive integer, got '$sessions'" >&2; exit 2
fi

case "$database" in
    h2|postgresql) ;;
    *) echo "unknown database '$database' (h2 or postgresql)" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

{
    echo "embed-server --server-config=standalone-full.xml --std-out=discard"
    for concern in web transactions messaging dispatch "datasource-$database"; do
        cat "$here/configure-$concern.cli"
        echo
    done
    echo "stop-embedded-server"
} > "$work/apply.cli"
{
    echo "courier.postgresql.jar=$driver_jar"
    if [ -n "$sessions" ]; then
        # The same headroom as configure-dispatch.cli's defaults (see there).
        echo "courier.cli.sessions=$sessions"
        echo "courier.cli.client-threads=$((sessions + 96))"
        echo "courier.cli.jmsxa-pool=$((sessions + 36))"
    fi
} > "$work/cli.properties"

"$wildfly_home/bin/jboss-cli.sh" --file="$work/apply.cli" --properties="$work/cli.properties"
echo "Courier configuration ($database, ${sessions:-default} dispatch sessions) applied to $wildfly_home"
