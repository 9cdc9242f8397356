-- 018: pin-login's lockout per team member *per terminal*, and the hashes a
-- registered terminal needs for offline PIN checks.
--
-- 009 counted failures per member only: anyone could lock the whole staff
-- from anywhere. pin-login now takes only a registered terminal's device token
-- (012), and counts (team_member_id, device_id): one member's failures never
-- lock another, one terminal's never lock another terminal. The counting
-- rules (free failures, first lock, doubling, cap, quiet period) live in the
-- gateway (tools/backend/src/pin_lockout.cpp); this is only their storage.
-- Idempotent: the old per-member shape is replaced once (its counts are
-- short-lived lockouts, nothing worth keeping).

create schema if not exists foh_private;
revoke all on schema foh_private from public, anon, authenticated, service_role;

do $$
begin
  if exists (select 1 from information_schema.tables
              where table_schema = 'foh_private' and table_name = 'pin_attempts')
     and not exists (select 1 from information_schema.columns
                      where table_schema = 'foh_private' and table_name = 'pin_attempts'
                        and column_name = 'device_id') then
    drop table foh_private.pin_attempts;
  end if;
end
$$;

create table if not exists foh_private.pin_attempts (
  team_member_id uuid not null references public.team_members(id) on delete cascade,
  device_id uuid not null references public.terminal_devices(id) on delete cascade,
  failures int not null default 0 check (failures >= 0),
  locked_until timestamptz,
  -- The quiet period runs from here: a count this old starts again at zero.
  last_failure_at timestamptz not null default now(),
  primary key (team_member_id, device_id)
);
revoke all on foh_private.pin_attempts from public;

-- The PIN hashes of the caller's restaurant, for a registered terminal's
-- offline PIN check (net/ merges them into its cache), or of every restaurant
-- for the service role. Members' tokens and anon get 42501: a member's token
-- must never reach a hash (issue 11: a Server could read them all and search
-- a 4-digit PIN offline in minutes). Security definer because `authenticated`
-- has no SELECT on pin and pin_salt (column grants).
create or replace function public.team_member_pins()
returns table (id uuid, pin text, pin_salt text)
language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
  v_restaurant uuid;
begin
  -- Inside a security definer function current_user is the owner: the
  -- caller's role is the token's.
  if foh_auth.claims() ->> 'role' = 'service_role' then
    return query select m.id, m.pin, m.pin_salt from public.team_members m;
    return;
  end if;
  select d.restaurant_id into v_restaurant
    from public.terminal_devices d
   where d.revoked_at is null and foh_auth.claims() ->> 'role' = 'authenticated'
     and ((d.id = foh_auth.claim_uuid('device_id') and foh_auth.claims() ->> 'sub' is null
           and d.restaurant_id = foh_auth.claim_uuid('restaurant_id'))
          or (d.user_id is not null and d.user_id = foh_auth.claim_uuid('sub')))
   limit 1;
  if v_restaurant is null then
    raise exception 'team_member_pins: only a registered terminal''s own login may read PIN hashes'
      using errcode = '42501';
  end if;
  return query select m.id, m.pin, m.pin_salt from public.team_members m
                where m.restaurant_id = v_restaurant;
end
$$;
revoke all on function public.team_member_pins() from public, anon;
grant execute on function public.team_member_pins() to authenticated, service_role;
