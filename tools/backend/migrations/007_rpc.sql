-- 007: the RPC functions the terminal calls (POST /rest/v1/rpc/NAME).

-- The safe pull horizon (SYNC.md): every transaction with an id below it has
-- finished, so rows with sync_xid < horizon visible now stay visible.
create or replace function public.sync_horizon() returns jsonb
language sql volatile as $$
  select jsonb_build_object(
    'horizon', pg_snapshot_xmin(pg_current_snapshot())::text::bigint,
    'server_time', now())
$$;
grant execute on function public.sync_horizon() to authenticated, service_role;

-- The kiosk's view of its own entry, by the token it made when joining.
-- Position counts the entries of that restaurant and date still waiting or
-- notified that joined earlier, plus one.
create or replace function public.waitlist_position(p_token text) returns jsonb
language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
  e public.waitlist_entries;
  pos int;
begin
  select * into e from public.waitlist_entries w where w.notification_token = p_token;
  if not found then
    return null;
  end if;
  if e.status in ('waiting', 'notified') then
    select count(*) + 1 into pos from public.waitlist_entries w
     where w.restaurant_id = e.restaurant_id and w.date = e.date
       and w.status in ('waiting', 'notified')
       and (w.created_at, w.id) < (e.created_at, e.id);
  end if;
  return jsonb_build_object('id', e.id, 'status', e.status, 'position', pos,
                            'party_size', e.party_size, 'date', e.date);
end
$$;
grant execute on function public.waitlist_position(text) to anon, authenticated, service_role;

-- A status change that a replay cannot apply twice: already at p_to => no-op,
-- no event; neither p_from nor p_to => P0001 "status conflict". p_metadata goes
-- into the reservation_events row. Runs as the caller, so RLS applies.
create or replace function public.change_reservation_status(
  p_id uuid, p_to text, p_from text default null, p_metadata jsonb default '{}'::jsonb)
returns public.reservations
language plpgsql volatile as $$
declare
  r public.reservations;
begin
  select * into r from public.reservations where id = p_id for update;
  if not found then
    raise exception using errcode = 'P0001', message = format('reservation %s not found', p_id),
      detail = 'not found';
  end if;
  if r.status = p_to then
    return r;
  end if;
  if p_from is not null and r.status <> p_from then
    raise exception using errcode = 'P0001',
      message = format('status conflict: reservation %s is %s, not %s', p_id, r.status, p_from),
      detail = r.status;
  end if;
  perform set_config('foh.event_metadata', coalesce(p_metadata, '{}'::jsonb)::text, true);
  update public.reservations set status = p_to where id = p_id returning * into r;
  perform set_config('foh.event_metadata', '', true);
  return r;
end
$$;
grant execute on function public.change_reservation_status(uuid, text, text, jsonb)
  to authenticated, service_role;
