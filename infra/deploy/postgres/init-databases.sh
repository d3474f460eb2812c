#!/usr/bin/env bash
# Runs once, when the PostgreSQL container starts on an empty data directory: creates Brain's
# database with its schema owner (brain, who migrates) and the application's role (brain_app,
# whose rights the migrations grant and which row-level security restricts), and Keycloak's
# database with its own owner. Passwords come from the container's environment.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set=migration_password="$BRAIN_DB_MIGRATION_PASSWORD" \
  --set=app_password="$BRAIN_DB_PASSWORD" \
  --set=keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
create role brain login password :'migration_password';
create role brain_app login nosuperuser nocreatedb nocreaterole nobypassrls password :'app_password';
create database brain owner brain;
create role keycloak login password :'keycloak_password';
create database keycloak owner keycloak;
SQL
