-- 027: notes and small changes of the day (issue 13 item 5).
--
-- 1. The day's floor note is a Manager's (and an Admin's): 013 let any member
--    write daily_floor_notes; members still read it. The terminal refuses a
--    Server's note first (engine permissions kFloorNote); this is the rule.
-- 2. A host joins two tables for the day: daily_table_overrides.joined_with
--    names the table joined with table_id that date (engine day_join.hpp:
--    the pair is a combination that day, seats = both capacity_max). Any
--    member writes it, as the rest of daily_table_overrides (013). The
--    database checks what it can see without the engine's geometry: the
--    partner is another table of the same restaurant and floor plan.
--    Adjacency (engine geometry.hpp tables_adjacent) and "free" are the
--    terminal's checks, made against its cached day before writing.

-- 1 ------------------------------------------------------------------------
drop policy if exists foh_insert on public.daily_floor_notes;
drop policy if exists foh_update on public.daily_floor_notes;
drop policy if exists foh_delete on public.daily_floor_notes;
create policy foh_insert on public.daily_floor_notes for insert to authenticated
  with check (foh_auth.is_manager(restaurant_id));
-- USING = readable (as 013), so that a Server's PATCH is a clear 42501.
create policy foh_update on public.daily_floor_notes for update to authenticated
  using (restaurant_id in (select public.foh_restaurant_ids()))
  with check (foh_auth.is_manager(restaurant_id));
create policy foh_delete on public.daily_floor_notes for delete to authenticated
  using (restaurant_id in (select public.foh_restaurant_ids())
         and foh_auth.is_manager(restaurant_id));

-- 2 ------------------------------------------------------------------------
alter table public.daily_table_overrides
  add column if not exists joined_with uuid references public.tables(id) on delete set null;

create or replace function public.foh_check_join() returns trigger
language plpgsql as $$
declare
  mine public.tables%rowtype;
  other public.tables%rowtype;
begin
  if new.joined_with is null then
    return new;
  end if;
  select * into mine from public.tables where id = new.table_id;
  select * into other from public.tables where id = new.joined_with;
  if new.joined_with = new.table_id then
    raise exception 'daily_table_overrides.joined_with: a table cannot be joined with itself'
      using errcode = '23514';
  end if;
  if other.id is null or other.restaurant_id <> new.restaurant_id
     or mine.restaurant_id <> new.restaurant_id then
    raise exception 'daily_table_overrides.joined_with: not a table of this restaurant'
      using errcode = '23514';
  end if;
  if other.floor_plan_id is distinct from mine.floor_plan_id then
    raise exception 'daily_table_overrides.joined_with: tables % and % are on two floor plans',
      mine.name, other.name using errcode = '23514';
  end if;
  return new;
end
$$;
revoke all on function public.foh_check_join() from public;
drop trigger if exists foh_20_check_join on public.daily_table_overrides;
create trigger foh_20_check_join before insert or update of joined_with, table_id
  on public.daily_table_overrides
  for each row execute function public.foh_check_join();
