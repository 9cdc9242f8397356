-- 012: who is calling. The JWT's claims are verified by the gateway (or by
-- PostgREST); what they are worth is decided here, against the database, on
-- every statement: a deactivated member or a revoked terminal loses access at
-- once, and a member's role is the one in team_members, never the token's.
-- SECURITY.md lists the tokens and what each may do.
--
--   anon           {role: anon}                          the public key (kiosk, widget)
--   device         {role: authenticated, restaurant_id, device_id}
--                  a registered terminal's own login (terminal_devices); no sub
--   member         {role: authenticated, restaurant_id, sub: team_members.id, device_id}
--                  made by pin-login on a registered terminal
--   Supabase staff {role: authenticated, sub: auth user} with team_members.user_id = sub
--   Supabase device{role: authenticated, sub: auth user} with terminal_devices.user_id = sub
--   service_role   bypasses RLS (server-side tools only)
-- Any other authenticated token is worth nothing.

create table if not exists public.terminal_devices (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  user_id uuid unique,  -- Supabase: the device account's auth user, when it logs in that way
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
alter table public.terminal_devices enable row level security;
revoke all on public.terminal_devices from public, anon, authenticated;
grant select, insert, update, delete on public.terminal_devices to service_role;

create schema if not exists foh_auth;
revoke all on schema foh_auth from public;
grant usage on schema foh_auth to anon, authenticated, service_role;

create or replace function foh_auth.claims() returns jsonb
language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;

-- A claim as a uuid, or null: a malformed claim grants nothing and raises nothing.
create or replace function foh_auth.claim_uuid(p_name text) returns uuid
language plpgsql stable as $$
begin
  return nullif(foh_auth.claims() ->> p_name, '')::uuid;
exception when invalid_text_representation then
  return null;
end
$$;

-- A member token made by pin-login names the terminal it was made on: once
-- that terminal is revoked, its members' tokens are worth nothing either.
-- Tokens without a device_id (Supabase Auth staff logins) pass.
create or replace function foh_auth.login_terminal_ok() returns boolean
language sql stable security definer set search_path = public, pg_temp as $$
  select foh_auth.claims() ->> 'device_id' is null
      or exists (select 1 from public.terminal_devices d
                  where d.id = foh_auth.claim_uuid('device_id') and d.revoked_at is null)
$$;

-- The caller's active team membership in p_restaurant, or nothing.
create or replace function foh_auth.member_in(p_restaurant uuid) returns public.team_members
language sql stable security definer set search_path = public, pg_temp as $$
  select m.* from public.team_members m
   where m.restaurant_id = p_restaurant and m.is_active
     and foh_auth.claims() ->> 'role' = 'authenticated'
     and ((m.id = foh_auth.claim_uuid('sub')
           and foh_auth.claim_uuid('restaurant_id') = p_restaurant)
          or (m.user_id is not null and m.user_id = foh_auth.claim_uuid('sub')))
     and foh_auth.login_terminal_ok()
   order by (m.id = foh_auth.claim_uuid('sub')) desc
   limit 1
$$;

-- The registered, unrevoked terminal calling with its own login (not a member's).
create or replace function foh_auth.device_in(p_restaurant uuid) returns uuid
language sql stable security definer set search_path = public, pg_temp as $$
  select d.id from public.terminal_devices d
   where d.restaurant_id = p_restaurant and d.revoked_at is null
     and foh_auth.claims() ->> 'role' = 'authenticated'
     and ((d.id = foh_auth.claim_uuid('device_id') and foh_auth.claims() ->> 'sub' is null
           and foh_auth.claim_uuid('restaurant_id') = p_restaurant)
          or (d.user_id is not null and d.user_id = foh_auth.claim_uuid('sub')))
   limit 1
$$;

-- 'service', 'Admin', 'Manager', 'Server', 'device', or null (anon, strangers).
create or replace function foh_auth.team_role(p_restaurant uuid) returns text
language sql stable security definer set search_path = public, pg_temp as $$
  select case
    -- The claims, not current_user: in a security definer that is the owner.
    when foh_auth.claims() ->> 'role' = 'service_role'
      or current_setting('role', true) = 'service_role' then 'service'
    else coalesce((foh_auth.member_in(p_restaurant)).role,
                  case when foh_auth.device_in(p_restaurant) is not null then 'device' end)
  end
$$;

create or replace function foh_auth.is_manager(p_restaurant uuid) returns boolean
language sql stable as $$
  select coalesce(foh_auth.team_role(p_restaurant) in ('service', 'Admin', 'Manager'), false)
$$;

create or replace function foh_auth.is_member(p_restaurant uuid) returns boolean
language sql stable as $$
  select coalesce(foh_auth.team_role(p_restaurant) in ('service', 'Admin', 'Manager', 'Server'),
                  false)
$$;

-- The acting team member for the audit trail: from the token only.
create or replace function foh_auth.member_id(p_restaurant uuid) returns uuid
language sql stable as $$
  select (foh_auth.member_in(p_restaurant)).id
$$;

-- The restaurants whose rows the caller may read: those where it is an active
-- member or a registered terminal. Policies test `restaurant_id in (select
-- public.foh_restaurant_ids())`, evaluated once per statement.
create or replace function public.foh_restaurant_ids() returns setof uuid
language sql stable security definer set search_path = public, pg_temp as $$
  select m.restaurant_id from public.team_members m
   where m.is_active and foh_auth.claims() ->> 'role' = 'authenticated'
     and ((m.id = foh_auth.claim_uuid('sub')
           and m.restaurant_id = foh_auth.claim_uuid('restaurant_id'))
          or (m.user_id is not null and m.user_id = foh_auth.claim_uuid('sub')))
     and foh_auth.login_terminal_ok()
  union
  select d.restaurant_id from public.terminal_devices d
   where d.revoked_at is null and foh_auth.claims() ->> 'role' = 'authenticated'
     and ((d.id = foh_auth.claim_uuid('device_id') and foh_auth.claims() ->> 'sub' is null
           and d.restaurant_id = foh_auth.claim_uuid('restaurant_id'))
          or (d.user_id is not null and d.user_id = foh_auth.claim_uuid('sub')))
$$;

revoke all on all functions in schema foh_auth from public;
grant execute on all functions in schema foh_auth to anon, authenticated, service_role;
