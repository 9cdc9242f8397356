-- 020: the guest's position page (GET /w/<notification_token> on foh-backend,
-- tools/backend/src/position_page.cpp). Both functions live in foh_private,
-- which the REST API does not expose, and nobody but their owner (the role
-- foh-backend connects as) may execute them: the page reaches them, the anon
-- key does not, and anon's table access stays what 015 and 017 made it.

create schema if not exists foh_private;

-- One open entry by its token: what the page shows of it, and what the engine
-- needs to quote its wait (plan_waitlist, as the terminal quotes). Other
-- guests appear only as anonymous parties: names, phones, e-mails, notes and
-- tokens are blanked before the rows leave the function. Null when the token
-- is unknown or the entry is closed (converted, expired, cancelled): a token
-- dies with its entry.
create or replace function foh_private.position_page(p_token text) returns jsonb
language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
  e public.waitlist_entries;
  r public.restaurants;
  tz text;
  pos int;
begin
  if p_token is null or length(p_token) < 16 then
    return null;
  end if;
  select * into e from public.waitlist_entries w where w.notification_token = p_token;
  if not found or e.status not in ('waiting', 'notified', 'called') then
    return null;
  end if;
  select * into r from public.restaurants where id = e.restaurant_id;
  tz := coalesce(nullif(r.settings ->> 'timezone', ''), 'Europe/Paris');
  -- Same count as waitlist_position (007): open entries that joined earlier.
  select count(*) + 1 into pos from public.waitlist_entries w
   where w.restaurant_id = e.restaurant_id and w.date = e.date
     and w.status in ('waiting', 'notified', 'called')
     and (w.created_at, w.id) < (e.created_at, e.id);
  return jsonb_build_object(
    'entry', jsonb_build_object('id', e.id, 'status', e.status, 'position', pos,
                                'party_size', e.party_size, 'date', e.date,
                                'created_at', e.created_at, 'updated_at', e.updated_at),
    'restaurant_name', r.name,
    'restaurant_locale', coalesce(r.settings ->> 'locale', 'fr'),
    'local_now', to_char(now() at time zone tz, 'YYYY-MM-DD"T"HH24:MI:SS'),
    'utc_offset_s', extract(epoch from (now() at time zone tz) - (now() at time zone 'UTC'))::int,
    'venue', jsonb_build_object(
      'restaurant', to_jsonb(r),
      'floor_plans', coalesce((select jsonb_agg(to_jsonb(x)) from public.floor_plans x
                                where x.restaurant_id = r.id), '[]'),
      'zones', coalesce((select jsonb_agg(to_jsonb(x)) from public.zones x
                          where x.restaurant_id = r.id), '[]'),
      'tables', coalesce((select jsonb_agg(to_jsonb(x)) from public.tables x
                           where x.restaurant_id = r.id), '[]'),
      'services', coalesce((select jsonb_agg(to_jsonb(x)) from public.services x
                             where x.restaurant_id = r.id), '[]'),
      'team_members', '[]'::jsonb),
    'day', jsonb_build_object(
      'date', e.date,
      'reservations', coalesce((select jsonb_agg(to_jsonb(x) || jsonb_build_object(
          'guest_name', '', 'guest_phone', null, 'guest_email', null, 'notes', null,
          'customer_id', null, 'reconfirmation_token', null))
        from public.reservations x where x.restaurant_id = r.id and x.date = e.date), '[]'),
      'waitlist_entries', coalesce((select jsonb_agg(to_jsonb(x) || jsonb_build_object(
          'guest_name', '', 'guest_phone', null, 'guest_email', null, 'notes', null,
          'notification_token', ''))
        from public.waitlist_entries x where x.restaurant_id = r.id and x.date = e.date), '[]'),
      'daily_table_overrides', coalesce((select jsonb_agg(to_jsonb(x))
        from public.daily_table_overrides x where x.restaurant_id = r.id and x.date = e.date), '[]'),
      'daily_extra_tables', coalesce((select jsonb_agg(to_jsonb(x))
        from public.daily_extra_tables x where x.restaurant_id = r.id and x.date = e.date), '[]'),
      'daily_floor_notes', coalesce((select jsonb_agg(to_jsonb(x))
        from public.daily_floor_notes x where x.restaurant_id = r.id and x.date = e.date), '[]')));
end
$$;

-- "Leave the list" from the page: an open entry (waiting, notified, called)
-- becomes cancelled, the only move a guest may make; the sync triggers stamp
-- it so every terminal pulls it. Idempotent: an entry already cancelled
-- answers 'cancelled' again and changes nothing. Answers the entry's status
-- afterwards (a converted or expired entry stays as it is), null for an
-- unknown token.
create or replace function foh_private.waitlist_leave(p_token text) returns text
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  st text;
begin
  if p_token is null or length(p_token) < 16 then
    return null;
  end if;
  update public.waitlist_entries set status = 'cancelled'
   where notification_token = p_token and status in ('waiting', 'notified', 'called')
  returning status into st;
  if st is null then
    select status into st from public.waitlist_entries where notification_token = p_token;
  end if;
  return st;
end
$$;

revoke all on function foh_private.position_page(text) from public, anon, authenticated,
  service_role;
revoke all on function foh_private.waitlist_leave(text) from public, anon, authenticated,
  service_role;
