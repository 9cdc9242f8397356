-- 019: guest texts (issue 14; contract in SYNC.md "Guest texts"). The database
-- decides what is texted, to whom and when; foh-sender only sends what is in
-- foh_private.outgoing_texts, and foh-backend's webhooks record what the
-- provider reports. Deciding here means every writer (terminal, kiosk, service
-- tools) gets the same rules: consent, quota, quiet hours, one text per
-- (entry or booking, type) however many terminals press Notify.
-- Helpers and templates: 020_messaging_logic.sql.

-- Columns the terminal writes (the kiosk's box is its extra["consent"]).
alter table public.waitlist_entries add column if not exists consent boolean not null default false;
alter table public.waitlist_entries add column if not exists guest_language text;
-- The token a kiosk made itself (SYNC.md "Kiosk": anon cannot read the row
-- back, so it asks waitlist_position with its own); notification_token, the
-- texted link's, is the database's (020's guard).
alter table public.waitlist_entries add column if not exists client_token text;
create index if not exists waitlist_client_token on public.waitlist_entries (client_token);
alter table public.waitlist_entries add column if not exists quoted_min int;
alter table public.waitlist_entries add column if not exists quoted_max int;
alter table public.reservations add column if not exists sms_consent boolean not null default false;
alter table public.reservations add column if not exists guest_language text;
-- Columns only the database writes (the guard below keeps API writes off them).
do $$
declare
  t text;
begin
  foreach t in array array['waitlist_entries', 'reservations'] loop
    execute format('alter table public.%I add column if not exists last_text_type text', t);
    execute format('alter table public.%I add column if not exists last_text_status text', t);
    execute format('alter table public.%I add column if not exists last_text_at timestamptz', t);
    execute format('alter table public.%I add column if not exists last_text_reason text', t);
    execute format('alter table public.%I add column if not exists guest_reply text', t);
    execute format('alter table public.%I add column if not exists guest_reply_at timestamptz', t);
    execute format('alter table public.%I drop constraint if exists %I', t, t || '_guest_language');
    execute format('alter table public.%I add constraint %I check (guest_language in (''fr'', ''en''))',
                   t, t || '_guest_language');
  end loop;
end
$$;

-- Every text sent or refused, every reply received: the seed's table, plus
-- direction, body, reason and the provider's id. Synced like the day's rows.
create table if not exists public.communication_events (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  reservation_id uuid references public.reservations(id) on delete cascade
    deferrable initially deferred,
  customer_id uuid references public.customers(id) on delete set null,
  waitlist_entry_id uuid references public.waitlist_entries(id) on delete cascade
    deferrable initially deferred,
  type text not null,
  channel text not null default 'sms' check (channel in ('sms', 'email')),
  direction text not null default 'outbound' check (direction in ('outbound', 'inbound')),
  recipient text,
  body text,
  language text,
  status text not null check (status in
    ('queued', 'sending', 'sent', 'delivered', 'bounced', 'complained', 'failed', 'refused',
     'dropped', 'received')),
  reason text,
  provider_sid text,
  sent_at timestamptz, delivered_at timestamptz, bounced_at timestamptz, failed_at timestamptz,
  bounce_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sync_xid bigint not null default 0,
  sync_seq bigint not null default 0
);
create index if not exists communication_events_sync on public.communication_events
  (restaurant_id, sync_seq);
create index if not exists communication_events_sync_seq on public.communication_events (sync_seq);
create index if not exists communication_events_recipient on public.communication_events
  (recipient, created_at desc) where direction = 'outbound';
create unique index if not exists communication_events_provider_sid on public.communication_events
  (provider_sid) where provider_sid is not null;
drop trigger if exists foh_10_touch on public.communication_events;
create trigger foh_10_touch before insert or update on public.communication_events
  for each row execute function public.foh_touch();
drop trigger if exists foh_90_tombstone on public.communication_events;
create trigger foh_90_tombstone after delete on public.communication_events
  for each row execute function public.foh_tombstone();

-- The seed's monthly counter; sms_credits are bought on top of the plan.
create table if not exists public.sms_usage (
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  month text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
  sms_sent int not null default 0,
  sms_credits int not null default 0,
  primary key (restaurant_id, month)
);

-- Staff of the restaurant read both; nobody but the service role (BYPASSRLS)
-- and the database's own functions writes them.
do $$
declare
  t text;
begin
  foreach t in array array['communication_events', 'sms_usage'] loop
    execute format('alter table public.%I enable row level security', t);
    execute format('drop policy if exists foh_read on public.%I', t);
    execute format('create policy foh_read on public.%I for select to authenticated '
                   'using (restaurant_id in (select public.foh_restaurant_ids()))', t);
    execute format('revoke all on public.%I from anon, authenticated', t);
    execute format('grant select on public.%I to authenticated', t);
    execute format('grant all on public.%I to service_role', t);
  end loop;
end
$$;

-- The outgoing queue, out of the API's reach. One row per (entry or booking,
-- type): the UNIQUE key is what makes ten Notify presses one text. Its id is
-- the communication_events row's. 'queued' rows whose not_before has come are
-- taken by a sender with FOR UPDATE SKIP LOCKED, held locked while the
-- provider is called, and marked 'sent' in that same transaction.
create schema if not exists foh_private;
create table if not exists foh_private.outgoing_texts (
  id uuid primary key,
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  subject_id uuid not null,
  kind text not null,
  to_phone text not null,
  body text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'dropped')),
  not_before timestamptz not null default now(),
  attempts int not null default 0,
  last_error text,
  provider_sid text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (subject_id, kind)
);
create index if not exists outgoing_texts_due on foh_private.outgoing_texts (not_before)
  where status = 'queued';
revoke all on foh_private.outgoing_texts from public;

-- Provider webhooks already applied (MessageSid + what), so a retried
-- callback or reply changes nothing the second time.
create table if not exists foh_private.applied_webhooks (
  message_sid text not null,
  what text not null,
  applied_at timestamptz not null default now(),
  primary key (message_sid, what)
);
revoke all on foh_private.applied_webhooks from public;

-- The functions the sender and the webhooks call: not in `public` (so not an
-- rpc), executable by the service role only.
create schema if not exists foh_sms;
revoke all on schema foh_sms from public, anon, authenticated;
grant usage on schema foh_sms to service_role;
