#!/usr/bin/env bash
# Runs once when the postgres container initialises its data directory (docker-entrypoint-initdb.d).
# Debezium's logical-replication connection needs its own pg_hba line; the image only adds `host all`.
set -euo pipefail
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
