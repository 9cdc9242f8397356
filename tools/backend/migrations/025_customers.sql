-- 025: the guest at the door (issue 13 item 2). A customer's visit_count,
-- no_show_count, cancellation_count, last_visit and classification are
-- "calculé" (the data-model seed): the database computes them from the
-- statuses of the customer's reservations, so every terminal reads the same
-- numbers, and no token writes them.
--
--   visit_count         reservations Completed
--   no_show_count       reservations No-show
--   cancellation_count  reservations Cancelled
--   last_visit          the latest Completed one's seated_at (else its date
--                       and time in the restaurant's zone)
--   classification      'VIP' (a VIP tag) | 'Regular' (3 visits or more, or
--                       a Habitué tag) | 'New'
--   (only reservations of the customer's own restaurant count; counted as
--   statuses change from 025 on, so counts a customer came with are kept)
--
-- One customer per normalised phone per restaurant: a unique index on
-- (restaurant_id, foh_auth.phone_key(phone)), the rule of the engine's phone_key
-- (engine/search.hpp, customer.hpp): the phone's ASCII digits; a leading
-- 0033, or 33 after a '+' or as 11 digits, becomes 0 ("+33 6 12 34 56 78" ->
-- "0612345678"). A phone without digits never collides. A second customer
-- with the phone of another: 23505 (PostgREST 409).
--
-- Who: any member of the restaurant creates and edits its customers (013's
-- members list: name, phone, email, notes, tags); what an API token sends
-- for the computed columns is ignored (as foh_touch ignores updated_at): a
-- terminal's whole-row upsert never sets counts back. anon: nothing (013).
-- A reservation names only a customer of its own restaurant (42501).

create or replace function foh_auth.phone_key(phone text) returns text
language sql immutable parallel safe as $$
  select case
           when d like '0033%' then '0' || substr(d, 5)
           when d like '33%' and (strpos(coalesce(phone, ''), '+') > 0 or length(d) = 11)
             then '0' || substr(d, 3)
           else d
         end
    from (select regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g') as d) digits
$$;
-- The index evaluates it as the writing role; foh_auth is not offered as an RPC.
revoke all on function foh_auth.phone_key(text) from public;
grant execute on function foh_auth.phone_key(text) to authenticated, service_role;

create index if not exists reservations_customer on public.reservations (customer_id)
  where customer_id is not null;

-- Customers that already share a phone key merge into the oldest (their
-- reservations and texts follow it, tags are united, notes appended), so the
-- unique index below can be built on an existing database.
do $$
declare
  dup record;
begin
  for dup in
    select c.id, k.keeper
      from public.customers c
      join lateral (select o.id as keeper from public.customers o
                     where o.restaurant_id is not distinct from c.restaurant_id
                       and foh_auth.phone_key(o.phone) = foh_auth.phone_key(c.phone)
                     order by o.created_at, o.id limit 1) k on true
     where foh_auth.phone_key(c.phone) <> '' and k.keeper <> c.id
  loop
    update public.customers keep set
      tags = (select coalesce(array_agg(distinct t), '{}') from unnest(keep.tags || d.tags) t),
      notes = concat_ws(' / ', nullif(keep.notes, ''), nullif(d.notes, '')),
      email = coalesce(nullif(keep.email, ''), d.email),
      name = coalesce(nullif(keep.name, ''), d.name)
      from public.customers d
     where keep.id = dup.keeper and d.id = dup.id;
    update public.reservations set customer_id = dup.keeper where customer_id = dup.id;
    update public.communication_events set customer_id = dup.keeper where customer_id = dup.id;
    delete from public.customers where id = dup.id;
  end loop;
end
$$;

create unique index if not exists customers_phone_key
  on public.customers (restaurant_id, foh_auth.phone_key(phone))
  where foh_auth.phone_key(phone) <> '';

-- Counting, as the statuses change: a reservation leaving a counted status
-- (Completed, No-show, Cancelled) takes its count away, one entering it adds
-- it. Counting by change, not from scratch, keeps what a customer brought
-- (visits imported from another book, the demo's history). Only the
-- customer's own restaurant's bookings count.
create or replace function public.foh_count_visit(c uuid, r public.reservations, step int)
returns void
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  zone text;
  visit_at timestamptz;
begin
  if c is null or r.status not in ('Completed', 'No-show', 'Cancelled') then
    return;
  end if;
  select coalesce(settings ->> 'timezone', 'Europe/Paris') into zone
    from public.restaurants where id = r.restaurant_id;
  zone := coalesce(zone, 'Europe/Paris');
  visit_at := coalesce(r.seated_at, (r.date + r.time) at time zone zone);
  update public.customers cu set
    visit_count = greatest(0, cu.visit_count + case when r.status = 'Completed' then step else 0 end),
    no_show_count = greatest(0, cu.no_show_count + case when r.status = 'No-show' then step else 0 end),
    cancellation_count =
      greatest(0, cu.cancellation_count + case when r.status = 'Cancelled' then step else 0 end),
    last_visit = case
      when r.status <> 'Completed' then cu.last_visit
      when step > 0 then greatest(cu.last_visit, visit_at)
      -- a visit taken back: the latest one left, else what was there before it
      else coalesce((select max(coalesce(o.seated_at, (o.date + o.time) at time zone zone))
                       from public.reservations o
                      where o.customer_id = c and o.status = 'Completed' and o.id <> r.id
                        and o.restaurant_id = cu.restaurant_id),
                    case when cu.last_visit = visit_at then null else cu.last_visit end)
    end
   where cu.id = c and cu.restaurant_id = r.restaurant_id;
end
$$;
revoke all on function public.foh_count_visit(uuid, public.reservations, int)
  from public, anon, authenticated;

create or replace function public.foh_customer_counts() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if tg_op <> 'INSERT' then
    perform public.foh_count_visit(old.customer_id, old, -1);
  end if;
  if tg_op <> 'DELETE' then
    perform public.foh_count_visit(new.customer_id, new, 1);
  end if;
  return null;
end
$$;
drop trigger if exists foh_60_customer_counts on public.reservations;
create trigger foh_60_customer_counts
  after insert or delete or update of status, customer_id on public.reservations
  for each row execute function public.foh_customer_counts();

-- A reservation names a customer of its own restaurant (a member cannot move
-- another restaurant's counts by linking to its customer).
create or replace function public.foh_reservation_customer() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  if new.customer_id is null or not foh_auth.is_api_caller() then
    return new;
  end if;
  if tg_op = 'UPDATE' and new.customer_id is not distinct from old.customer_id then
    return new;
  end if;
  if not exists (select 1 from public.customers
                  where id = new.customer_id and restaurant_id = new.restaurant_id) then
    raise exception using errcode = '42501',
      message = 'a reservation names only a customer of its own restaurant';
  end if;
  return new;
end
$$;
drop trigger if exists foh_04_reservation_customer on public.reservations;
create trigger foh_04_reservation_customer before insert or update of customer_id
  on public.reservations
  for each row execute function public.foh_reservation_customer();

-- The computed columns: an API token's values are ignored (kept, or zero on
-- a new row); foh_count_visit (a trigger of reservations, depth > 1)
-- and trusted callers set them. The classification follows every write.
create or replace function public.foh_customer_computed() returns trigger
language plpgsql as $$
begin
  if foh_auth.is_api_caller() and pg_trigger_depth() = 1 then
    if tg_op = 'INSERT' then
      new.visit_count := 0;
      new.no_show_count := 0;
      new.cancellation_count := 0;
      new.last_visit := null;
    else
      new.visit_count := old.visit_count;
      new.no_show_count := old.no_show_count;
      new.cancellation_count := old.cancellation_count;
      new.last_visit := old.last_visit;
    end if;
  end if;
  new.classification :=
    case when exists (select 1 from unnest(new.tags) t where lower(trim(t)) = 'vip') then 'VIP'
         when new.visit_count >= 3
              or exists (select 1 from unnest(new.tags) t
                          where lower(trim(t)) in ('habitué', 'habitue', 'regular')) then 'Regular'
         else 'New' end;
  return new;
end
$$;
drop trigger if exists foh_05_customer_computed on public.customers;
create trigger foh_05_customer_computed before insert or update on public.customers
  for each row execute function public.foh_customer_computed();
