#!/usr/bin/env bash
# Adds a migration with the same name for each database provider (SQLite and PostgreSQL share one model).
# Usage: ./scripts/add-migration.sh AddSomething
set -euo pipefail
name=${1:?usage: $0 MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Heard.Application \
    --startup-project src/Heard.Application \
    --context "${provider}HeardDbContext" \
    --output-dir "Data/Migrations/$provider"
done
