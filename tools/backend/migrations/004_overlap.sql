-- 004: THE overlap rule, mirrored from engine/src/rules.cpp (foh::conflicts) and
-- engine/src/floor.cpp (Floor::held_by); tests/backend compares both on random
-- cases. A table, alone or as a member of a combination, never holds two live
-- reservations (Pending, Confirmed, Arrived, Seated) whose [start, start+duration)
-- overlap. Violations fail with SQLSTATE 23P01 (exclusion_violation).

-- Turn time: the turn_times entry of the largest party size <= party (keys are
-- strings), else default_duration, else 90 (foh::turn_time).
-- plpgsql, not sql, here and in foh_service_minute: a sql function with a
-- sub-select cannot be inlined, and was parsed and planned again on every
-- execution of the query calling it (once per reservation written); plpgsql
-- keeps its plans for the session.
create or replace function public.foh_turn_time(p_settings jsonb, p_party int) returns int
language plpgsql immutable as $$
begin
  return coalesce(
    (select (e.value #>> '{}')::int
       from jsonb_each(case when jsonb_typeof(p_settings -> 'turn_times') = 'object'
                            then p_settings -> 'turn_times' else '{}'::jsonb end) e
      where e.key ~ '^[0-9]+$' and e.key::int <= p_party
      order by e.key::int desc limit 1),
    (p_settings ->> 'default_duration')::int,
    90);
end
$$;

-- Does a service run on a date (foh::service_runs_on)?
create or replace function public.foh_service_runs_on(p_specific date, p_days int[], p_date date)
returns boolean language sql immutable as $$
  select case when p_specific is not null then p_specific = p_date
              when coalesce(cardinality(p_days), 0) = 0 then true
              else extract(isodow from p_date)::int = any(p_days) end
$$;

-- Minutes since the service day's midnight (foh::service_minute): a time before
-- both the end and the start of a past-midnight service running that date is in
-- its small hours, +1440.
create or replace function public.foh_service_minute(p_restaurant uuid, p_date date, p_time time)
returns int language plpgsql stable as $$
begin
  return (extract(epoch from p_time)::bigint / 60)::int
       + case when exists (
           select 1 from public.services s
            where s.restaurant_id = p_restaurant
              and s.end_time <= s.start_time
              and public.foh_service_runs_on(s.specific_date, s.days_of_week, p_date)
              and p_time < s.end_time and p_time < s.start_time)
         then 1440 else 0 end;
end
$$;

-- Start of a reservation in local minutes since 1970-01-01 (foh::span_of).
create or replace function public.foh_span_start(p_restaurant uuid, p_date date, p_time time)
returns bigint language sql stable as $$
  select (p_date - date '1970-01-01')::bigint * 1440
       + public.foh_service_minute(p_restaurant, p_date, p_time)
$$;

-- The tables a reservation holds (Floor::held_by): table_id when it is a table
-- of the floor (the restaurant's tables plus that date's extra tables), plus
-- every name of table_number split on '+', trimmed, resolved in table_id's
-- floor plan; without a known table_id the first name found fixes the plan.
create or replace function public.foh_held_tables(p_restaurant uuid, p_date date,
                                                  p_table_id uuid, p_table_number text)
returns uuid[] language plpgsql stable as $$
declare
  held uuid[] := '{}';
  plan uuid;
  nm text;
  tid uuid;
  tplan uuid;
begin
  if p_table_id is not null then
    select f.floor_plan_id into plan from (
      select t.id, t.floor_plan_id from public.tables t
       where t.restaurant_id = p_restaurant and t.id = p_table_id
      union all
      select x.id, x.floor_plan_id from public.daily_extra_tables x
       where x.restaurant_id = p_restaurant and x.date = p_date and x.id = p_table_id) f
    limit 1;
    if found then
      held := array[p_table_id];
    end if;
  end if;
  if coalesce(p_table_number, '') = '' then
    return held;
  end if;
  foreach nm in array string_to_array(p_table_number, '+') loop
    nm := btrim(nm, ' ');
    continue when nm = '';
    select f.id, f.floor_plan_id into tid, tplan from (
      select t.id, t.floor_plan_id, t.name, 0 as extra from public.tables t
       where t.restaurant_id = p_restaurant
      union all
      select x.id, x.floor_plan_id, x.name, 1 from public.daily_extra_tables x
       where x.restaurant_id = p_restaurant and x.date = p_date) f
     where f.name = nm and (plan is null or f.floor_plan_id is not distinct from plan)
     order by f.extra, f.floor_plan_id
     limit 1;
    if tid is not null then
      plan := coalesce(plan, tplan);
      if not (tid = any(held)) then
        held := held || tid;
      end if;
    end if;
  end loop;
  return held;
end
$$;

create or replace function public.foh_is_live(p_status text) returns boolean
language sql immutable as $$
  select p_status in ('Pending', 'Confirmed', 'Arrived', 'Seated')
$$;

-- The trigger. Runs as the table owner so that it sees every reservation of
-- the restaurant whatever the caller's row-level security.
create or replace function public.foh_check_overlap() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
  settings jsonb;
  held uuid[];
  held_names text[];
  held_fixed uuid[];
  s_start bigint;
  s_end bigint;
  other record;
  d date;
begin
  if not public.foh_is_live(new.status) then
    return new;
  end if;
  if tg_op = 'UPDATE' and public.foh_is_live(old.status)
     and (new.restaurant_id, new.date, new.time, new.duration, new.party_size, new.table_id,
          new.table_number)
         is not distinct from
         (old.restaurant_id, old.date, old.time, old.duration, old.party_size, old.table_id,
          old.table_number) then
    return new;  -- nothing the rule looks at has changed
  end if;
  held := public.foh_held_tables(new.restaurant_id, new.date, new.table_id, new.table_number);
  if cardinality(held) = 0 then
    return new;
  end if;
  -- Serialise writers of neighbouring days of one restaurant (a span may cross
  -- midnight), always in date order so that two writers cannot deadlock.
  for d in select generate_series(new.date - 1, new.date + 1, interval '1 day')::date loop
    perform pg_advisory_xact_lock(hashtext(new.restaurant_id::text), (d - date '1970-01-01'));
  end loop;
  select r.settings into settings from public.restaurants r where r.id = new.restaurant_id;
  s_start := public.foh_span_start(new.restaurant_id, new.date, new.time);
  s_end := s_start + coalesce(new.duration, public.foh_turn_time(settings, new.party_size));
  -- A reservation can share a table X with this one only through its table_id
  -- (= X) or a name in its table_number (= X's name): that cheap test comes
  -- first (CASE keeps the order), then the span, and the exact held set only
  -- when table_id is not already one of the restaurant's tables held here
  -- (those are held whatever the date). Each write cost ~3 ms on a busy day
  -- when every reservation of three days went through foh_held_tables.
  select coalesce(array_agg(f.name), '{}'), coalesce(array_agg(f.id) filter (where f.fixed), '{}')
    into held_names, held_fixed
    from (select t.id, t.name, true as fixed from public.tables t where t.id = any(held)
          union all
          select x.id, x.name, false from public.daily_extra_tables x where x.id = any(held)) f;
  select o.id, o.table_number into other
    from public.reservations o
   where o.restaurant_id = new.restaurant_id
     and o.date between new.date - 1 and new.date + 1
     and o.id <> new.id
     and public.foh_is_live(o.status)
     and case when o.table_id = any(held)
                   or exists (select 1 from unnest(string_to_array(o.table_number, '+')) n
                               where btrim(n, ' ') = any(held_names))
         then (select sp.st < s_end
                      and s_start < sp.st + coalesce(o.duration,
                                                     public.foh_turn_time(settings, o.party_size))
                 from (select public.foh_span_start(o.restaurant_id, o.date, o.time) as st) sp)
              and (o.table_id = any(held_fixed)
                   or public.foh_held_tables(o.restaurant_id, o.date, o.table_id, o.table_number)
                      && held)
         else false end
   limit 1;
  if found then
    raise exception using
      errcode = 'exclusion_violation',
      message = format('reservation %s overlaps reservation %s on table %s',
                       new.id, other.id, coalesce(nullif(other.table_number, ''), '?')),
      detail = format('conflicts with reservation %s on table %s', other.id,
                      coalesce(nullif(other.table_number, ''), '?')),
      hint = 'choose another table or time';
  end if;
  return new;
end
$$;

-- AFTER, not BEFORE: an upsert (INSERT ... ON CONFLICT DO UPDATE) fires the
-- BEFORE INSERT trigger even when the row exists, so every replayed push paid a
-- full check; AFTER INSERT fires only for a row really inserted, and AFTER
-- UPDATE returns at once when nothing the rule reads has changed. Raising here
-- still aborts the statement; rows of the same statement see each other.
drop trigger if exists foh_20_overlap on public.reservations;
create trigger foh_20_overlap after insert or update on public.reservations
  for each row execute function public.foh_check_overlap();
