-- 009: pin-login's lockout, kept in the database so that it survives a restart
-- of the gateway (or of a Supabase edge function) and holds across several
-- gateway processes. Per team member: 5 wrong PINs lock the member for 30 s,
-- doubling on each further failure (SYNC.md). In its own schema, which the
-- REST API does not expose; only the gateway's own user (the owner) uses it.

create schema if not exists foh_private;
revoke all on schema foh_private from public, anon, authenticated, service_role;

create table if not exists foh_private.pin_attempts (
  team_member_id uuid primary key references public.team_members(id) on delete cascade,
  failures int not null default 0 check (failures >= 0),
  locked_until timestamptz,
  updated_at timestamptz not null default now()
);
revoke all on foh_private.pin_attempts from public;
