-- 020: the rules of 019's texts. Settings (restaurants.settings): locale,
-- timezone, sms.{included_per_month, country_code, quiet_hours {start, end},
-- reminder_hours, reconfirmation_hours, templates {fr|en: {type: text}}}.

create or replace function foh_private.sms_settings(r uuid) returns jsonb
language sql stable as $$
  select coalesce(settings -> 'sms', '{}'::jsonb)
         || jsonb_build_object('locale', coalesce(settings ->> 'locale', 'fr'),
                               'timezone', coalesce(settings ->> 'timezone', 'Europe/Paris'),
                               'restaurant', name)
    from public.restaurants where id = r
$$;

-- Named once: texts a month in the plan when settings say nothing.
create or replace function foh_private.sms_default_included() returns int
language sql immutable as 'select 200';

-- A phone as the provider wants it (E.164), or null when it cannot be one.
-- National numbers (a leading 0) take the restaurant's country code.
create or replace function foh_private.e164(phone text, country_code text) returns text
language sql immutable as $$
  select case
    when d is null or length(d) < 4 then null
    when phone ~ '^\s*\+' then '+' || d
    when d ~ '^00' then '+' || substr(d, 3)
    when d ~ '^0' then coalesce(country_code, '+33') || substr(d, 2)
    else '+' || d end
  from (select nullif(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), '') as d) x
$$;

-- A long random secret (two v4 UUIDs: 244 random bits, 64 hex characters);
-- core PostgreSQL, so no extension is needed.
create or replace function foh_private.new_token() returns text
language sql volatile as $$
  select replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
$$;

-- Is `at` inside the restaurant's quiet hours (local time; a period may span midnight)?
create or replace function foh_private.in_quiet_hours(s jsonb, at timestamptz) returns boolean
language plpgsql stable as $$
declare
  q jsonb := s -> 'quiet_hours';
  t time;
  a time;
  b time;
begin
  if q is null or q ->> 'start' is null or q ->> 'end' is null then
    return false;
  end if;
  t := (at at time zone (s ->> 'timezone'))::time;
  a := (q ->> 'start')::time;
  b := (q ->> 'end')::time;
  return case when a <= b then t >= a and t < b else t >= a or t < b end;
end
$$;

-- When the quiet period containing `at` ends (`at` itself outside one).
create or replace function foh_private.quiet_end(s jsonb, at timestamptz) returns timestamptz
language plpgsql stable as $$
declare
  tz text := s ->> 'timezone';
  local_at timestamp := at at time zone tz;
  e timestamp;
begin
  if not foh_private.in_quiet_hours(s, at) then
    return at;
  end if;
  e := local_at::date + (s -> 'quiet_hours' ->> 'end')::time;
  if e <= local_at then
    e := e + interval '1 day';
  end if;
  return e at time zone tz;
end
$$;

create or replace function foh_private.default_template(lang text, kind text) returns text
language sql immutable as $$
  select case lang || '/' || kind
    when 'fr/waitlist_joined' then '{restaurant} : {name}, vous êtes n°{position} sur la liste d''attente{quote}. Votre place en direct : {link} — répondez 9 pour vous retirer.'
    when 'fr/table_ready' then '{restaurant} : {name}, votre table est prête ! Présentez-vous à l''accueil. Répondez 1 si vous arrivez, 9 pour annuler.'
    when 'fr/confirmation' then '{restaurant} : réservation confirmée pour {party} personne(s) le {date} à {time}. Répondez 9 pour annuler.'
    when 'fr/reminder' then '{restaurant} : rappel, nous vous attendons le {date} à {time} pour {party}. Répondez 9 pour annuler.'
    when 'fr/reconfirmation' then '{restaurant} : merci de confirmer votre réservation du {date} à {time} : répondez 1 pour confirmer, 9 pour annuler (réf. {token}).'
    when 'en/waitlist_joined' then '{restaurant}: {name}, you are number {position} on the waitlist{quote}. Live position: {link} — reply 9 to leave the list.'
    when 'en/table_ready' then '{restaurant}: {name}, your table is ready! Please come to the host stand. Reply 1 if you are on your way, 9 to cancel.'
    when 'en/confirmation' then '{restaurant}: your booking for {party} on {date} at {time} is confirmed. Reply 9 to cancel.'
    when 'en/reminder' then '{restaurant}: a reminder, we expect you on {date} at {time} for {party}. Reply 9 to cancel.'
    when 'en/reconfirmation' then '{restaurant}: please confirm your booking on {date} at {time}: reply 1 to confirm, 9 to cancel (ref. {token}).'
  end
$$;

-- The restaurant's template for (language, type), else ours; placeholders
-- {key} replaced from `vars`. {link} holds "{public_url}", which the sender
-- fills from FOH_PUBLIC_URL (the database does not know its public address).
create or replace function foh_private.render(s jsonb, lang text, kind text, vars jsonb)
returns text language plpgsql stable as $$
declare
  body text := coalesce(s -> 'templates' -> lang ->> kind, foh_private.default_template(lang, kind));
  k text;
  v text;
begin
  for k, v in select key, value from jsonb_each_text(vars) loop
    body := replace(body, '{' || k || '}', coalesce(v, ''));
  end loop;
  return body;
end
$$;

-- The seed's quota: included + bought credits - sent, this month.
create or replace function foh_private.sms_remaining(r uuid, included int) returns int
language sql stable as $$
  select coalesce(included, (foh_private.sms_settings(r) ->> 'included_per_month')::int,
                  foh_private.sms_default_included())
         + coalesce(u.sms_credits, 0) - coalesce(u.sms_sent, 0)
    from (select 1) one
    left join public.sms_usage u on u.restaurant_id = r and u.month = to_char(now(), 'YYYY-MM')
$$;

create or replace function public.get_sms_quota(restaurant_id uuid, included int default null)
returns jsonb language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
  r uuid := restaurant_id;
  u public.sms_usage;
  inc int;
begin
  if foh_auth.is_api_caller() and not r in (select public.foh_restaurant_ids()) then
    raise exception using errcode = '42501', message = 'not a member of this restaurant';
  end if;
  inc := coalesce(included, (foh_private.sms_settings(r) ->> 'included_per_month')::int,
                  foh_private.sms_default_included());
  select * into u from public.sms_usage s where s.restaurant_id = r
     and s.month = to_char(now(), 'YYYY-MM');
  return jsonb_build_object('month', to_char(now(), 'YYYY-MM'), 'included', inc,
    'sms_credits', coalesce(u.sms_credits, 0), 'sms_sent', coalesce(u.sms_sent, 0),
    'remaining', inc + coalesce(u.sms_credits, 0) - coalesce(u.sms_sent, 0));
end
$$;
revoke all on function public.get_sms_quota(uuid, int) from public, anon;
grant execute on function public.get_sms_quota(uuid, int) to authenticated, service_role;

-- Queues one text, or records why it cannot go. Returns (status, reason) for
-- the subject's last_text_* columns. A (subject, kind) already queued or sent
-- is left as it is (status null: nothing to record).
create or replace function foh_private.enqueue_text(
  r uuid, kind text, is_waitlist boolean, subject uuid, phone text, consent boolean,
  lang text, vars jsonb, out status text, out reason text)
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  s jsonb := foh_private.sms_settings(r);
  l text := coalesce(lang, s ->> 'locale');
  to_phone text := foh_private.e164(phone, s ->> 'country_code');
  body text;
  qid uuid := gen_random_uuid();
  pending int;
begin
  if l not in ('fr', 'en') then l := 'fr'; end if;
  if exists (select 1 from foh_private.outgoing_texts o
              where o.subject_id = subject and o.kind = enqueue_text.kind) then
    return;  -- one text per (entry or booking, type)
  end if;
  reason := case when not coalesce(consent, false) then 'no_consent'
                 when to_phone is null then 'no_phone' end;
  if reason is null then
    select count(*) into pending from foh_private.outgoing_texts o
     where o.restaurant_id = r and o.status = 'queued';
    if foh_private.sms_remaining(r, null) - pending <= 0 then reason := 'quota'; end if;
  end if;
  body := foh_private.render(s, l, kind, vars || jsonb_build_object('restaurant', s ->> 'restaurant'));
  if reason is not null and reason <> 'quota' and kind <> 'table_ready' then
    reason := null;  -- automatic texts: no consent or no phone is no news
    return;
  end if;
  if reason is not null then
    status := 'refused';
    -- One refused row per (subject, type, reason): pressing Notify again
    -- does not pile them up.
    if not exists (select 1 from public.communication_events c
                    where coalesce(c.waitlist_entry_id, c.reservation_id) = subject
                      and c.type = kind and c.status = 'refused' and c.reason = enqueue_text.reason) then
      insert into public.communication_events (restaurant_id, reservation_id, waitlist_entry_id,
        type, recipient, body, language, status, reason)
      values (r, case when is_waitlist then null else subject end,
              case when is_waitlist then subject end, kind, to_phone, body, l, 'refused', reason);
    end if;
    return;
  end if;
  insert into foh_private.outgoing_texts (id, restaurant_id, subject_id, kind, to_phone, body, not_before)
  values (qid, r, subject, kind, to_phone, body,
          case when kind = 'table_ready' then now() else foh_private.quiet_end(s, now()) end)
  on conflict on constraint outgoing_texts_subject_id_kind_key do nothing;
  if not found then return; end if;
  insert into public.communication_events (id, restaurant_id, reservation_id, waitlist_entry_id,
    type, recipient, body, language, status)
  values (qid, r, case when is_waitlist then null else subject end,
          case when is_waitlist then subject end, kind, to_phone, body, l, 'queued');
  status := 'queued';
end
$$;

-- Columns only the database writes: an API caller's values are ignored (a
-- terminal's full-row upsert sends back what it last pulled), unless one of
-- our functions is writing (foh.sms_writer, set for its transaction). The
-- waitlist's notification_token is made here on every insert, whoever sends
-- one, and never changed by an update (021 replaces it when the entry closes).
-- Security definer: an anon kiosk insert needs foh_private.new_token(); the
-- caller is still told apart by its claims (foh_auth.is_api_caller).
create or replace function public.foh_sms_guard() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  api boolean := foh_auth.is_api_caller()
                 and coalesce(current_setting('foh.sms_writer', true), '') <> 'on';
begin
  if tg_table_name = 'waitlist_entries' then
    if tg_op = 'INSERT' then
      new.client_token := left(new.notification_token, 200);
      new.notification_token := foh_private.new_token();
    elsif coalesce(current_setting('foh.sms_writer', true), '') <> 'on' then
      new.notification_token := old.notification_token;
      new.client_token := old.client_token;
    end if;
  elsif api then
    new.reconfirmation_token := case when tg_op = 'UPDATE' then old.reconfirmation_token end;
  end if;
  if not api then
    return new;
  end if;
  if tg_op = 'INSERT' then
    new.last_text_type := null; new.last_text_status := null; new.last_text_at := null;
    new.last_text_reason := null; new.guest_reply := null; new.guest_reply_at := null;
  else
    new.last_text_type := old.last_text_type; new.last_text_status := old.last_text_status;
    new.last_text_at := old.last_text_at; new.last_text_reason := old.last_text_reason;
    new.guest_reply := old.guest_reply; new.guest_reply_at := old.guest_reply_at;
  end if;
  return new;
end
$$;
