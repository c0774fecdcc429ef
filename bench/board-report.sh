#!/usr/bin/env bash
# Times the financial-year board report on a generated database of ten years of records, on SQLite and on a
# throwaway PostgreSQL started here (127.0.0.1, a temporary folder removed afterwards, as test.sh does), beside
# the plain SQL aggregate over the same rows in the same run. Not part of ./test.sh.
#   bench/board-report.sh [records] [iterations] [databases]   (default 1000000, 7 and "sqlite postgres")
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS=${1:-1000000}
ITERATIONS=${2:-7}
DATABASES=${3:-sqlite postgres}
PG_BIN=/usr/lib/postgresql/15/bin
dotnet build bench/Heard.Benchmarks -c Release -v quiet -nologo >/dev/null
run() { dotnet run -c Release --no-build --project bench/Heard.Benchmarks -- board-report "$@" --records "$RECORDS" --iterations "$ITERATIONS"; }

echo "| database | records | period | board report (median) | plain aggregate (median) | ratio |"
echo "|---|---|---|---|---|---|"
case " $DATABASES " in *" sqlite "*) run --provider sqlite ;; esac
case " $DATABASES " in *" postgres "*) ;; *) exit 0 ;; esac

PG_DIR=$(mktemp -d /tmp/heard-bench-pg.XXXXXX)
PG_USER=""
as_pg() { if [ -n "$PG_USER" ]; then (cd "$PG_DIR" && runuser -u "$PG_USER" -- "$@"); else (cd "$PG_DIR" && "$@"); fi; }
stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; }
trap stop EXIT
if [ "$(id -u)" -eq 0 ]; then PG_USER=postgres; chown "$PG_USER:" "$PG_DIR"; fi
as_pg sh -c "echo heard > '$PG_DIR/password'"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U heard --pwfile="$PG_DIR/password" --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >/dev/null
PORT=$((20000 + RANDOM % 20000))
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o \
  "-c listen_addresses=127.0.0.1 -p $PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB -c work_mem=64MB" start >/dev/null
run --provider postgres --connection "Host=127.0.0.1;Port=$PORT;Username=heard;Password=heard;Database=postgres;Command Timeout=600"
