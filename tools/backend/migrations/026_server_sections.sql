-- 026: server sections (issue 13 item 3). A Manager gives each table to a
-- server for one service of one date; every terminal shows the server on the
-- table and the covers per server, and the engine's assign rotates between
-- sections (engine/sections.hpp). Synced like the day's rows (003: updated_at,
-- sync_xid, sync_seq, tombstones; 011: the pull's index).
--
--   one row per (restaurant, date, service, table): taking a table back sets
--   team_member_id to null, giving it again sets it (the terminal derives the
--   row's id from that key, so two terminals giving one table write one row).
--   service_id null: a restaurant with no services (open all day).
--   read: members and the registered terminal (013's foh_read);
--   write: Manager and Admin (013's is_manager), the table, the service and
--   the server of the restaurant's own (checked below); anon: nothing.

create table if not exists public.server_sections (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  date date not null,
  service_id uuid references public.services(id) on delete cascade,
  table_id uuid not null references public.tables(id) on delete cascade,
  team_member_id uuid references public.team_members(id) on delete set null,
  updated_at timestamptz not null default now(),
  sync_xid bigint not null default 0,
  sync_seq bigint not null default 0
);
-- One server per table per service: nulls (no services) count as one service.
create unique index if not exists server_sections_one_per_table on public.server_sections
  (restaurant_id, date, coalesce(service_id, '00000000-0000-0000-0000-000000000000'::uuid),
   table_id);
create index if not exists server_sections_pull on public.server_sections
  (restaurant_id, sync_seq);
create index if not exists server_sections_sync_seq on public.server_sections (sync_seq);
create index if not exists server_sections_date on public.server_sections (restaurant_id, date);

drop trigger if exists foh_10_touch on public.server_sections;
create trigger foh_10_touch before insert or update on public.server_sections
  for each row execute function public.foh_touch();
drop trigger if exists foh_90_tombstone on public.server_sections;
create trigger foh_90_tombstone after delete on public.server_sections
  for each row execute function public.foh_tombstone();

-- 016's limits: the dates and timestamps a decoder reads.
select foh_auth.add_check('server_sections', 'foh_date_range',
                          'date between ''0001-01-01'' and ''9999-12-31''');
select foh_auth.add_check('server_sections', 'foh_updated_at_finite',
                          'updated_at between ''0001-01-02 00:00Z'' and ''9999-12-30 00:00Z''');

-- The table, the service and the server must be the row's restaurant's: a
-- Manager of one restaurant cannot point at another's rows. Runs as the
-- caller (RLS on the looked-up tables applies; the foreign keys already
-- guarantee the rows exist).
create or replace function public.foh_section_guard() returns trigger
language plpgsql as $$
begin
  if not exists (select 1 from public.tables t
                  where t.id = new.table_id and t.restaurant_id = new.restaurant_id) then
    raise exception using errcode = '42501',
      message = 'server_sections: the table is not this restaurant''s';
  end if;
  if new.service_id is not null and not exists (
       select 1 from public.services s
        where s.id = new.service_id and s.restaurant_id = new.restaurant_id) then
    raise exception using errcode = '42501',
      message = 'server_sections: the service is not this restaurant''s';
  end if;
  if new.team_member_id is not null and not exists (
       select 1 from public.team_members m
        where m.id = new.team_member_id and m.restaurant_id = new.restaurant_id) then
    raise exception using errcode = '42501',
      message = 'server_sections: the server is not a member of this restaurant';
  end if;
  return new;
end
$$;
revoke all on function public.foh_section_guard() from public;
drop trigger if exists foh_05_section_guard on public.server_sections;
create trigger foh_05_section_guard before insert or update on public.server_sections
  for each row execute function public.foh_section_guard();

-- Roles, as 013 does for floor_plans, zones, tables and services.
alter table public.server_sections enable row level security;
revoke all on public.server_sections from anon, authenticated;
grant select, insert, update, delete on public.server_sections to authenticated;
grant all on public.server_sections to service_role;
drop policy if exists foh_read on public.server_sections;
drop policy if exists foh_insert on public.server_sections;
drop policy if exists foh_update on public.server_sections;
drop policy if exists foh_delete on public.server_sections;
create policy foh_read on public.server_sections for select to authenticated
  using (restaurant_id in (select public.foh_restaurant_ids()));
create policy foh_insert on public.server_sections for insert to authenticated
  with check (foh_auth.is_manager(restaurant_id));
-- USING = readable, so that a Server's PATCH is a clear 42501 (013).
create policy foh_update on public.server_sections for update to authenticated
  using (restaurant_id in (select public.foh_restaurant_ids()))
  with check (foh_auth.is_manager(restaurant_id));
create policy foh_delete on public.server_sections for delete to authenticated
  using (restaurant_id in (select public.foh_restaurant_ids())
         and foh_auth.is_manager(restaurant_id));
