#!/usr/bin/env bash
# Installs and starts a PostgreSQL server for the store's contract tests on a fresh Debian machine (run as root).
# Idempotent: safe when postgres is already installed, running, or the role and database already exist.
# Progress goes to stderr; the last line on stdout is `export SITREP_TEST_DATABASE_URL=…`, so CI can
#   eval "$(scripts/ci-postgres.sh | tail -n 1)"
set -euo pipefail

PGUSER_NAME="${SITREP_PG_USER:-sitrep}"
PGPASS="${SITREP_PG_PASSWORD:-sitrep}"
PGDB="${SITREP_PG_DB:-sitrep}"
PGHOST=127.0.0.1

log() { echo "ci-postgres: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
  echo "ci-postgres: run this as root (it installs and starts the postgresql package)." >&2
  exit 1
fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y postgresql >&2
fi

# The Debian package creates a cluster on install; create one if a minimal image skipped it.
if [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  log "creating cluster $VERSION/main"
  pg_createcluster "$VERSION" main >&2
fi

read -r VERSION CLUSTER PORT STATUS _ < <(pg_lsclusters -h | head -n 1)
if [ "$STATUS" != online ]; then
  log "starting cluster $VERSION/$CLUSTER"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2 || service postgresql start >&2
fi

# Wait until the server accepts connections (a fresh start takes a moment).
for _ in $(seq 1 60); do
  if su postgres -c "pg_isready -q -h $PGHOST -p $PORT"; then break; fi
  sleep 0.5
done
su postgres -c "pg_isready -h $PGHOST -p $PORT" >&2

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -p $PORT $*"; }

if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$PGUSER_NAME'\"")" != 1 ]; then
  log "creating role $PGUSER_NAME"
  psql_admin "-c \"CREATE ROLE $PGUSER_NAME LOGIN PASSWORD '$PGPASS'\"" >&2
else
  psql_admin "-c \"ALTER ROLE $PGUSER_NAME LOGIN PASSWORD '$PGPASS'\"" >&2
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$PGDB'\"")" != 1 ]; then
  log "creating database $PGDB"
  psql_admin "-c \"CREATE DATABASE $PGDB OWNER $PGUSER_NAME\"" >&2
fi

URL="postgres://$PGUSER_NAME:$PGPASS@$PGHOST:$PORT/$PGDB"
# Check the URL really works with a password over TCP, as the tests will connect.
PGPASSWORD="$PGPASS" psql -qAt -h "$PGHOST" -p "$PORT" -U "$PGUSER_NAME" -d "$PGDB" -c 'SELECT 1' >/dev/null
log "ready at $PGHOST:$PORT"
echo "export SITREP_TEST_DATABASE_URL=$URL"
