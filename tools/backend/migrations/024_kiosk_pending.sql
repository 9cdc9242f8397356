-- 024: a kiosk join waits for staff to accept it, on every terminal. The
-- terminal marks such an entry `kiosk_pending` (net's WaitlistEntry extra); the
-- column did not exist, so every kiosk join was refused by the backend (PGRST204)
-- and never left the kiosk. The database, not the guest, says an anon insert is
-- pending; members accept it (false) with an ordinary update.

alter table public.waitlist_entries
  add column if not exists kiosk_pending boolean not null default false;

create or replace function public.foh_kiosk_pending() returns trigger
language plpgsql as $$
begin
  if current_user = 'anon' then
    new.kiosk_pending := true;
  end if;
  return new;
end
$$;
revoke all on function public.foh_kiosk_pending() from public;
-- After 015's foh_05_kiosk (triggers fire in name order).
drop trigger if exists foh_06_kiosk_pending on public.waitlist_entries;
create trigger foh_06_kiosk_pending before insert on public.waitlist_entries
  for each row execute function public.foh_kiosk_pending();
