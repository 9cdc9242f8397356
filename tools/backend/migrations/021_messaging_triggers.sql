-- 021: when texts are queued. BEFORE triggers on the entry or booking itself,
-- so the refusal or queueing lands in the same row version (last_text_*) and
-- the same transaction as the Notify, the join or the confirmation; they run
-- after 015's kiosk rules (foh_05) and 014's status rules (foh_03), before
-- 003's sync stamp (foh_10), so the stamp covers what they set.

-- The booking's words for a text, in its language.
create or replace function foh_private.booking_vars(r public.reservations, lang text) returns jsonb
language sql stable as $$
  select jsonb_build_object('name', r.guest_name, 'party', r.party_size,
    'date', case when lang = 'en' then to_char(r.date, 'FMMonth FMDD') else to_char(r.date, 'DD/MM') end,
    'time', to_char(r.time, 'HH24:MI'), 'token', coalesce(r.reconfirmation_token, ''))
$$;

create or replace function public.foh_waitlist_texts() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  kind text;
  lang text := coalesce(new.guest_language, foh_private.sms_settings(new.restaurant_id) ->> 'locale');
  pos int;
  quote text := '';
  res record;
begin
  if tg_op = 'UPDATE' and old.status in ('waiting', 'notified', 'called')
     and new.status not in ('waiting', 'notified', 'called') then
    new.notification_token := foh_private.new_token();  -- the tracking link dies with the entry
  end if;
  if tg_op = 'INSERT' and new.status in ('waiting', 'notified', 'called') then
    kind := 'waitlist_joined';
  elsif tg_op = 'UPDATE' and new.status = 'notified' and old.status is distinct from 'notified' then
    kind := 'table_ready';
  else
    return new;
  end if;
  select count(*) + 1 into pos from public.waitlist_entries w
   where w.restaurant_id = new.restaurant_id and w.date = new.date and w.id <> new.id
     and w.status in ('waiting', 'notified', 'called') and (w.created_at, w.id) < (new.created_at, new.id);
  if new.quoted_min is not null then
    quote := format(case when lang = 'en' then ' (estimated wait %s–%s min)'
                         else ' (attente estimée %s–%s min)' end,
                    new.quoted_min, coalesce(new.quoted_max, new.quoted_min));
  end if;
  res := foh_private.enqueue_text(new.restaurant_id, kind, true, new.id, new.guest_phone,
    new.consent, lang, jsonb_build_object('name', new.guest_name, 'party', new.party_size,
      'position', pos, 'quote', quote, 'link', '{public_url}/w/' || new.notification_token));
  if res.status is not null then
    new.last_text_type := kind; new.last_text_status := res.status;
    new.last_text_reason := res.reason; new.last_text_at := now();
  end if;
  return new;
end
$$;
drop trigger if exists foh_07_sms_guard on public.waitlist_entries;
create trigger foh_07_sms_guard before insert or update on public.waitlist_entries
  for each row execute function public.foh_sms_guard();
drop trigger if exists foh_08_sms on public.waitlist_entries;
create trigger foh_08_sms before insert or update on public.waitlist_entries
  for each row execute function public.foh_waitlist_texts();

create or replace function public.foh_booking_texts() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  lang text := coalesce(new.guest_language, foh_private.sms_settings(new.restaurant_id) ->> 'locale');
  res record;
begin
  if new.status <> 'Confirmed' or (tg_op = 'UPDATE' and old.status = 'Confirmed') then
    return new;
  end if;
  res := foh_private.enqueue_text(new.restaurant_id, 'confirmation', false, new.id,
    new.guest_phone, new.sms_consent, lang, foh_private.booking_vars(new, lang));
  if res.status is not null then
    new.last_text_type := 'confirmation'; new.last_text_status := res.status;
    new.last_text_reason := res.reason; new.last_text_at := now();
  end if;
  return new;
end
$$;
drop trigger if exists foh_07_sms_guard on public.reservations;
create trigger foh_07_sms_guard before insert or update on public.reservations
  for each row execute function public.foh_sms_guard();
drop trigger if exists foh_08_sms on public.reservations;
create trigger foh_08_sms before insert or update on public.reservations
  for each row execute function public.foh_booking_texts();

-- Reminders and reconfirmation requests are due by the clock, not by a write:
-- the sender calls this every few seconds. Bookings of the coming days that
-- are still to come, with consent, without that text yet. The UNIQUE key of
-- the queue keeps two senders from queueing one twice.
create or replace function foh_sms.enqueue_due() returns int
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  b public.reservations;
  s jsonb;
  starts timestamptz;
  lang text;
  res record;
  n int := 0;
begin
  perform set_config('foh.sms_writer', 'on', true);
  for b in select * from public.reservations v
            where v.date between current_date - 1 and current_date + 3
              and v.status in ('Confirmed', 'Pending') and v.sms_consent
              and (not exists (select 1 from foh_private.outgoing_texts o
                                where o.subject_id = v.id and o.kind = 'reminder')
                   or (v.reconfirmation_status is null and not exists (
                         select 1 from foh_private.outgoing_texts o
                          where o.subject_id = v.id and o.kind = 'reconfirmation'))) loop
    s := foh_private.sms_settings(b.restaurant_id);
    starts := (b.date + b.time) at time zone (s ->> 'timezone');
    lang := coalesce(b.guest_language, s ->> 'locale');
    if starts <= now() then continue; end if;
    if s ? 'reconfirmation_hours' and b.reconfirmation_status is null
       and starts - make_interval(hours => (s ->> 'reconfirmation_hours')::int) <= now() then
      b.reconfirmation_token := foh_private.new_token();
      res := foh_private.enqueue_text(b.restaurant_id, 'reconfirmation', false, b.id,
        b.guest_phone, true, lang, foh_private.booking_vars(b, lang));
      if res.status = 'queued' then
        update public.reservations set reconfirmation_token = b.reconfirmation_token,
          reconfirmation_sent_at = now(), reconfirmation_status = 'pending',
          last_text_type = 'reconfirmation', last_text_status = 'queued', last_text_at = now()
         where id = b.id;
        n := n + 1;
      end if;
    end if;
    if starts - make_interval(hours => coalesce((s ->> 'reminder_hours')::int, 24)) <= now() then
      res := foh_private.enqueue_text(b.restaurant_id, 'reminder', false, b.id, b.guest_phone,
        true, lang, foh_private.booking_vars(b, lang));
      if res.status = 'queued' then
        update public.reservations set
          reminders_sent = coalesce(reminders_sent, '{}') || jsonb_build_object('at', now()),
          last_text_type = 'reminder', last_text_status = 'queued', last_text_at = now()
         where id = b.id;
        n := n + 1;
      end if;
    end if;
  end loop;
  perform set_config('foh.sms_writer', 'off', true);
  return n;
end
$$;
revoke all on function foh_sms.enqueue_due() from public;
grant execute on function foh_sms.enqueue_due() to service_role;

-- 007's kiosk lookup, by the kiosk's own token (client_token) or the texted
-- link's (notification_token, made by the database since 020).
create or replace function public.waitlist_position(p_token text) returns jsonb
language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
  e public.waitlist_entries;
  pos int;
begin
  if p_token is null then
    return null;
  end if;
  select * into e from public.waitlist_entries w
   where w.notification_token = p_token or w.client_token = p_token
   order by w.notification_token = p_token desc limit 1;
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
revoke all on function public.waitlist_position(text) from public;
grant execute on function public.waitlist_position(text) to anon, authenticated, service_role;
