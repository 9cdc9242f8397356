-- 001: the roles and auth helpers PostgREST/Supabase provide, created only where
-- missing so that this applies unchanged to a real Supabase project (which has
-- them already, owned by its own admin roles).

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

create schema if not exists auth;
-- Only where we own it (here); on Supabase its owner has granted this already.
do $$
begin
  if (select nspowner from pg_namespace where nspname = 'auth') = current_user::regrole then
    grant usage on schema auth to anon, authenticated, service_role;
  end if;
end
$$;
grant usage on schema public to anon, authenticated, service_role;

-- auth.jwt(), auth.uid(), auth.role(): read the claims PostgREST puts in
-- request.jwt.claims. Supabase's own versions are kept when present.
do $$
begin
  if not exists (select 1 from pg_proc where proname = 'jwt'
                 and pronamespace = 'auth'::regnamespace) then
    execute $f$
      create function auth.jwt() returns jsonb language sql stable as
      'select coalesce(nullif(current_setting(''request.jwt.claims'', true), ''''), ''{}'')::jsonb'
    $f$;
  end if;
  if not exists (select 1 from pg_proc where proname = 'uid'
                 and pronamespace = 'auth'::regnamespace) then
    execute $f$
      create function auth.uid() returns uuid language sql stable as
      $b$ select nullif(coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
                 ->> 'sub', '')::uuid $b$
    $f$;
  end if;
  if not exists (select 1 from pg_proc where proname = 'role'
                 and pronamespace = 'auth'::regnamespace) then
    execute $f$
      create function auth.role() returns text language sql stable as
      $b$ select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
                 ->> 'role' $b$
    $f$;
  end if;
end
$$;

-- The sequence that numbers every write to a synced table (see SYNC.md).
create sequence if not exists public.foh_sync_seq;
grant usage, select on sequence public.foh_sync_seq to anon, authenticated, service_role;
