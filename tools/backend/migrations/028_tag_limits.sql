-- 028: a customer's tags are bounded like its other text (016): at most 30
-- tags of at most 100 characters each, the engine's limits::kMaxTags and
-- kMaxTagChars (engine/include/foh/engine/limits.hpp; change both together).
-- Before, any member could store megabytes of tags on one card, which every
-- terminal then pulled (tests/backend/test_limits_agree.cpp).
create or replace function foh_auth.tags_within(tags text[], max_tags int, max_chars int)
returns boolean language sql immutable parallel safe as $$
  select coalesce(cardinality(tags), 0) <= max_tags
     and coalesce((select bool_and(char_length(t) <= max_chars) from unnest(tags) t), true)
$$;
revoke all on function foh_auth.tags_within(text[], int, int) from public, anon;
grant execute on function foh_auth.tags_within(text[], int, int) to authenticated, service_role;

select foh_auth.add_check('customers', 'foh_tags_length', 'foh_auth.tags_within(tags, 30, 100)');
