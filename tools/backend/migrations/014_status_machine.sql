-- 014: the reservation status machine of engine/status (status.hpp), enforced
-- on every write through the API, so that no PATCH walks a reservation
-- Confirmed -> Completed -> Pending. tests/backend/test_status_machine.cpp walks
-- every (from, to, role) triple through foh::transition / foh::undo and
-- through this trigger and checks they agree.
--
-- reservation_status_rules is the engine's table, one row a move:
--   from_status '' = creation (foh::create: live statuses only)
--   Pending   -> Confirmed, Arrived, Seated, Cancelled
--   Confirmed -> Arrived, Seated, No-show, Cancelled
--   Arrived   -> Seated, No-show, Cancelled (and Arrived -> Arrived, a
--                partial arrival: a write that keeps the status is never
--                refused here, which also keeps replays no-ops)
--   Seated    -> Completed, Cancelled
--   needs_manager: Cancelled (permissions.hpp: cancel is sensitive)
-- Besides the table, an undo (foh::undo): the move back over the
-- reservation's latest event (to = its from_status, from = its to_status,
-- not the creation), by a Manager or Admin only.
-- Refusals: P0001 "cannot go from X to Y" (400), 42501 "... needs a Manager or
-- Admin" (403). The service role and direct connections are not checked.

create table if not exists public.reservation_status_rules (
  from_status text not null,
  to_status text not null,
  needs_manager boolean not null default false,
  primary key (from_status, to_status)
);
alter table public.reservation_status_rules enable row level security;
revoke all on public.reservation_status_rules from public, anon, authenticated;
grant select on public.reservation_status_rules to authenticated, service_role;
drop policy if exists foh_read on public.reservation_status_rules;
create policy foh_read on public.reservation_status_rules for select to authenticated
  using (true);

with rules(from_status, to_status, needs_manager) as (values
  ('', 'Pending', false), ('', 'Confirmed', false), ('', 'Arrived', false), ('', 'Seated', false),
  ('Pending', 'Confirmed', false), ('Pending', 'Arrived', false), ('Pending', 'Seated', false),
  ('Pending', 'Cancelled', true),
  ('Confirmed', 'Arrived', false), ('Confirmed', 'Seated', false), ('Confirmed', 'No-show', false),
  ('Confirmed', 'Cancelled', true),
  ('Arrived', 'Arrived', false), ('Arrived', 'Seated', false), ('Arrived', 'No-show', false),
  ('Arrived', 'Cancelled', true),
  ('Seated', 'Completed', false), ('Seated', 'Cancelled', true)),
kept as (
  insert into public.reservation_status_rules as r
  select * from rules
  on conflict (from_status, to_status) do update set needs_manager = excluded.needs_manager
  returning r.from_status, r.to_status)
delete from public.reservation_status_rules r
 where not exists (select 1 from rules w
                    where w.from_status = r.from_status and w.to_status = r.to_status);

create or replace function public.foh_status_rules() returns trigger
language plpgsql as $$
declare
  rule public.reservation_status_rules;
  caller text;
  last record;
begin
  if not foh_auth.is_api_caller() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if exists (select 1 from public.reservation_status_rules
                where from_status = '' and to_status = new.status) then
      return new;
    end if;
    -- An upsert of an existing row comes here first (full-row pushes carry
    -- the current status); its UPDATE half is checked below.
    if exists (select 1 from public.reservations where id = new.id) then
      return new;
    end if;
    raise exception using errcode = 'P0001',
      message = format('a reservation cannot be created %s', new.status),
      hint = 'only Pending, Confirmed, Arrived or Seated';
  end if;
  if new.status = old.status then
    return new;
  end if;
  caller := foh_auth.team_role(new.restaurant_id);
  select * into rule from public.reservation_status_rules
   where from_status = old.status and to_status = new.status;
  if found then
    if rule.needs_manager and caller is distinct from 'Admin' and caller is distinct from 'Manager'
       and caller is distinct from 'service' then
      raise exception using errcode = '42501',
        message = format('%s needs a Manager or Admin',
                         case when new.status = 'Cancelled' then 'cancelling'
                              else format('going from %s to %s', old.status, new.status) end);
    end if;
    return new;
  end if;
  select e.from_status, e.to_status into last from public.reservation_events e
   where e.reservation_id = old.id order by e.sync_seq desc limit 1;
  if found and last.from_status = new.status and last.to_status = old.status then
    if caller is distinct from 'Admin' and caller is distinct from 'Manager'
       and caller is distinct from 'service' then
      raise exception using errcode = '42501', message = 'undoing needs a Manager or Admin';
    end if;
    return new;
  end if;
  raise exception using errcode = 'P0001',
    message = format('cannot go from %s to %s', old.status, new.status),
    detail = old.status;
end
$$;
drop trigger if exists foh_03_status_rules on public.reservations;
create trigger foh_03_status_rules before insert or update of status on public.reservations
  for each row execute function public.foh_status_rules();
