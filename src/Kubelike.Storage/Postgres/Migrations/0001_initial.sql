-- Kubelike object store, schema version 1.
--
-- Revisions: one cluster-wide counter row. Every write transaction locks that row first and holds the lock
-- until it commits, so revision N+1 cannot be allocated before the transaction holding N has committed and
-- become visible: revisions appear in commit order with no gaps, by construction (no sequences, no fill rows).

CREATE TABLE kl_revision (
  id smallint PRIMARY KEY CHECK (id = 1),
  current bigint NOT NULL
);
INSERT INTO kl_revision (id, current) VALUES (1, 0);

-- Kept apart from kl_revision so compaction never waits on the writers' lock.
CREATE TABLE kl_compaction (
  id smallint PRIMARY KEY CHECK (id = 1),
  compacted bigint NOT NULL
);
INSERT INTO kl_compaction (id, compacted) VALUES (1, 0);

-- The current state: one row per key.
CREATE TABLE kl_objects (
  resource text COLLATE "C" NOT NULL,
  namespace text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  revision bigint NOT NULL,
  create_revision bigint NOT NULL,
  uid text,
  value bytea NOT NULL,
  PRIMARY KEY (resource, namespace, name)
);

-- The history: one row per revision. type: 0 added, 1 modified, 2 deleted.
-- For a delete, value is the object's last state and prev_value is null (it would repeat value).
CREATE TABLE kl_events (
  revision bigint PRIMARY KEY,
  resource text COLLATE "C" NOT NULL,
  namespace text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  type smallint NOT NULL,
  create_revision bigint NOT NULL,
  uid text,
  value bytea NOT NULL,
  prev_revision bigint NOT NULL,
  prev_value bytea,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
-- Serves watches that start before the in-memory ring and lists at an older revision.
CREATE INDEX kl_events_key ON kl_events (resource, namespace, name, revision);

-- A write transaction (one group commit) is: kl_begin_writes() (locks the revision row), any number of
-- kl_write(), kl_end_writes() (stores the last revision used). Revisions are counted in a transaction-local
-- setting in between, so the counter row is updated once per group rather than once per write.
CREATE FUNCTION kl_begin_writes() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  rev bigint;
BEGIN
  SELECT r.current INTO rev FROM kl_revision r WHERE r.id = 1 FOR UPDATE;
  PERFORM set_config('kubelike.revision', rev::text, true);
  RETURN rev;
END
$$;

CREATE FUNCTION kl_end_writes() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  rev bigint := current_setting('kubelike.revision')::bigint;
BEGIN
  UPDATE kl_revision r SET current = rev WHERE r.id = 1 AND r.current <> rev;
  RETURN rev;
END
$$;

-- One write. kl_begin_writes() has locked the kl_revision row earlier in the same transaction, so no other
-- writer can touch any key until commit. Outcomes are statuses, never errors, so that one failed
-- precondition does not abort the other writes of a group commit.
-- op: 0 create, 1 update, 2 delete.
-- out_status: 0 ok, 1 already exists, 2 not found, 3 revision conflict, 4 uid precondition failed.
-- On success out_value/out_prev_revision carry the previous state (for an update or a delete), so the writer can
-- publish the event in-process without reading it back.
CREATE FUNCTION kl_write(
  p_op smallint, p_resource text, p_namespace text, p_name text, p_value bytea, p_uid text,
  p_expected_revision bigint, p_expected_uid text,
  OUT out_status smallint, OUT out_revision bigint, OUT out_create_revision bigint, OUT out_uid text,
  OUT out_value bytea, OUT out_prev_revision bigint)
LANGUAGE plpgsql AS $$
DECLARE
  counter text := current_setting('kubelike.revision', true);
  cur kl_objects%ROWTYPE;
  rev bigint;
BEGIN
  IF counter IS NULL OR counter = '' THEN
    RAISE EXCEPTION 'kl_write called outside kl_begin_writes()';
  END IF;
  rev := counter::bigint + 1;
  out_prev_revision := 0;

  IF p_op = 0 THEN
    INSERT INTO kl_objects (resource, namespace, name, revision, create_revision, uid, value)
      VALUES (p_resource, p_namespace, p_name, rev, rev, p_uid, p_value)
      ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      SELECT * INTO cur FROM kl_objects o
       WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name;
      out_status := 1; out_revision := cur.revision; out_create_revision := cur.create_revision; out_uid := cur.uid;
      RETURN;
    END IF;
    INSERT INTO kl_events (revision, resource, namespace, name, type, create_revision, uid, value, prev_revision)
      VALUES (rev, p_resource, p_namespace, p_name, 0, rev, p_uid, p_value, 0);
    PERFORM set_config('kubelike.revision', rev::text, true);
    out_status := 0; out_revision := rev; out_create_revision := rev; out_uid := p_uid;
    RETURN;
  END IF;

  SELECT * INTO cur FROM kl_objects o
   WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name;
  IF NOT FOUND THEN
    out_status := 2; out_revision := 0; out_create_revision := 0;
    RETURN;
  END IF;
  out_revision := cur.revision; out_create_revision := cur.create_revision; out_uid := cur.uid;
  IF p_expected_uid IS NOT NULL AND cur.uid IS DISTINCT FROM p_expected_uid THEN
    out_status := 4;
    RETURN;
  END IF;
  IF p_expected_revision IS NOT NULL AND p_expected_revision <> cur.revision THEN
    out_status := 3;
    RETURN;
  END IF;

  IF p_op = 1 THEN
    UPDATE kl_objects o SET revision = rev, value = p_value
     WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name;
    INSERT INTO kl_events (revision, resource, namespace, name, type, create_revision, uid, value, prev_revision, prev_value)
      VALUES (rev, p_resource, p_namespace, p_name, 1, cur.create_revision, cur.uid, p_value, cur.revision, cur.value);
  ELSE
    DELETE FROM kl_objects o
     WHERE o.resource = p_resource AND o.namespace = p_namespace AND o.name = p_name;
    INSERT INTO kl_events (revision, resource, namespace, name, type, create_revision, uid, value, prev_revision)
      VALUES (rev, p_resource, p_namespace, p_name, 2, cur.create_revision, cur.uid, cur.value, cur.revision);
  END IF;
  PERFORM set_config('kubelike.revision', rev::text, true);
  out_status := 0; out_revision := rev; out_value := cur.value; out_prev_revision := cur.revision;
END
$$;
