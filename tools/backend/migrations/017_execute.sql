-- 017: who may call which function. PostgreSQL grants EXECUTE to PUBLIC on
-- every new function, and the REST API offers every function of `public` as
-- /rest/v1/rpc/NAME: so far the public anon key could call sync_horizon,
-- change_reservation_status and every helper. Now nothing in `public` is
-- callable unless granted here, and functions created later by the role that
-- runs the migrations start without PUBLIC's EXECUTE as well.
--
--   anon           waitlist_position (the kiosk's tracking page). Its insert
--                  into waitlist_entries needs no function grant: trigger
--                  functions are not checked at firing, and the rate counter
--                  (foh_auth.kiosk_admit) is granted in 015.
--   authenticated  sync_horizon, change_reservation_status (the terminal),
--                  waitlist_position, and what RLS policies evaluate as the
--                  caller: foh_restaurant_ids, get_user_restaurant_ids
--   service_role   everything (server-side tools)
-- Trigger functions and the overlap helpers run as their owner or from
-- security-definer triggers, so they need no grant. A later migration that
-- adds an API function grants it there (018: team_member_pins).

revoke execute on all functions in schema public from public, anon, authenticated;
alter default privileges revoke execute on functions from public;
-- Supabase adds per-schema defaults granting new functions of `public` to
-- anon and authenticated; those go for functions this role creates.
alter default privileges in schema public revoke execute on functions from anon, authenticated;

grant execute on all functions in schema public to service_role;
grant execute on function public.waitlist_position(text) to anon, authenticated;
grant execute on function public.sync_horizon() to authenticated;
grant execute on function
  public.change_reservation_status(uuid, text, text, jsonb, jsonb, uuid) to authenticated;
grant execute on function public.foh_restaurant_ids() to authenticated;
grant execute on function public.get_user_restaurant_ids() to authenticated;

-- foh_auth: the policy helpers are called as the caller; the migrations'
-- own tools are not for any API role.
revoke execute on function foh_auth.add_check(text, text, text) from anon, authenticated,
  service_role;
revoke execute on function foh_auth.kiosk_admit(uuid) from authenticated, service_role;
