-- 008: a status change in ONE call, with the columns that go with it, and
-- recognised when replayed (net/ pushes it; see SYNC.md "Status change").
--
-- change_reservation_status gains
--   p_patch    jsonb: other reservation columns set in the same UPDATE
--              (arrived_count, seated_at, table_id, table_number...), so the
--              terminal no longer sends a PATCH after the RPC;
--   p_event_id uuid: the terminal's id for this change, kept in the audit
--              event's metadata as client_event_id. A replay whose event
--              exists changes nothing, even after another terminal moved the
--              status on (the old "already p_to" test would then refuse it).
-- The 4-argument version is dropped so that the name has one signature.

drop function if exists public.change_reservation_status(uuid, text, text, jsonb);

create or replace function public.change_reservation_status(
  p_id uuid, p_to text, p_from text default null, p_metadata jsonb default '{}'::jsonb,
  p_patch jsonb default '{}'::jsonb, p_event_id uuid default null)
returns public.reservations
language plpgsql volatile as $$
declare
  r public.reservations;
  sets text;
  unknown text;
  meta jsonb := coalesce(p_metadata, '{}'::jsonb);
  patch jsonb := coalesce(p_patch, '{}'::jsonb);
begin
  select * into r from public.reservations where id = p_id for update;
  if not found then
    raise exception using errcode = 'P0001', message = format('reservation %s not found', p_id),
      detail = 'not found';
  end if;
  if p_event_id is not null and exists (
      select 1 from public.reservation_events e
       where e.reservation_id = p_id and e.metadata ->> 'client_event_id' = p_event_id::text) then
    return r;  -- this change already landed
  end if;
  if p_from is not null and r.status <> p_from and r.status <> p_to then
    raise exception using errcode = 'P0001',
      message = format('status conflict: reservation %s is %s, not %s', p_id, r.status, p_from),
      detail = r.status;
  end if;
  select string_agg(k, ', ') into unknown from jsonb_object_keys(patch) k
   where k in ('id', 'restaurant_id', 'status', 'created_at', 'updated_at', 'sync_xid', 'sync_seq')
      or not exists (select 1 from information_schema.columns c
                      where c.table_schema = 'public' and c.table_name = 'reservations'
                        and c.column_name = k);
  if unknown is not null then
    raise exception using errcode = '42703',
      message = format('change_reservation_status: p_patch may not set %s', unknown);
  end if;
  select string_agg(format('%I = ($1).%I', k, k), ', ') into sets from jsonb_object_keys(patch) k;
  if p_event_id is not null then
    meta := meta || jsonb_build_object('client_event_id', p_event_id);
  end if;
  perform set_config('foh.event_metadata', meta::text, true);
  execute format('update public.reservations set status = $2%s where id = $3 returning *',
                 coalesce(', ' || sets, ''))
    into r using jsonb_populate_record(r, patch), p_to, p_id;
  perform set_config('foh.event_metadata', '', true);
  return r;
end
$$;
grant execute on function public.change_reservation_status(uuid, text, text, jsonb, jsonb, uuid)
  to authenticated, service_role;
