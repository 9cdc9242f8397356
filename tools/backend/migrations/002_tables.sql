-- 002: the tables a terminal uses, with the columns of the data-model seed
-- (shared/seeds/batlr-data-model.txt) and of engine/include/foh/engine/model.hpp.
-- "if not exists" everywhere: on a Supabase project that already has them, the
-- existing tables are kept and 003 only adds the sync columns.

create table if not exists public.restaurants (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  address text, phone text, email text,
  settings jsonb not null default '{}'::jsonb,
  is_pro boolean not null default false,
  subscription_status jsonb,
  pro_source text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists public.floor_plans (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  name text not null,
  sort_order int not null default 0,
  updated_at timestamptz not null default now()
);

create table if not exists public.zones (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  floor_plan_id uuid references public.floor_plans(id) on delete cascade,
  name text not null,
  color text,
  position_x double precision, position_y double precision,
  width double precision, height double precision,
  sort_order int not null default 0,
  updated_at timestamptz not null default now()
);

create table if not exists public.tables (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  floor_plan_id uuid references public.floor_plans(id) on delete cascade,
  zone_id uuid references public.zones(id) on delete set null,
  name text not null,
  capacity_min int not null default 1,
  capacity_max int not null default 2,
  position_x double precision not null default 0,
  position_y double precision not null default 0,
  width double precision, height double precision,
  rotation double precision not null default 0,
  shape text not null default 'square' check (shape in ('round', 'square', 'rectangular')),
  chair_sides int not null default 15,
  capacity_overrides jsonb not null default '{}'::jsonb,
  fill_group int not null default 0,
  updated_at timestamptz not null default now(),
  check (capacity_min <= capacity_max)
);
create index if not exists tables_plan_name on public.tables (floor_plan_id, name);

create table if not exists public.services (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  name text not null,
  start_time time not null,
  end_time time not null,
  days_of_week int[] not null default '{}',
  is_special boolean not null default false,
  specific_date date,
  label text, message text,
  updated_at timestamptz not null default now()
);

create table if not exists public.team_members (
  id uuid primary key default gen_random_uuid(),
  user_id uuid,
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  role text not null default 'Server' check (role in ('Admin', 'Manager', 'Server')),
  display_name text not null,
  email text,
  pin text,
  pin_salt text,
  allowed_tabs text[] not null default '{}',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists public.customers (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid references public.restaurants(id) on delete cascade,
  name text, phone text, email text,
  notes text,
  tags text[] not null default '{}',
  classification text,
  visit_count int not null default 0,
  last_visit timestamptz,
  no_show_count int not null default 0,
  cancellation_count int not null default 0,
  total_spent int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table if not exists public.reservations (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  customer_id uuid references public.customers(id) on delete set null,
  service_id uuid references public.services(id) on delete set null,
  -- No foreign key: a reservation may sit on one of the day's extra tables
  -- (daily_extra_tables), which the engine's floor treats like a table.
  table_id uuid,
  table_number text,
  guest_name text not null default '',
  guest_phone text, guest_email text,
  party_size int not null check (party_size between 1 and 99),
  date date not null,
  time time not null,
  duration int check (duration is null or duration > 0),
  status text not null default 'Confirmed' check (status in
    ('Pending', 'Confirmed', 'Arrived', 'Seated', 'Completed', 'Cancelled', 'No-show')),
  tags text[] not null default '{}',
  notes text,
  source text,
  created_by uuid references public.team_members(id) on delete set null,
  seated_at timestamptz,
  arrived_count int,
  skip_deposit boolean not null default false,
  payment_status text,
  stripe_payment_method_id text,
  stripe_checkout_session_id text,
  reconfirmation_token text,
  reconfirmation_sent_at timestamptz,
  reconfirmation_status text,
  reminders_sent jsonb[],
  reminder_overrides jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists reservations_day on public.reservations (restaurant_id, date);

create table if not exists public.reservation_events (
  id uuid primary key default gen_random_uuid(),
  reservation_id uuid not null references public.reservations(id) on delete cascade,
  customer_id uuid references public.customers(id) on delete set null,
  from_status text,
  to_status text not null,
  changed_by uuid references public.team_members(id) on delete set null,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index if not exists reservation_events_reservation on public.reservation_events (reservation_id);

create table if not exists public.waitlist_entries (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  date date not null,
  time time,
  party_size int not null check (party_size between 1 and 99),
  service_id uuid references public.services(id) on delete set null,
  preferred_floor_plan_id uuid references public.floor_plans(id) on delete set null,
  guest_name text not null default '',
  guest_email text, guest_phone text,
  notes text,
  status text not null default 'waiting' check (status in
    ('waiting', 'notified', 'called', 'converted', 'expired', 'cancelled')),
  notified_at timestamptz, called_at timestamptz,
  notification_token text not null default gen_random_uuid()::text unique,
  position_in_queue int,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index if not exists waitlist_day on public.waitlist_entries (restaurant_id, date);

-- The three "tables associées" per date; columns as in model.hpp.
create table if not exists public.daily_table_overrides (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  table_id uuid not null references public.tables(id) on delete cascade,
  date date not null,
  position_x double precision, position_y double precision,
  is_hidden boolean not null default false,
  is_blocked boolean not null default false,
  updated_at timestamptz not null default now()
);

create table if not exists public.daily_extra_tables (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  floor_plan_id uuid references public.floor_plans(id) on delete cascade,
  zone_id uuid references public.zones(id) on delete set null,
  date date not null,
  name text not null,
  capacity_min int not null default 1,
  capacity_max int not null default 2,
  position_x double precision not null default 0,
  position_y double precision not null default 0,
  width double precision, height double precision,
  rotation double precision not null default 0,
  shape text not null default 'square' check (shape in ('round', 'square', 'rectangular')),
  chair_sides int not null default 15,
  updated_at timestamptz not null default now(),
  check (capacity_min <= capacity_max)
);

create table if not exists public.daily_floor_notes (
  id uuid primary key default gen_random_uuid(),
  restaurant_id uuid not null references public.restaurants(id) on delete cascade,
  floor_plan_id uuid references public.floor_plans(id) on delete cascade,
  date date not null,
  note text not null default '',
  updated_at timestamptz not null default now()
);

-- Deleted rows of synced tables, so a pull can delete them too (SYNC.md).
create table if not exists public.sync_tombstones (
  id uuid primary key default gen_random_uuid(),
  table_name text not null,
  row_id uuid not null,
  restaurant_id uuid,
  deleted_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
