-- 015: the kiosk's insert, the only write the public anon key may make.
-- The database, not the guest, sets what orders the queue: created_at (now()),
-- status ('waiting') and position_in_queue (null: waitlist_position() computes
-- it from created_at), so a body with "created_at": "2000-01-01" joins at the
-- back like everyone else. The guest's fields are checked (name required,
-- phone's characters; the lengths are 016's CHECKs, for every writer), and a
-- restaurant takes at most foh_auth.kiosk_joins_per_minute() joins a minute:
-- a script with the anon key cannot flood a queue or the terminals that pull
-- it. Refusals: P0001 (HTTP 400) with a message saying which.

create schema if not exists foh_private;
revoke all on schema foh_private from public, anon, authenticated, service_role;

-- Joins per restaurant and minute. Rows older than a few minutes are removed
-- by the next join of the same restaurant.
create table if not exists foh_private.kiosk_joins (
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  minute timestamptz not null,
  joins int not null default 0,
  primary key (restaurant_id, minute)
);
revoke all on foh_private.kiosk_joins from public;

-- THE cap (named once): a busy door sees a few guests a minute; 30 is far above
-- that and far below what a script sends.
create or replace function foh_auth.kiosk_joins_per_minute() returns int
language sql immutable as 'select 30';

-- Counts one join; refuses it past the cap. Security definer: the counter is
-- in foh_private, which no API role can reach (nor call: foh_auth is not an
-- exposed schema).
create or replace function foh_auth.kiosk_admit(p_restaurant uuid) returns void
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  this_minute timestamptz := date_trunc('minute', now());
  n int;
begin
  delete from foh_private.kiosk_joins
   where restaurant_id = p_restaurant and minute < this_minute - interval '5 minutes';
  insert into foh_private.kiosk_joins as k (restaurant_id, minute, joins)
  values (p_restaurant, this_minute, 1)
  on conflict (restaurant_id, minute) do update set joins = k.joins + 1
  returning k.joins into n;
  if n > foh_auth.kiosk_joins_per_minute() then
    raise exception using errcode = 'P0001',
      message = format('kiosk: more than %s waitlist joins this minute for this restaurant',
                       foh_auth.kiosk_joins_per_minute()),
      hint = 'try again in a minute';
  end if;
end
$$;
revoke all on function foh_auth.kiosk_admit(uuid) from public;
grant execute on function foh_auth.kiosk_admit(uuid) to anon;

-- Replaces 006's: runs as the caller, so current_user tells the kiosk apart.
create or replace function public.foh_kiosk_entry() returns trigger
language plpgsql as $$
begin
  if current_user = 'anon' then
    new.status := 'waiting';  -- unconfirmed until a host acts on it
    new.notified_at := null;
    new.called_at := null;
    new.position_in_queue := null;
    new.created_at := now();  -- the queue's order is the database's
    if btrim(coalesce(new.guest_name, '')) = '' then
      raise exception using errcode = 'P0001', message = 'kiosk: guest_name is required';
    end if;
    if new.guest_phone is not null and new.guest_phone !~ '^\+?[0-9 ().-]{3,40}$' then
      raise exception using errcode = 'P0001',
        message = 'kiosk: guest_phone may hold only digits, spaces, ( ) . - and a leading +';
    end if;
    perform foh_auth.kiosk_admit(new.restaurant_id);
  end if;
  return new;
end
$$;
drop trigger if exists foh_05_kiosk on public.waitlist_entries;
create trigger foh_05_kiosk before insert on public.waitlist_entries
  for each row execute function public.foh_kiosk_entry();
