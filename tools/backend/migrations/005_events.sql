-- 005: reservation_events, the immutable audit log, written only here: one row
-- on creation (from_status null) and one per actual status change. An UPDATE
-- that leaves the status as it was (a replayed push) writes nothing.

-- The team member acting: a transaction setting (foh.changed_by), else the
-- member of the token (sub = team member id for PIN logins, or the member
-- whose user_id is the Supabase user), else null.
create or replace function public.foh_acting_member() returns uuid
language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
  claimed text := nullif(current_setting('foh.changed_by', true), '');
  sub uuid;
  member uuid;
begin
  if claimed is not null then
    return claimed::uuid;
  end if;
  begin
    sub := nullif(coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
                  ->> 'sub', '')::uuid;
  exception when invalid_text_representation then
    return null;  -- a subject that is not a uuid names no team member
  end;
  if sub is null then
    return null;
  end if;
  select m.id into member from public.team_members m
   where m.id = sub or m.user_id = sub
   order by (m.id = sub) desc limit 1;
  return member;
end
$$;

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
     coalesce(public.foh_acting_member(), new.created_by),
     jsonb_strip_nulls(jsonb_build_object('arrived_count', new.arrived_count,
                                          'table_number', new.table_number)) || extra);
  return null;
end
$$;

drop trigger if exists foh_50_status_event on public.reservations;
create trigger foh_50_status_event after insert or update of status on public.reservations
  for each row execute function public.foh_status_event();
