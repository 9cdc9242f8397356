-- 013: roles live in the database. 006 let any authenticated token of a
-- restaurant read and write every row of it; here each table says who may do
-- what, following engine/permissions (default_tabs, may_authorize) and the
-- identity of 012 (foh_auth.team_role: read from team_members, never from the
-- token). SECURITY.md has the full table.
--
--   read   rows of public.foh_restaurant_ids(): active members and the
--          restaurant's registered terminal (its device login)
--   write  team_members, restaurants (settings), floor_plans, zones, tables,
--          services: Manager and Admin (the engine's editor/settings/team tabs)
--          customers, reservations, waitlist_entries, daily_*: any member
--          (Server and up); the device login writes nothing: a terminal's
--          changes wait for a PIN login, which names their author
--   never  reservation_events: written by trigger only, never changed;
--          reservations: no DELETE through the API (cancel is a status);
--          team_members.pin / pin_salt: not readable by any token but the
--          service role (pin-login's team_member_pins() serves the device)
--
-- SELECT policies test `restaurant_id in (select public.foh_restaurant_ids())`,
-- an InitPlan evaluated once per statement, so a pull of 20 000 rows costs one
-- lookup; the per-row role checks (is_member / is_manager) sit only in WITH
-- CHECK and DELETE clauses, which run once per written row.
-- Refusals: 42501 (PostgREST: 403 for a token, 401 for anon).

-- Trusted callers: the service role and direct database connections
-- (migrations, foh-backend --load-demo, an operator's psql), where no API role
-- is in effect. Written for triggers that run as the caller (not as a
-- security definer, where current_user is the function's owner).
create or replace function foh_auth.is_api_caller() returns boolean
language sql stable as $$
  select current_user in ('anon', 'authenticated')
      or coalesce(foh_auth.claims() ->> 'role', '') in ('anon', 'authenticated')
$$;
revoke all on function foh_auth.is_api_caller() from public;
grant execute on function foh_auth.is_api_caller() to anon, authenticated, service_role;

do $$
declare
  t text;
  readable text;
  managers constant text[] := array['restaurants', 'floor_plans', 'zones', 'tables', 'services',
                                    'team_members'];
  members constant text[] := array['customers', 'reservations', 'waitlist_entries',
                                   'daily_table_overrides', 'daily_extra_tables',
                                   'daily_floor_notes'];
  rid text;
  who text;
begin
  foreach t in array managers || members || array['reservation_events', 'sync_tombstones'] loop
    rid := case when t = 'restaurants' then 'id' else 'restaurant_id' end;
    readable := format('%I in (select public.foh_restaurant_ids())', rid);
    -- 006's foh_staff was "everything of my restaurant"; it goes on every run
    -- (006 runs again before this file when the migrations are re-applied).
    execute format('drop policy if exists foh_staff on public.%I', t);
    execute format('drop policy if exists foh_read on public.%I', t);
    execute format('drop policy if exists foh_insert on public.%I', t);
    execute format('drop policy if exists foh_update on public.%I', t);
    execute format('drop policy if exists foh_delete on public.%I', t);
    execute format('create policy foh_read on public.%I for select to authenticated using (%s)',
                   t, readable);
    if t = any (managers) or t = any (members) then
      who := format('foh_auth.%s(%I)',
                    case when t = any (managers) then 'is_manager' else 'is_member' end, rid);
      execute format('create policy foh_insert on public.%I for insert to authenticated '
                     'with check (%s)', t, who);
      -- USING = readable (not the role test), so that a Server's PATCH is a
      -- clear 42501 from WITH CHECK instead of a silent "0 rows".
      execute format('create policy foh_update on public.%I for update to authenticated '
                     'using (%s) with check (%s)', t, readable, who);
      execute format('create policy foh_delete on public.%I for delete to authenticated '
                     'using (%s and %s)', t, readable, who);
    end if;
  end loop;
end
$$;

-- Grants under the policies (006 granted all four to authenticated).
revoke insert, delete on public.restaurants from authenticated;      -- made by the service role
revoke delete on public.reservations from authenticated;            -- cancel is a status
revoke insert, update, delete on public.reservation_events, public.sync_tombstones
  from authenticated;
revoke truncate, references, trigger on all tables in schema public from anon, authenticated;

-- pin and pin_salt: a column grant of everything else. Listed from the
-- catalog, so that a project's extra columns stay readable.
revoke select on public.team_members from authenticated;
revoke select (pin, pin_salt) on public.team_members from authenticated;
do $$
declare
  cols text;
begin
  select string_agg(quote_ident(column_name), ', ' order by ordinal_position) into cols
    from information_schema.columns
   where table_schema = 'public' and table_name = 'team_members'
     and column_name not in ('pin', 'pin_salt');
  execute format('grant select (%s) on public.team_members to authenticated', cols);
end
$$;

-- What a role test cannot say: a member never changes its own role, PIN hash,
-- salt or is_active (nor removes itself), and only an Admin creates, changes
-- or removes an Admin. engine/permissions gives the team tab to Admins only
-- and says nothing of promotions, so a Manager runs Servers and Managers (the
-- issue's "team_members: Manager/Admin") but can neither make an Admin nor
-- touch one's row (its PIN hash included).
create or replace function public.foh_team_guard() returns trigger
language plpgsql as $$
declare
  r uuid := case when tg_op = 'DELETE' then old.restaurant_id else new.restaurant_id end;
  caller text;
  me uuid;
begin
  if not foh_auth.is_api_caller() then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  caller := foh_auth.team_role(r);
  me := foh_auth.member_id(r);
  if tg_op <> 'INSERT' and old.id = me then
    if tg_op = 'DELETE' then
      raise exception using errcode = '42501', message = 'a team member cannot remove itself';
    end if;
    if new.role is distinct from old.role or new.pin is distinct from old.pin
       or new.pin_salt is distinct from old.pin_salt or new.is_active is distinct from old.is_active
       or new.id is distinct from old.id or new.restaurant_id is distinct from old.restaurant_id then
      raise exception using errcode = '42501',
        message = 'a team member cannot change its own role, PIN or is_active';
    end if;
  end if;
  if ((tg_op <> 'INSERT' and old.role = 'Admin') or (tg_op <> 'DELETE' and new.role = 'Admin'))
     and caller is distinct from 'Admin' then
    raise exception using errcode = '42501',
      message = 'only an Admin may create, change or remove an Admin';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
drop trigger if exists foh_02_team_guard on public.team_members;
create trigger foh_02_team_guard before insert or update or delete on public.team_members
  for each row execute function public.foh_team_guard();

-- The audit trail's author comes from the token alone (foh_auth.member_id:
-- the active member the token names). 005 fell back to a transaction setting
-- and to the row's client-written created_by, so any writer could sign an
-- event as someone else. The service role and direct connections act as no
-- member (null).
create or replace function public.foh_status_event() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  extra jsonb := coalesce(nullif(current_setting('foh.event_metadata', true), ''), '{}')::jsonb;
begin
  if tg_op = 'UPDATE' and new.status is not distinct from old.status then
    return null;
  end if;
  insert into public.reservation_events
    (reservation_id, customer_id, from_status, to_status, changed_by, metadata)
  values
    (new.id, new.customer_id, case when tg_op = 'UPDATE' then old.status end, new.status,
     foh_auth.member_id(new.restaurant_id),
     jsonb_strip_nulls(jsonb_build_object('arrived_count', new.arrived_count,
                                          'table_number', new.table_number)) || extra);
  return null;
end
$$;
drop function if exists public.foh_acting_member();

-- Events are append-only for everyone but the service role: the grants above
-- leave authenticated only SELECT; this holds even where a project's own
-- grants or policies are wider. current_user alone, not the claims: foreign
-- key actions (a customer deleted: customer_id set null) run as the table's
-- owner and must go through.
create or replace function public.foh_events_append_only() returns trigger
language plpgsql as $$
begin
  if current_user in ('anon', 'authenticated') then
    raise exception using errcode = '42501', message = 'reservation_events are append-only';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
drop trigger if exists foh_01_append_only on public.reservation_events;
create trigger foh_01_append_only before update or delete on public.reservation_events
  for each row execute function public.foh_events_append_only();
