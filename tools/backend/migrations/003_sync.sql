-- 003: the sync columns (SYNC.md). updated_at, sync_xid and sync_seq are
-- written by a BEFORE trigger on every insert and on every update that changes
-- something; a client never sets them. sync_xid is the writer's transaction id:
-- with sync_horizon() (006) it lets a client page by sync_seq without missing a
-- row that a slow transaction commits late with an older sequence value.

create or replace function public.foh_touch() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    -- What a client sends for these columns is ignored.
    new.updated_at := old.updated_at;
    new.sync_xid := old.sync_xid;
    new.sync_seq := old.sync_seq;
    -- A replayed upsert that changes nothing leaves the row as it was, so it
    -- is not pulled again by every terminal.
    if new is not distinct from old then
      return new;
    end if;
  end if;
  new.updated_at := now();
  new.sync_xid := pg_current_xact_id()::text::bigint;
  new.sync_seq := nextval('public.foh_sync_seq');
  return new;
end
$$;

-- A deleted row leaves a tombstone that terminals pull like a table.
create or replace function public.foh_tombstone() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
  insert into public.sync_tombstones (table_name, row_id, restaurant_id)
  values (tg_table_name, old.id,
          case when tg_table_name = 'restaurants' then old.id
               else (to_jsonb(old) ->> 'restaurant_id')::uuid end);
  return old;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array['restaurants', 'floor_plans', 'zones', 'tables', 'services',
                           'team_members', 'customers', 'reservations', 'reservation_events',
                           'waitlist_entries', 'daily_table_overrides', 'daily_extra_tables',
                           'daily_floor_notes', 'sync_tombstones'] loop
    execute format('alter table public.%I add column if not exists updated_at timestamptz not null default now()', t);
    execute format('alter table public.%I add column if not exists sync_xid bigint not null default 0', t);
    execute format('alter table public.%I add column if not exists sync_seq bigint not null default 0', t);
    execute format('create index if not exists %I on public.%I (sync_seq)', t || '_sync_seq', t);
    execute format('drop trigger if exists foh_10_touch on public.%I', t);
    execute format('create trigger foh_10_touch before insert or update on public.%I '
                   'for each row execute function public.foh_touch()', t);
    if t not in ('reservation_events', 'sync_tombstones') then
      execute format('drop trigger if exists foh_90_tombstone on public.%I', t);
      execute format('create trigger foh_90_tombstone after delete on public.%I '
                     'for each row execute function public.foh_tombstone()', t);
    end if;
  end loop;
end
$$;
