-- Search documents built in SQL and kept by statement-level triggers (one set-based rebuild per
-- statement, so seeds and CSV imports of thousands of rows stay cheap), in the write's own
-- transaction: PostgreSQL search is never behind. Every change is also queued in search_queue
-- for Meilisearch. Needs the unaccent and pg_trgm extensions (0000).

-- unaccent() is only STABLE (it reads its dictionary by name): this wrapper names the
-- dictionary explicitly, which makes it safe to declare immutable for indexes and triggers.
CREATE OR REPLACE FUNCTION search_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;
--> statement-breakpoint
-- Words as the query parser makes them: lower case, unaccented, only letters and digits.
CREATE OR REPLACE FUNCTION search_norm(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT btrim(regexp_replace(lower(search_unaccent(coalesce(value, ''))), '[^[:alnum:]]+', ' ', 'g')) $$;
--> statement-breakpoint
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'fr_unaccent') THEN
    CREATE TEXT SEARCH CONFIGURATION fr_unaccent (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION fr_unaccent ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END $$;
--> statement-breakpoint
-- (Re)builds the documents of these entities from the source tables; an entity that is gone
-- or not searchable any more (offer not published or expired, formation not published,
-- profile archived or erased) is left without a document.
CREATE OR REPLACE FUNCTION search_rebuild(p_kind text, p_ids uuid[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN RETURN; END IF;
  DELETE FROM search_documents WHERE kind = p_kind AND entity_id = ANY (p_ids);
  IF p_kind = 'offers' THEN
    INSERT INTO search_documents (kind, entity_id, title, owner, commune_insee, commune_name, words_norm, tsv,
      contract, domains, location, starts_on, expires_on, display)
    SELECT 'offers', o.id, o.title, e.name, o.commune_insee, c.name,
      search_norm(concat_ws(' ', o.title, j.label, e.name, c.name)),
      setweight(to_tsvector('fr_unaccent', o.title), 'A')
        || setweight(to_tsvector('fr_unaccent', coalesce(j.label, '')), 'B')
        || setweight(to_tsvector('fr_unaccent', concat_ws(' ', e.name, c.name)), 'C')
        || setweight(to_tsvector('fr_unaccent', left(coalesce(o.description, ''), 4000)), 'D'),
      o.contract, ARRAY[left(o.rome_code, 1)], o.location, o.starts_on, o.expires_on,
      json_build_object('jobs', CASE WHEN j.label IS NULL THEN '[]'::json ELSE json_build_array(j.label) END)::text
    FROM offers o
    JOIN employers e ON e.id = o.employer_id
    LEFT JOIN communes c ON c.insee = o.commune_insee
    LEFT JOIN rome_jobs j ON j.code = o.rome_code
    WHERE o.id = ANY (p_ids) AND o.status = 'published' AND (o.expires_on IS NULL OR o.expires_on >= current_date);
  ELSIF p_kind = 'formations' THEN
    INSERT INTO search_documents (kind, entity_id, title, owner, commune_insee, commune_name, words_norm, tsv,
      domains, location, starts_on, display)
    SELECT 'formations', f.id, f.title, f.provider_name, f.commune_insee, c.name,
      search_norm(concat_ws(' ', f.title, jobs.labels, f.provider_name, c.name)),
      setweight(to_tsvector('fr_unaccent', f.title), 'A')
        || setweight(to_tsvector('fr_unaccent', coalesce(jobs.labels, '')), 'B')
        || setweight(to_tsvector('fr_unaccent', concat_ws(' ', f.provider_name, c.name)), 'C')
        || setweight(to_tsvector('fr_unaccent', left(coalesce(f.description, ''), 4000)), 'D'),
      ARRAY(SELECT DISTINCT left(code, 1) FROM unnest(f.rome_codes) code ORDER BY 1),
      f.location, f.starts_on,
      json_build_object('jobs', coalesce(jobs.list, '[]'::json))::text
    FROM formations f
    LEFT JOIN communes c ON c.insee = f.commune_insee
    LEFT JOIN LATERAL (
      SELECT string_agg(j.label, ' ' ORDER BY j.code) AS labels, json_agg(j.label ORDER BY j.code) AS list
      FROM rome_jobs j WHERE j.code = ANY (f.rome_codes)
    ) jobs ON true
    WHERE f.id = ANY (p_ids) AND f.status = 'published';
  ELSIF p_kind = 'profiles' THEN
    INSERT INTO search_documents (kind, entity_id, title, owner, commune_insee, commune_name, words_norm, tsv,
      domains, location, adviser_id, territory_code, visible, display)
    SELECT 'profiles', p.id, concat_ws(' ', p.first_name, p.last_name), concat_ws(' ', p.first_name, p.last_name),
      p.commune_insee, c.name,
      search_norm(concat_ws(' ', p.first_name, p.last_name, p.external_id, jobs.labels, c.name)),
      setweight(to_tsvector('simple', search_norm(concat_ws(' ', p.first_name, p.last_name, p.external_id))), 'A')
        || setweight(to_tsvector('fr_unaccent', coalesce(jobs.labels, '')), 'B')
        || setweight(to_tsvector('fr_unaccent', coalesce(c.name, '')), 'C'),
      p.large_domains, p.location, p.adviser_id, p.territory_code, p.visible_to_employers AND p.seeking,
      json_build_object('firstName', p.first_name, 'lastName', p.last_name, 'externalId', p.external_id,
        'jobs', coalesce(jobs.list, '[]'::json))::text
    FROM beneficiary_profiles p
    LEFT JOIN communes c ON c.insee = p.commune_insee
    LEFT JOIN LATERAL (
      SELECT string_agg(DISTINCT pj.label, ' ') AS labels, json_agg(DISTINCT pj.label) AS list
      FROM profile_jobs pj WHERE pj.profile_id = p.id
    ) jobs ON true
    WHERE p.id = ANY (p_ids) AND p.status = 'active';
  END IF;
  -- the vocabulary that typed words with typos are matched against (see search_words): offers'
  -- and formations' words only, never people's names (they must go when a person erases their account)
  IF p_kind = 'profiles' THEN RETURN; END IF;
  INSERT INTO search_words (word)
    SELECT DISTINCT w FROM search_documents d, unnest(string_to_array(d.words_norm, ' ')) w
    WHERE d.kind = p_kind AND d.entity_id = ANY (p_ids) AND length(w) BETWEEN 3 AND 40
  ON CONFLICT (word) DO NOTHING;
END $$;
--> statement-breakpoint
-- Rebuilds and queues the entities for Meilisearch (a queued row is retried from scratch).
CREATE OR REPLACE FUNCTION search_refresh(p_kind text, p_ids uuid[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN RETURN; END IF;
  PERFORM search_rebuild(p_kind, p_ids);
  INSERT INTO search_queue (kind, entity_id)
    SELECT p_kind, id FROM (SELECT DISTINCT unnest(p_ids) AS id) ids
  ON CONFLICT (kind, entity_id) DO UPDATE
    SET attempts = 0, next_attempt_at = now(), last_error = NULL, enqueued_at = now();
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_offers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM search_refresh('offers', ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM search_refresh('offers', ARRAY(SELECT id FROM old_rows));
  ELSE
    -- only when something a document holds changed (not every counter or timestamp update)
    PERFORM search_refresh('offers', ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.title, n.rome_code, n.description, n.commune_insee, n.location, n.contract, n.starts_on, n.expires_on, n.status, n.employer_id)
        IS DISTINCT FROM (o.title, o.rome_code, o.description, o.commune_insee, o.location, o.contract, o.starts_on, o.expires_on, o.status, o.employer_id)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_formations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM search_refresh('formations', ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM search_refresh('formations', ARRAY(SELECT id FROM old_rows));
  ELSE
    PERFORM search_refresh('formations', ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.title, n.provider_name, n.description, n.rome_codes, n.commune_insee, n.location, n.starts_on, n.status)
        IS DISTINCT FROM (o.title, o.provider_name, o.description, o.rome_codes, o.commune_insee, o.location, o.starts_on, o.status)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_profiles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM search_refresh('profiles', ARRAY(SELECT id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM search_refresh('profiles', ARRAY(SELECT id FROM old_rows));
  ELSE
    PERFORM search_refresh('profiles', ARRAY(
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.first_name, n.last_name, n.external_id, n.commune_insee, n.location, n.large_domains, n.adviser_id,
             n.territory_code, n.visible_to_employers, n.seeking, n.status)
        IS DISTINCT FROM (o.first_name, o.last_name, o.external_id, o.commune_insee, o.location, o.large_domains, o.adviser_id,
             o.territory_code, o.visible_to_employers, o.seeking, o.status)));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_profile_jobs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM search_refresh('profiles', ARRAY(SELECT DISTINCT profile_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM search_refresh('profiles', ARRAY(SELECT DISTINCT profile_id FROM old_rows));
  ELSE
    PERFORM search_refresh('profiles', ARRAY(SELECT profile_id FROM new_rows UNION SELECT profile_id FROM old_rows));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION search_employers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_refresh('offers', ARRAY(
    SELECT o.id FROM offers o
    JOIN new_rows n ON n.id = o.employer_id
    JOIN old_rows p ON p.id = n.id
    WHERE n.name IS DISTINCT FROM p.name AND o.status = 'published'));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_offers_insert AFTER INSERT ON offers REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_offers_changed();
--> statement-breakpoint
CREATE TRIGGER search_offers_update AFTER UPDATE ON offers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_offers_changed();
--> statement-breakpoint
CREATE TRIGGER search_offers_delete AFTER DELETE ON offers REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_offers_changed();
--> statement-breakpoint
CREATE TRIGGER search_formations_insert AFTER INSERT ON formations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_formations_changed();
--> statement-breakpoint
CREATE TRIGGER search_formations_update AFTER UPDATE ON formations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_formations_changed();
--> statement-breakpoint
CREATE TRIGGER search_formations_delete AFTER DELETE ON formations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_formations_changed();
--> statement-breakpoint
CREATE TRIGGER search_profiles_insert AFTER INSERT ON beneficiary_profiles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_profiles_changed();
--> statement-breakpoint
CREATE TRIGGER search_profiles_update AFTER UPDATE ON beneficiary_profiles REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_profiles_changed();
--> statement-breakpoint
CREATE TRIGGER search_profiles_delete AFTER DELETE ON beneficiary_profiles REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_profiles_changed();
--> statement-breakpoint
CREATE TRIGGER search_profile_jobs_insert AFTER INSERT ON profile_jobs REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_profile_jobs_changed();
--> statement-breakpoint
CREATE TRIGGER search_profile_jobs_update AFTER UPDATE ON profile_jobs REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_profile_jobs_changed();
--> statement-breakpoint
CREATE TRIGGER search_profile_jobs_delete AFTER DELETE ON profile_jobs REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_profile_jobs_changed();
--> statement-breakpoint
CREATE TRIGGER search_employers_update AFTER UPDATE ON employers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_employers_changed();
--> statement-breakpoint
-- TRUNCATE fires no row or statement DELETE trigger: the kind's documents go with their table
-- (queued, so Meilisearch drops them too).
CREATE OR REPLACE FUNCTION search_table_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_queue (kind, entity_id)
    SELECT kind, entity_id FROM search_documents WHERE kind = TG_ARGV[0]
  ON CONFLICT (kind, entity_id) DO UPDATE
    SET attempts = 0, next_attempt_at = now(), last_error = NULL, enqueued_at = now();
  DELETE FROM search_documents WHERE kind = TG_ARGV[0];
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER search_offers_truncate AFTER TRUNCATE ON offers
  FOR EACH STATEMENT EXECUTE FUNCTION search_table_truncated('offers');
--> statement-breakpoint
CREATE TRIGGER search_formations_truncate AFTER TRUNCATE ON formations
  FOR EACH STATEMENT EXECUTE FUNCTION search_table_truncated('formations');
--> statement-breakpoint
CREATE TRIGGER search_profiles_truncate AFTER TRUNCATE ON beneficiary_profiles
  FOR EACH STATEMENT EXECUTE FUNCTION search_table_truncated('profiles');
--> statement-breakpoint
-- Backfill what exists (the queue then carries it all to Meilisearch once).
SELECT search_refresh('offers', ARRAY(SELECT id FROM offers));
--> statement-breakpoint
SELECT search_refresh('formations', ARRAY(SELECT id FROM formations));
--> statement-breakpoint
SELECT search_refresh('profiles', ARRAY(SELECT id FROM beneficiary_profiles));
