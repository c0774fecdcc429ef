#!/usr/bin/env bash
# Runs Heard's tests and ends with one line, "N passed, N failed".
#
#   ./test.sh                       everything: domain; application and web on SQLite and PostgreSQL; browser
#   ./test.sh --only domain         one suite (domain, application, web, browser); repeat --only for more
#   ./test.sh --no-postgres         skip the PostgreSQL runs (and the throwaway server)
#   ./test.sh --no-browser          skip the browser tests (and Chromium)
#   ./test.sh --filter Easter       passed to dotnet test --filter (xunit: a name fragment or an expression)
#
# It installs what is missing (Debian's chromium, npm packages, dotnet tools), starts a throwaway PostgreSQL
# on 127.0.0.1, builds once, runs each suite with a TRX report under TestResults/, and sums the reports.
# Exit code 0 only if every suite ran and nothing failed.
set -euo pipefail
cd "$(dirname "$0")"

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; }

ONLY=()
POSTGRES=1
BROWSER=1
FILTER=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) [ $# -ge 2 ] || { usage >&2; exit 2; }; ONLY+=("$2"); shift 2 ;;
    --only=*) ONLY+=("${1#--only=}"); shift ;;
    --no-postgres) POSTGRES=0; shift ;;
    --no-browser) BROWSER=0; shift ;;
    --filter) [ $# -ge 2 ] || { usage >&2; exit 2; }; FILTER=(--filter "$2"); shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "test.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for suite in "${ONLY[@]}"; do
  case "$suite" in domain|application|web|browser) ;; *) echo "test.sh: no suite '$suite' (domain, application, web, browser)" >&2; exit 2 ;; esac
done

wanted() { # suite name -> true if this run includes it
  if [ "$1" = browser ] && [ "$BROWSER" = 0 ]; then return 1; fi
  [ ${#ONLY[@]} -eq 0 ] && return 0
  local suite
  for suite in "${ONLY[@]}"; do [ "$suite" = "$1" ] && return 0; done
  return 1
}

# The plan: one line per run, "name project provider".
RUNS=()
wanted domain && RUNS+=("domain tests/Heard.Domain.Tests sqlite")
for suite in application web; do
  if wanted "$suite"; then
    project="tests/Heard.${suite^}.Tests"
    RUNS+=("$suite-sqlite $project sqlite")
    [ "$POSTGRES" = 1 ] && RUNS+=("$suite-postgres $project postgres")
  fi
done
wanted browser && RUNS+=("browser tests/Heard.Browser.Tests sqlite")
[ ${#RUNS[@]} -gt 0 ] || { echo "test.sh: those options leave nothing to run" >&2; exit 2; }
needs() { printf '%s\n' "${RUNS[@]}" | grep -q "$1"; }

CONFIGURATION=Release
RESULTS="$PWD/TestResults"
export HEARD_TEST_ARTIFACTS="$PWD/.test-artifacts"
# The machine reaches package registries only: nothing may try to fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No build servers left running after the script ends (MSBuild nodes, the compiler server): a run leaves
# nothing behind, and CI's end is the script's end.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
export DEBIAN_FRONTEND=noninteractive

rm -rf "$RESULTS" "$HEARD_TEST_ARTIFACTS"
mkdir -p "$RESULTS"
LOG="$RESULTS/setup.log"
: >"$LOG"

STARTED=$SECONDS
step() { printf '==> %s\n' "$*"; }
# Runs a setup command quietly; on failure shows what it said and stops.
quietly() {
  if ! "$@" >>"$LOG" 2>&1; then
    echo "test.sh: '$*' failed; its output:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
  if [ "$APT_UPDATED" = 0 ]; then quietly as_root apt-get update -qq; APT_UPDATED=1; fi
  # Wait for a dpkg lock held by another apt run rather than failing at once.
  quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$@"
}

# --- what the tests need on the machine ------------------------------------------------------------

PG_BIN=/usr/lib/postgresql/15/bin
if needs browser && [ ! -x /usr/bin/chromium ]; then
  step "Installing Debian's chromium (first run on this machine)"
  apt_install chromium
fi
if needs postgres && [ ! -x "$PG_BIN/initdb" ]; then
  step "Installing PostgreSQL 15 (first run on this machine)"
  apt_install postgresql-15
fi
# npm's own record of what it installed (node_modules/.package-lock.json) is older than the lock file
# when someone changed the dependencies since the last install.
if [ -f package-lock.json ] && { [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  step "Installing npm packages"
  quietly npm ci --no-audit --no-fund --loglevel=error
fi
quietly dotnet tool restore

# --- a throwaway PostgreSQL on 127.0.0.1 --------------------------------------------------------------

PG_DIR=""
PG_USER=""
as_pg() { # runs a PostgreSQL program as the user that owns the cluster (initdb refuses to run as root)
  if [ -n "$PG_USER" ]; then (cd "$PG_DIR" && runuser -u "$PG_USER" -- "$@"); else (cd "$PG_DIR" && "$@"); fi
}
stop_postgres() {
  if [ -n "$PG_DIR" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
# Silent on purpose: nothing may follow the summary line.
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_postgres() {
  # Under /tmp rather than $TMPDIR: the postgres user must be able to reach it when we run as root.
  PG_DIR=$(mktemp -d /tmp/heard-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    PG_USER=postgres
    id -u "$PG_USER" >/dev/null 2>&1 || { echo "test.sh: running as root needs the 'postgres' user (Debian's postgresql-15 creates it)" >&2; exit 1; }
    chown "$PG_USER:" "$PG_DIR"
  fi
  as_pg sh -c "echo heard > '$PG_DIR/password'"
  # scram on TCP, as the app uses it in production; trust only on the private socket folder.
  quietly as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U heard --pwfile="$PG_DIR/password" \
    --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8
  # A free port: try random ones until the server starts on one that nothing else holds.
  local attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    PG_PORT=$((20000 + RANDOM % 20000))
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -o \
      "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >>"$LOG" 2>&1; then
      export HEARD_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=heard;Password=heard;Database=postgres"
      return
    fi
  done
  echo "test.sh: PostgreSQL did not start; its log:" >&2
  tail -n 30 "$PG_DIR/server.log" >&2 || true
  exit 1
}

if needs postgres; then
  start_postgres
  step "PostgreSQL 15 on 127.0.0.1:$PG_PORT (throwaway, in $PG_DIR)"
fi

# --- build once, run each suite ------------------------------------------------------------------------

PASSED=0
FAILED=0
LINES=()
summary() { # the per-suite table, then the one line CI reads, last
  echo
  printf '%s\n' "${LINES[@]}"
  if compgen -G "$HEARD_TEST_ARTIFACTS/screenshots/*.png" >/dev/null; then
    echo "Screenshots of failed browser tests: $HEARD_TEST_ARTIFACTS/screenshots/"
  fi
  echo "Took $((SECONDS - STARTED)) s."
  echo "$PASSED passed, $FAILED failed"
}

step "Building ($CONFIGURATION)"
if ! dotnet build Heard.slnx -c "$CONFIGURATION" -nologo -v quiet >"$RESULTS/build.log" 2>&1; then
  grep -E 'error|warning' "$RESULTS/build.log" | sort -u | head -n 50 || tail -n 50 "$RESULTS/build.log"
  # Nothing ran: every planned run counts as a failure.
  FAILED=${#RUNS[@]}
  LINES+=("build failed: see $RESULTS/build.log")
  summary
  exit 1
fi

attr() { # attr NAME COUNTERS -> the number, 0 when absent
  local value
  value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")
  echo "${value:-0}"
}

for run in "${RUNS[@]}"; do
  read -r name project provider <<<"$run"
  step "Running $name ($project, $provider)"
  # --blame-hang-timeout: a test stuck for 10 minutes aborts its run (counted as failed) instead of
  # eating CI's 90 minutes.
  started=$SECONDS
  status=0
  HEARD_TEST_PROVIDER=$provider dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
    --results-directory "$RESULTS" --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --blame-hang-timeout 10min --blame-hang-dump-type none "${FILTER[@]}" || status=$?
  took=$((SECONDS - started))

  trx="$RESULTS/$name.trx"
  if [ ! -f "$trx" ]; then
    # The runner died before writing its report: a failure, whatever it managed to say.
    FAILED=$((FAILED + 1))
    LINES+=("$(printf '  %-22s CRASHED: no %s (exit %s, %s s)' "$name" "$name.trx" "$status" "$took")")
    continue
  fi
  counters=$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1 || true)
  if [ -z "$counters" ]; then
    FAILED=$((FAILED + 1))
    LINES+=("$(printf '  %-22s CRASHED: no counts in %s (exit %s, %s s)' "$name" "$name.trx" "$status" "$took")")
    continue
  fi
  total=$(attr total "$counters"); passed=$(attr passed "$counters")
  failed=$(( $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters") ))
  note=""
  if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    # The run went wrong without a failed test (a crashed test host, an aborted run): every test that did
    # not pass counts as failed, and at least one does.
    failed=$(( total - passed > 0 ? total - passed : 1 ))
    note=" (run aborted, exit $status)"
  fi
  if [ "$total" -eq 0 ] && [ "$status" -eq 0 ]; then note=" (no tests)"; fi
  PASSED=$((PASSED + passed))
  FAILED=$((FAILED + failed))
  LINES+=("$(printf '  %-22s %4s passed, %s failed, %s s%s' "$name" "$passed" "$failed" "$took" "$note")")
done

summary
[ "$FAILED" -eq 0 ]
