#!/usr/bin/env bash
# Regenerates docs/api/*.json, the OpenAPI documents of the REST door (docs/rest-api.md), from what
# the services serve: runs OpenApiDocumentTests with VISITATION_REWRITE_API_DOCS=1 on the test
# servers (deploy/local/infra.sh test, left running), then shows what changed. Commit the result.
#
#   deploy/api-docs.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

bash deploy/local/infra.sh start test
eval "$(bash deploy/local/infra.sh env test)"
export VISITATION_TEST_POSTGRES=$VISITATION_POSTGRES VISITATION_TEST_RABBITMQ=$VISITATION_RABBITMQ \
  VISITATION_TEST_RABBITMQ_MANAGEMENT=$VISITATION_RABBITMQ_MANAGEMENT VISITATION_TEST_INFRA="$PWD/deploy/local/infra.sh test"
dotnet build tests/Visitation.IntegrationTests -c Release -v quiet -nologo
VISITATION_REWRITE_API_DOCS=1 dotnet test --project tests/Visitation.IntegrationTests -c Release --no-build -- \
  --filter-class '*OpenApiDocumentTests'
git status --short docs/api
