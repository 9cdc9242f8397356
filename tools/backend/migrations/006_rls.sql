-- 006: row-level security per restaurant, as Supabase would have it.
-- authenticated (staff): the rows of its restaurants (get_user_restaurant_ids()).
-- anon (the kiosk key): may only insert waitlist entries (status forced to
-- 'waiting') and read its own position through waitlist_position() (007).
-- service_role: bypasses RLS (BYPASSRLS), as on Supabase.

-- The restaurants of the caller: the restaurant_id claim of a PIN-login token,
-- plus the restaurants where the Supabase user (sub) is a team member. Our
-- policies use foh_restaurant_ids(); get_user_restaurant_ids() (the seed's
-- name) is created as the same thing only where a project doesn't have its own.
create or replace function public.foh_restaurant_ids() returns setof uuid
language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
  claims jsonb := coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb;
  rid uuid;
  sub uuid;
begin
  begin
    rid := nullif(claims ->> 'restaurant_id', '')::uuid;
    sub := nullif(claims ->> 'sub', '')::uuid;
  exception when invalid_text_representation then
    return;  -- malformed claims grant nothing
  end;
  if rid is not null then
    return next rid;
  end if;
  if sub is not null then
    return query select m.restaurant_id from public.team_members m
                  where m.user_id = sub and m.is_active and m.restaurant_id is distinct from rid;
  end if;
end
$$;

do $$
begin
  if not exists (select 1 from pg_proc where proname = 'get_user_restaurant_ids'
                 and pronamespace = 'public'::regnamespace) then
    create function public.get_user_restaurant_ids() returns setof uuid
      language sql stable as 'select public.foh_restaurant_ids()';
  end if;
end
$$;

do $$
declare
  t text;
  cond text;
begin
  foreach t in array array['restaurants', 'floor_plans', 'zones', 'tables', 'services',
                           'team_members', 'customers', 'reservations', 'waitlist_entries',
                           'daily_table_overrides', 'daily_extra_tables', 'daily_floor_notes',
                           'reservation_events', 'sync_tombstones'] loop
    execute format('alter table public.%I enable row level security', t);
    execute format('revoke all on public.%I from anon', t);
    execute format('grant select, insert, update, delete on public.%I to authenticated, service_role', t);
    cond := case t
      when 'restaurants' then 'id in (select public.foh_restaurant_ids())'
      when 'reservation_events' then 'exists (select 1 from public.reservations r where r.id = reservation_id'
                                     ' and r.restaurant_id in (select public.foh_restaurant_ids()))'
      else 'restaurant_id in (select public.foh_restaurant_ids())' end;
    execute format('drop policy if exists foh_staff on public.%I', t);
    if t in ('reservation_events', 'sync_tombstones') then
      -- Written only by triggers; staff read them.
      execute format('create policy foh_staff on public.%I for select to authenticated using (%s)', t, cond);
    else
      execute format('create policy foh_staff on public.%I for all to authenticated using (%s) with check (%s)',
                     t, cond, cond);
    end if;
  end loop;
end
$$;

revoke insert, update, delete on public.reservation_events, public.sync_tombstones from authenticated;

-- The kiosk joins the waitlist; it can neither read nor change the queue.
grant insert on public.waitlist_entries to anon;
drop policy if exists foh_kiosk_join on public.waitlist_entries;
create policy foh_kiosk_join on public.waitlist_entries for insert to anon with check (true);

create or replace function public.foh_kiosk_entry() returns trigger
language plpgsql as $$
begin
  if current_user = 'anon' then
    new.status := 'waiting';  -- unconfirmed until a host acts on it
    new.notified_at := null;
    new.called_at := null;
    new.position_in_queue := null;
  end if;
  return new;
end
$$;
drop trigger if exists foh_05_kiosk on public.waitlist_entries;
create trigger foh_05_kiosk before insert on public.waitlist_entries
  for each row execute function public.foh_kiosk_entry();
