-- 022: what foh-sender and foh-backend's webhooks call (schema foh_sms: not an
-- rpc, the service role only). The sender's transaction per text:
--   begin; select * from foh_sms.claim();  -- the row stays locked (SKIP LOCKED for others)
--   <provider call>; select foh_sms.record_sent|record_retry|record_failed(...); commit;
-- A sender killed before its commit rolls the row back to 'queued' (PostgreSQL
-- aborts the transaction when the connection drops), so another sender takes
-- it: a text is sent again only when its provider call had not been answered
-- and committed (README "foh-sender").

-- The subject's last_text_* follow its latest text (a late callback of an
-- older type does not overwrite a newer one).
create or replace function foh_private.set_last_text(subject uuid, kind text, st text, why text)
returns void language plpgsql volatile as $$
begin
  perform set_config('foh.sms_writer', 'on', true);
  update public.waitlist_entries set last_text_status = st, last_text_reason = why, last_text_at = now()
   where id = subject and last_text_type = kind;
  update public.reservations set last_text_status = st, last_text_reason = why, last_text_at = now()
   where id = subject and last_text_type = kind;
  perform set_config('foh.sms_writer', 'off', true);
end
$$;

-- Is the entry or booking still one that a text of this kind makes sense for?
create or replace function foh_private.subject_open(subject uuid) returns boolean
language sql stable as $$
  select coalesce((select status in ('waiting', 'notified', 'called') from public.waitlist_entries where id = subject),
                  (select status in ('Pending', 'Confirmed', 'Arrived', 'Seated')
                     from public.reservations where id = subject), false)
$$;

-- One due text, locked until the caller's transaction ends; no row when none
-- is due. Texts other than "table ready" found inside their restaurant's quiet
-- hours wait for its end; texts of a closed entry or booking are dropped.
create or replace function foh_sms.claim(out id uuid, out to_phone text, out body text,
                                         out attempts int)
returns setof record language plpgsql volatile security definer
set search_path = public, pg_temp as $$
declare
  o foh_private.outgoing_texts;
  s jsonb;
begin
  for i in 1..20 loop  -- bounded: skips past at most 20 deferred or dropped rows per call
    select * into o from foh_private.outgoing_texts q
     where q.status = 'queued' and q.not_before <= now()
     order by q.not_before, q.created_at limit 1 for update skip locked;
    if not found then return; end if;
    s := foh_private.sms_settings(o.restaurant_id);
    if o.kind <> 'table_ready' and foh_private.in_quiet_hours(s, now()) then
      update foh_private.outgoing_texts q set not_before = foh_private.quiet_end(s, now())
       where q.id = o.id;
    elsif not foh_private.subject_open(o.subject_id) then
      update foh_private.outgoing_texts q set status = 'dropped' where q.id = o.id;
      update public.communication_events c set status = 'dropped', reason = 'closed'
       where c.id = o.id;
    else
      update foh_private.outgoing_texts q set attempts = q.attempts + 1 where q.id = o.id;
      id := o.id; to_phone := o.to_phone; body := o.body; attempts := o.attempts + 1;
      return next;
      return;
    end if;
  end loop;
end
$$;

create or replace function foh_sms.record_sent(p_id uuid, p_sid text, p_body text) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  o foh_private.outgoing_texts;
begin
  update foh_private.outgoing_texts set status = 'sent', sent_at = now(), provider_sid = p_sid,
         body = p_body, last_error = null
   where id = p_id returning * into o;
  update public.communication_events set status = 'sent', sent_at = now(), provider_sid = p_sid,
         body = p_body
   where id = p_id and status in ('queued', 'sending');
  insert into public.sms_usage as u (restaurant_id, month, sms_sent)
  values (o.restaurant_id, to_char(now(), 'YYYY-MM'), 1)
  on conflict (restaurant_id, month) do update set sms_sent = u.sms_sent + 1;
  perform foh_private.set_last_text(o.subject_id, o.kind, 'sent', null);
end
$$;

-- 429, 5xx or no answer: try again after `p_delay_ms`, up to `p_max_attempts`.
create or replace function foh_sms.record_retry(p_id uuid, p_delay_ms int, p_error text,
                                                p_max_attempts int) returns text
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  o foh_private.outgoing_texts;
begin
  select * into o from foh_private.outgoing_texts where id = p_id;
  if o.attempts >= p_max_attempts then
    perform foh_sms.record_failed(p_id, format('gave up after %s attempts: %s', o.attempts, p_error));
    return 'failed';
  end if;
  update foh_private.outgoing_texts set last_error = p_error,
         not_before = now() + make_interval(secs => p_delay_ms / 1000.0)
   where id = p_id;
  return 'queued';
end
$$;

-- A permanent refusal by the provider (4xx): recorded with its reason.
create or replace function foh_sms.record_failed(p_id uuid, p_reason text) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  o foh_private.outgoing_texts;
begin
  update foh_private.outgoing_texts set status = 'failed', last_error = p_reason
   where id = p_id returning * into o;
  update public.communication_events set status = 'failed', reason = p_reason, failed_at = now()
   where id = p_id;
  perform foh_private.set_last_text(o.subject_id, o.kind, 'failed', p_reason);
end
$$;

-- The provider's status callback. Returns 'applied', 'duplicate', 'ignored'
-- (an intermediate status) or 'unknown' (no text with that sid: not recorded,
-- so a retry after our own commit can still apply).
create or replace function foh_sms.apply_status(p_sid text, p_status text, p_error text)
returns text language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  c public.communication_events;
  rank_of constant jsonb := '{"queued": 0, "sending": 1, "sent": 2, "delivered": 3, "bounced": 3, "failed": 3}';
  to_status text := case p_status when 'sent' then 'sent' when 'delivered' then 'delivered'
                                  when 'failed' then 'bounced' when 'undelivered' then 'bounced' end;
begin
  select * into c from public.communication_events where provider_sid = p_sid and direction = 'outbound';
  if not found then return 'unknown'; end if;
  insert into foh_private.applied_webhooks (message_sid, what) values (p_sid, 'status:' || p_status)
  on conflict do nothing;
  if not found then return 'duplicate'; end if;
  if to_status is null or (rank_of ->> to_status)::int <= coalesce((rank_of ->> c.status)::int, 0) then
    return 'ignored';  -- queued/accepted, or older than what we know (callbacks may cross)
  end if;
  update public.communication_events set status = to_status,
         sent_at = coalesce(sent_at, now()),
         delivered_at = case when to_status = 'delivered' then now() else delivered_at end,
         bounced_at = case when to_status = 'bounced' then now() else bounced_at end,
         bounce_reason = case when to_status = 'bounced' then coalesce(p_error, p_status) else bounce_reason end
   where id = c.id;
  perform foh_private.set_last_text(coalesce(c.waitlist_entry_id, c.reservation_id), c.type,
    to_status, case when to_status = 'bounced' then coalesce(p_error, p_status) end);
  return 'applied';
end
$$;

-- A guest's reply, matched to the latest text sent to that phone (7 days).
-- Returns the action taken: 'confirmed', 'cancelled', 'message', 'unknown'
-- (no text to that phone: nothing stored) or 'duplicate'.
create or replace function foh_sms.apply_inbound(p_sid text, p_from text, p_body text)
returns text language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  c public.communication_events;
  word text := upper(btrim(coalesce(p_body, '')));
  action text := 'message';
  subject uuid;
  b public.reservations;
begin
  insert into foh_private.applied_webhooks (message_sid, what) values (p_sid, 'inbound')
  on conflict do nothing;
  if not found then return 'duplicate'; end if;
  select * into c from public.communication_events e
   where e.direction = 'outbound' and e.recipient = p_from
     and e.status not in ('refused', 'dropped') and e.created_at > now() - interval '7 days'
   order by e.created_at desc limit 1;
  if not found then return 'unknown'; end if;
  subject := coalesce(c.waitlist_entry_id, c.reservation_id);
  if word in ('1', 'OUI', 'YES') then action := 'confirmed';
  elsif word in ('9', 'ANNULER', 'CANCEL') then action := 'cancelled'; end if;
  perform set_config('foh.sms_writer', 'on', true);
  if c.waitlist_entry_id is not null then
    if action = 'cancelled' then
      update public.waitlist_entries set status = 'cancelled'
       where id = subject and status in ('waiting', 'notified', 'called');
    end if;
    update public.waitlist_entries set guest_reply_at = now(), guest_reply =
      case action when 'confirmed' then 'on arrive' when 'cancelled' then guest_reply
                  else left(p_body, 500) end
     where id = subject;
  else
    select * into b from public.reservations where id = subject;
    if action = 'confirmed' then
      update public.reservations set reconfirmation_status = 'confirmed', guest_reply_at = now()
       where id = subject;
    elsif action = 'cancelled' then
      if b.status in ('Pending', 'Confirmed', 'Arrived') then
        perform public.change_reservation_status(p_id => subject, p_to => 'Cancelled',
          p_metadata => jsonb_build_object('source', 'sms', 'provider_sid', p_sid));
      end if;
      update public.reservations set guest_reply_at = now(),
        reconfirmation_status = case when reconfirmation_status = 'pending' then 'declined'
                                     else reconfirmation_status end
       where id = subject;
    else
      update public.reservations set guest_reply = left(p_body, 500), guest_reply_at = now()
       where id = subject;
    end if;
  end if;
  perform set_config('foh.sms_writer', 'off', true);
  insert into public.communication_events (restaurant_id, reservation_id, waitlist_entry_id,
    customer_id, type, direction, recipient, body, status, reason, provider_sid)
  values (c.restaurant_id, c.reservation_id, c.waitlist_entry_id, c.customer_id, 'reply',
          'inbound', p_from, left(p_body, 500), 'received', action, p_sid);
  return action;
end
$$;

revoke all on all functions in schema foh_sms from public, anon, authenticated;
grant execute on all functions in schema foh_sms to service_role;
