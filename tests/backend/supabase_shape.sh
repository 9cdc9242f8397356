#!/usr/bin/env bash
# Do tools/backend/migrations apply unchanged to a Supabase project? We cannot
# reach one, so this builds a throwaway PostgreSQL 15 shaped like one and
# applies them the way tools/backend/README.md tells users to:
#   - the cluster's bootstrap superuser is `supabase_admin` (as on Supabase);
#   - `postgres`, the user a project's connection string logs in as, is NOT a
#     superuser: CREATEDB CREATEROLE REPLICATION BYPASSRLS, member of anon,
#     authenticated and service_role, owner of the public schema (Supabase's
#     "demote postgres" migration);
#   - anon, authenticated, service_role (bypassrls), authenticator (login,
#     noinherit), supabase_auth_admin, with Supabase's grants and default
#     privileges; schema auth owned by supabase_auth_admin with Supabase Auth's
#     own uid()/role()/email()/jwt() and a minimal auth.users; pgcrypto in
#     schema extensions.
# Then: every migration, in order, as `postgres` (psql -X -v ON_ERROR_STOP=1
# -f FILE), twice (they claim to be idempotent); Supabase's roles, auth.* and
# extensions.* must be as they were; and the result must work as PostgREST
# uses it (authenticator -> set local role + request.jwt.claims): RLS per
# restaurant, anon kept out of reservations, the overlap trigger's 23P01, and
# the roles (a Server reads no pin and changes no team member, a Manager does,
# anon executes no sync_horizon).
# What it cannot show: anything only a real Supabase project has (its
# extensions' event triggers, pooler, dashboard); a real project was never reached.
# Env: FOH_PG_BIN (default: the newest /usr/lib/postgresql/*/bin), FOH_MIGRATIONS_DIR
# (default: tools/backend/migrations).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
migrations="${FOH_MIGRATIONS_DIR:-$root/tools/backend/migrations}"
pg_bin="${FOH_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

say() { echo "supabase_shape: $*"; }
fail() {
  echo "supabase_shape: FAIL: $*" >&2
  exit 1
}
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

[ -x "$pg_bin/initdb" ] || fail "PostgreSQL server not found (apt-get install postgresql)"
shopt -s nullglob
files=("$migrations"/*.sql)
[ ${#files[@]} -gt 0 ] || fail "no migrations in $migrations"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/foh-supabase.XXXXXX")"
data="$tmp/data"
cleanup() {
  if [ -f "$data/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
chmod 755 "$tmp"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$tmp"; fi

as_pg "$pg_bin/initdb" -D "$data" -U supabase_admin --auth=trust -E UTF8 --no-sync \
  --no-instructions >"$tmp/initdb.log" 2>&1 || fail "initdb failed: $(tail -n 3 "$tmp/initdb.log")"
started=0
for _ in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 40000))
  if as_pg "$pg_bin/pg_ctl" -D "$data" -l "$tmp/postgres.log" -w -t 30 \
    -o "-p $port -k '' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" \
    start >/dev/null 2>&1; then
    started=1
    break
  fi
done
[ "$started" = 1 ] || fail "PostgreSQL did not start: $(tail -n 3 "$tmp/postgres.log" 2>/dev/null)"

conn() { echo "host=127.0.0.1 port=$port dbname=postgres user=$1"; }
# psql as ROLE, SQL on stdin; prints the rows unaligned, stops at the first error.
q() {
  local role="$1"
  shift
  "$pg_bin/psql" "$(conn "$role")" -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}

# --- 1. A database shaped like a Supabase project --------------------------------
# From supabase/postgres's init scripts and migrations (initial-schema,
# auth-schema, update-auth-owner, demote-postgres, alter_api_roles_for_inherit)
# and Supabase Auth's own migrations for auth.uid()/role()/email()/jwt().
q supabase_admin >"$tmp/shape.log" 2>&1 <<'SQL' || fail "could not shape the Supabase database: $(grep -m1 ERROR "$tmp/shape.log")"
create role anon nologin inherit;
create role authenticated nologin inherit;
create role service_role nologin inherit bypassrls;
create role authenticator login noinherit;
grant anon, authenticated, service_role to authenticator;
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
create role supabase_auth_admin login noinherit createrole noreplication;

-- Supabase's "postgres" after demote-postgres: no superuser.
create role postgres login nosuperuser createdb createrole replication bypassrls;
grant anon, authenticated, service_role to postgres;
grant all on database postgres to postgres;
alter schema public owner to postgres;
alter role postgres set search_path to "$user", public, extensions;

grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;

create schema extensions;
create extension pgcrypto with schema extensions;
grant usage on schema extensions to anon, authenticated, service_role;
grant all on schema extensions to postgres;

create schema auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role, postgres;
set role supabase_auth_admin;
create table auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255) unique,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  created_at timestamptz,
  updated_at timestamptz
);
create or replace function auth.uid()
returns uuid
language sql stable
as $$
  select
  nullif(
    coalesce(
      current_setting('request.jwt.claim.sub', true),
      (current_setting('request.jwt.claims', true)::jsonb ->> 'sub')
    ),
    ''
  )::uuid
$$;
create or replace function auth.role()
returns text
language sql stable
as $$
  select
  nullif(
    coalesce(
      current_setting('request.jwt.claim.role', true),
      (current_setting('request.jwt.claims', true)::jsonb ->> 'role')
    ),
    ''
  )::text
$$;
create or replace function auth.email()
returns text
language sql stable
as $$
  select
  nullif(
    coalesce(
      current_setting('request.jwt.claim.email', true),
      (current_setting('request.jwt.claims', true)::jsonb ->> 'email')
    ),
    ''
  )::text
$$;
create or replace function auth.jwt()
returns jsonb
language sql stable
as $$
  select
    coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
    )::jsonb
$$;
grant execute on all functions in schema auth to anon, authenticated, service_role;
reset role;
-- demote-postgres / update-auth-permissions: postgres may use (and create in) auth,
-- but owns nothing there.
grant all on schema auth to postgres;
grant all on all tables in schema auth to postgres;
grant all on all routines in schema auth to postgres;
SQL

# Everything of Supabase's that the migrations must leave alone, one line each.
snapshot() {
  q supabase_admin <<'SQL'
select x from (
  select format('role %s super=%s inherit=%s createrole=%s createdb=%s login=%s repl=%s bypassrls=%s config=%s',
                rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin,
                rolreplication, rolbypassrls, rolconfig) as x
    from pg_roles where rolname in ('anon', 'authenticated', 'service_role', 'authenticator',
                                    'postgres', 'supabase_admin', 'supabase_auth_admin')
  union all
  select format('member %s of %s admin=%s', member::regrole, roleid::regrole, admin_option)
    from pg_auth_members
  union all
  select format('schema %s owner=%s acl=%s', nspname, nspowner::regrole, nspacl)
    from pg_namespace where nspname in ('auth', 'extensions', 'public')
  union all
  select format('function %s owner=%s acl=%s def=%s', p.oid::regprocedure, p.proowner::regrole,
                p.proacl, md5(pg_get_functiondef(p.oid)))
    from pg_proc p where p.pronamespace in ('auth'::regnamespace, 'extensions'::regnamespace)
  union all
  select format('relation %s kind=%s owner=%s acl=%s rls=%s', c.oid::regclass, c.relkind,
                c.relowner::regrole, c.relacl, c.relrowsecurity)
    from pg_class c where c.relnamespace in ('auth'::regnamespace, 'extensions'::regnamespace)
  union all
  select format('extension %s schema=%s owner=%s', extname, extnamespace::regnamespace,
                extowner::regrole) from pg_extension
) s order by x;
SQL
}
snapshot >"$tmp/before.txt" || fail "could not read the Supabase objects"
uid_def_before="$(q supabase_admin -c "select pg_get_functiondef('auth.uid()'::regprocedure)")"

# --- 2. The migrations, as README.md says, as the non-superuser postgres --------
who="$(q postgres -c "select current_user || ' super=' || rolsuper from pg_roles where rolname = current_user")"
[ "$who" = "postgres super=false" ] || fail "expected to apply as a non-superuser postgres, got '$who'"
t0=$SECONDS
for pass in 1 2; do
  for f in "${files[@]}"; do
    if ! out="$("$pg_bin/psql" "$(conn postgres)" -X -v ON_ERROR_STOP=1 -f "$f" 2>&1)"; then
      err="$(grep -m1 -E 'ERROR|FATAL|error' <<<"$out" || tail -n 1 <<<"$out")"
      fail "migration $(basename "$f") (pass $pass, as postgres without superuser): $err"
    fi
  done
  say "pass $pass: ${#files[@]} migrations applied as postgres (not superuser)"
done

# --- 3. Supabase's own objects untouched -----------------------------------------
snapshot >"$tmp/after.txt" || fail "could not read the Supabase objects"
if ! diff -u "$tmp/before.txt" "$tmp/after.txt" >"$tmp/diff.txt"; then
  fail "the migrations changed Supabase's roles, auth.* or extensions.*: $(grep -E '^[-+][^-+]' "$tmp/diff.txt" | head -n 6 | tr '\n' ' ')"
fi
uid_def_after="$(q supabase_admin -c "select pg_get_functiondef('auth.uid()'::regprocedure)")"
[ "$uid_def_before" = "$uid_def_after" ] || fail "auth.uid() was replaced"
grep -q "request.jwt.claim.sub" <<<"$uid_def_after" || fail "auth.uid() is not Supabase's: $uid_def_after"
checks="$(q supabase_admin <<'SQL'
select concat_ws(' ',
  (select 'auth.uid-owner=' || proowner::regrole from pg_proc where oid = 'auth.uid()'::regprocedure),
  (select 'auth.jwt-owner=' || proowner::regrole from pg_proc where oid = 'auth.jwt()'::regprocedure),
  (select 'service_role-bypassrls=' || rolbypassrls from pg_roles where rolname = 'service_role'),
  (select 'anon-login=' || rolcanlogin from pg_roles where rolname = 'anon'),
  (select 'postgres-super=' || rolsuper from pg_roles where rolname = 'postgres'),
  (select 'reservations-owner=' || relowner::regrole from pg_class where oid = 'public.reservations'::regclass),
  (select 'sync-fn-owner=' || proowner::regrole from pg_proc where oid = 'public.foh_check_overlap()'::regprocedure));
SQL
)"
want="auth.uid-owner=supabase_auth_admin auth.jwt-owner=supabase_auth_admin service_role-bypassrls=true anon-login=false postgres-super=false reservations-owner=postgres sync-fn-owner=postgres"
[ "$checks" = "$want" ] || fail "after the migrations: got '$checks', want '$want'"
say "Supabase's roles, auth.* (uid/role/email/jwt, users) and extensions.* unchanged"

# --- 4. Usable as PostgREST uses it ------------------------------------------------
ra=11111111-1111-4111-8111-111111111111
rb=22222222-2222-4222-8222-222222222222
user_a=33333333-3333-4333-8333-333333333333   # Supabase Auth user of A's Manager
user_s=44444444-4444-4444-8444-444444444444   # Supabase Auth user of A's Server
member_m=55555555-5555-4555-8555-555555555555
member_s=66666666-6666-4666-8666-666666666666
q postgres >"$tmp/rows.log" 2>&1 <<SQL || fail "could not insert the two restaurants' rows as postgres: $(grep -m1 ERROR "$tmp/rows.log")"
insert into public.restaurants (id, name) values ('$ra', 'A'), ('$rb', 'B');
insert into public.tables (restaurant_id, name, capacity_min, capacity_max)
  values ('$ra', 'T1', 1, 4), ('$rb', 'T1', 1, 4);
insert into public.reservations (restaurant_id, table_number, party_size, date, time, duration, guest_name)
  values ('$ra', 'T1', 2, '2030-05-04', '19:00', 90, 'a1'), ('$ra', 'T1', 2, '2030-05-04', '21:00', 90, 'a2'),
         ('$rb', 'T1', 2, '2030-05-04', '19:00', 90, 'b1');
-- Since 012/013 a token is worth its team membership: staff log in through
-- Supabase Auth, team_members.user_id names them.
insert into public.team_members (id, restaurant_id, user_id, role, display_name, pin, pin_salt)
  values ('$member_m', '$ra', '$user_a', 'Manager', 'M', 'hash-m', 'salt-m'),
         ('$member_s', '$ra', '$user_s', 'Server', 'S', 'hash-s', 'salt-s');
SQL
# PostgREST: log in as authenticator, then per request, in one transaction.
as_api() {
  local role="$1" claims="$2" sql="$3"
  q authenticator -v VERBOSITY=verbose <<SQL 2>&1
begin;
select set_config('role', '$role', true), set_config('request.jwt.claims', '$claims', true) \\g /dev/null
$sql
commit;
SQL
}
staff_a="{\"role\":\"authenticated\",\"restaurant_id\":\"$ra\",\"sub\":\"$user_a\"}"
seen="$(as_api authenticated "$staff_a" "select concat_ws(' ', auth.uid(), auth.role(),
  (select count(*) from public.restaurants), (select count(*) from public.reservations),
  (select count(*) from public.reservations where restaurant_id = '$rb'),
  (select count(*) from public.reservation_events));")" || fail "staff of restaurant A could not read: $seen"
[ "$seen" = "$user_a authenticated 1 2 0 2" ] ||
  fail "staff of A (RLS): got '$seen', want '$user_a authenticated 1 2 0 2' (uid role restaurants reservations B's events)"
out="$(as_api authenticated "$staff_a" "insert into public.reservations (restaurant_id, table_number, party_size, date, time, duration)
  values ('$rb', 'T1', 2, '2030-05-05', '12:00', 60);")" && fail "staff of A wrote a row of restaurant B"
grep -q '42501' <<<"$out" || fail "staff of A writing B's row: expected SQLSTATE 42501 (RLS), got: $(grep -m1 ERROR <<<"$out")"
out="$(as_api authenticated "$staff_a" "insert into public.reservations (restaurant_id, table_number, party_size, date, time, duration)
  values ('$ra', 'T1', 2, '2030-05-04', '20:00', 60);")" && fail "an overlapping reservation on A's T1 was accepted"
grep -q '23P01' <<<"$out" || fail "overlap: expected SQLSTATE 23P01, got: $(grep -m1 ERROR <<<"$out")"
ok="$(as_api authenticated "$staff_a" "insert into public.reservations (restaurant_id, table_number, party_size, date, time, duration)
  values ('$ra', 'T1', 2, '2030-05-04', '22:30', 60) returning status;")" || fail "staff of A could not add a free slot: $ok"
[ "$ok" = "Confirmed" ] || fail "staff of A adding a free slot: got '$ok'"
out="$(as_api anon '{"role":"anon"}' "select count(*) from public.reservations;")" &&
  fail "anon (the kiosk key) read reservations: $out"
grep -q '42501' <<<"$out" || fail "anon reading reservations: expected SQLSTATE 42501, got: $(grep -m1 ERROR <<<"$out")"
say "as PostgREST does it: RLS keeps restaurant A's staff to A (read and write), anon out of reservations, overlap -> 23P01"

# --- 5. Roles (013, 017) through the same door ---------------------------------------
server_a="{\"role\":\"authenticated\",\"sub\":\"$user_s\"}"
out="$(as_api authenticated "$server_a" "select pin, pin_salt from public.team_members;")" &&
  fail "a Server read PIN hashes: $out"
grep -q '42501' <<<"$out" || fail "a Server reading pin: expected SQLSTATE 42501, got: $(grep -m1 ERROR <<<"$out")"
out="$(as_api authenticated "$staff_a" "select pin from public.team_members;")" &&
  fail "a Manager's token read PIN hashes: $out"
out="$(as_api authenticated "$server_a" "update public.team_members set role = 'Admin' where id = '$member_s';")" &&
  fail "a Server promoted itself: $out"
grep -q '42501' <<<"$out" || fail "a Server promoting itself: expected SQLSTATE 42501, got: $(grep -m1 ERROR <<<"$out")"
out="$(as_api authenticated "$server_a" "update public.team_members set display_name = 'x' where id = '$member_m';")" &&
  fail "a Server changed a team member: $out"
grep -q '42501' <<<"$out" || fail "a Server updating team_members: expected SQLSTATE 42501, got: $(grep -m1 ERROR <<<"$out")"
ok="$(as_api authenticated "$staff_a" "update public.team_members set display_name = 'Sam' where id = '$member_s' returning display_name;")" ||
  fail "a Manager could not update a Server: $ok"
[ "$ok" = "Sam" ] || fail "a Manager updating a Server: got '$ok'"
names="$(as_api authenticated "$server_a" "select string_agg(display_name, ',' order by display_name) from public.team_members;")" ||
  fail "a Server could not read the team's names: $names"
[ "$names" = "M,Sam" ] || fail "a Server reading the team: got '$names', want 'M,Sam'"
out="$(as_api anon '{"role":"anon"}' "select public.sync_horizon();")" &&
  fail "anon executed sync_horizon: $out"
grep -q '42501' <<<"$out" || fail "anon calling sync_horizon: expected SQLSTATE 42501, got: $(grep -m1 ERROR <<<"$out")"
say "roles: a Server reads no PIN hash and changes no team member, a Manager does, anon cannot execute sync_horizon"
say "OK (migrations applied twice in $((SECONDS - t0)) s)"
