-- 016: the database refuses what the engine refuses. A row the terminal's
-- decoder (engine/src/codec_*.cpp) cannot read must never be stored: a kiosk
-- row with time "24:00" or a created_at of "-infinity" once stopped every
-- terminal that pulled it. tests/backend/test_limits_agree.cpp sends the same
-- edge values to the engine's decoders and to PostgreSQL and checks that both
-- accept or both refuse.
--
-- THE LIMITS (the engine's side: engine/include/foh/engine/limits.hpp and the
-- codec's ranges; change both together):
--   time of day           00:00:00 <= t < 24:00  (TimeOfDay::parse: h <= 23)
--   date                  0001-01-01 .. 9999-12-31 AD (Date::parse: YYYY-MM-DD)
--   timestamps            finite, years 1..9999 (LocalInstant: YYYY-MM-DD...)
--   party_size            1..99       duration 1..1440 min   arrived_count 0..99
--   capacity_min/max      1..99 (validate_table_row)   days_of_week 1..7
--   position_in_queue     >= 0        visit/no_show/cancellation counts >= 0
--   names                 <= 200 characters (kMaxNameChars)
--   table_number          <= 200 characters (kMaxTableNumberChars)
--   phone                 <= 40 characters  (kMaxPhoneChars)
--   email                 <= 320 characters (kMaxEmailChars, RFC 5321's 64+1+255)
--   notes, floor notes    <= 4000 characters (kMaxNotesChars)
-- Characters, as char_length counts them (code points), not bytes.
--
-- Each constraint is added NOT VALID (new writes are checked at once) and then
-- validated; a project holding older rows that break one keeps it NOT VALID
-- with a notice naming it, rather than failing the migration: fix the rows,
-- then `alter table ... validate constraint ...`.

create or replace function foh_auth.add_check(p_table text, p_name text, p_check text)
returns void language plpgsql as $$
begin
  execute format('alter table public.%I drop constraint if exists %I', p_table, p_name);
  execute format('alter table public.%I add constraint %I check (%s) not valid',
                 p_table, p_name, p_check);
  begin
    execute format('alter table public.%I validate constraint %I', p_table, p_name);
  exception when check_violation then
    raise notice '016: %.% kept NOT VALID: existing rows break it (%)', p_table, p_name, p_check;
  end;
end
$$;
revoke all on function foh_auth.add_check(text, text, text) from public, anon, authenticated;

do $$
declare
  max_name constant int := 200;
  max_table_number constant int := 200;
  max_phone constant int := 40;
  max_email constant int := 320;
  max_notes constant int := 4000;
  first_day constant text := '''0001-01-01''';
  last_day constant text := '''9999-12-31''';
  c record;
begin
  -- Times of day.
  for c in select * from (values ('reservations', 'time'), ('waitlist_entries', 'time'),
                                 ('services', 'start_time'), ('services', 'end_time')) v(t, col) loop
    perform foh_auth.add_check(c.t, format('foh_%s_day', c.col),
                               format('%I < ''24:00''', c.col));
  end loop;
  -- Dates.
  for c in select * from (values ('reservations', 'date'), ('waitlist_entries', 'date'),
                                 ('services', 'specific_date'), ('daily_table_overrides', 'date'),
                                 ('daily_extra_tables', 'date'), ('daily_floor_notes', 'date')) v(t, col) loop
    perform foh_auth.add_check(c.t, format('foh_%s_range', c.col),
                               format('%I between %s and %s', c.col, first_day, last_day));
  end loop;
  -- Timestamps: finite and within the years a decoder reads (no "-infinity",
  -- no BC, no 5-digit year). The bounds keep a day's margin for time zones.
  for c in select t.table_name as t, t.column_name as col from information_schema.columns t
            where t.table_schema = 'public' and t.data_type = 'timestamp with time zone'
              and t.table_name in ('restaurants', 'floor_plans', 'zones', 'tables', 'services',
                                   'team_members', 'customers', 'reservations',
                                   'reservation_events', 'waitlist_entries',
                                   'daily_table_overrides', 'daily_extra_tables',
                                   'daily_floor_notes', 'sync_tombstones', 'terminal_devices') loop
    perform foh_auth.add_check(c.t, format('foh_%s_finite', c.col),
                               format('%I between ''0001-01-02 00:00Z'' and ''9999-12-30 00:00Z''',
                                      c.col));
  end loop;
  -- Numbers.
  perform foh_auth.add_check('reservations', 'foh_duration_range',
                             'duration is null or duration between 1 and 1440');
  perform foh_auth.add_check('reservations', 'foh_arrived_count_range',
                             'arrived_count is null or arrived_count between 0 and 99');
  perform foh_auth.add_check('waitlist_entries', 'foh_position_range',
                             'position_in_queue is null or position_in_queue >= 0');
  perform foh_auth.add_check('services', 'foh_days_of_week_range',
                             'days_of_week <@ array[1, 2, 3, 4, 5, 6, 7]');
  perform foh_auth.add_check('customers', 'foh_counts_range',
                             'visit_count >= 0 and no_show_count >= 0 and cancellation_count >= 0');
  foreach c.t in array array['tables', 'daily_extra_tables'] loop
    perform foh_auth.add_check(c.t, 'foh_capacity_range',
                               'capacity_min between 1 and 99 and capacity_max between 1 and 99');
  end loop;
  -- Text.
  for c in select * from (values
      ('restaurants', 'name', max_name), ('restaurants', 'phone', max_phone),
      ('restaurants', 'email', max_email),
      ('floor_plans', 'name', max_name), ('zones', 'name', max_name),
      ('tables', 'name', max_name), ('daily_extra_tables', 'name', max_name),
      ('services', 'name', max_name), ('services', 'label', max_name),
      ('services', 'message', max_notes),
      ('team_members', 'display_name', max_name), ('team_members', 'email', max_email),
      ('customers', 'name', max_name), ('customers', 'phone', max_phone),
      ('customers', 'email', max_email), ('customers', 'notes', max_notes),
      ('reservations', 'guest_name', max_name), ('reservations', 'guest_phone', max_phone),
      ('reservations', 'guest_email', max_email), ('reservations', 'notes', max_notes),
      ('reservations', 'table_number', max_table_number), ('reservations', 'source', max_name),
      ('waitlist_entries', 'guest_name', max_name), ('waitlist_entries', 'guest_phone', max_phone),
      ('waitlist_entries', 'guest_email', max_email), ('waitlist_entries', 'notes', max_notes),
      ('waitlist_entries', 'notification_token', max_name),
      ('daily_floor_notes', 'note', max_notes)) v(t, col, n) loop
    perform foh_auth.add_check(c.t, format('foh_%s_length', c.col),
                               format('char_length(%I) <= %s', c.col, c.n));
  end loop;
end
$$;
