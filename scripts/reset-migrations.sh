#!/usr/bin/env bash
# Until Heard's first release, the schema is one "Initial" migration per provider, regenerated from the model.
# Run this after a model change (or a merge of two branches that both changed the model) instead of stacking
# migrations that no database has ever applied. After the first release, use add-migration.sh instead.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf src/Heard.Application/Data/Migrations
./scripts/add-migration.sh Initial
