-- Extensions the shop relies on. Both are "trusted": the database owner may create them
-- without being a superuser.
--   unaccent  accent-insensitive search ("creme" finds "crème")
--   pg_trgm   trigram similarity, for typo-tolerant search ("figes" finds "figues")
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
