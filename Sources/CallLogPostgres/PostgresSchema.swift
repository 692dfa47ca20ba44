import CallLogModel

/// The team log's schema, one migration per version, applied in order under an
/// advisory lock so two operators starting at once migrate once. Never edit a
/// shipped migration: add a new one. A database at a version this binary does
/// not know is refused, never altered.
enum PostgresSchema {
    /// The lock (one bigint) that serialises migrations.
    static let migrationLock: Int64 = 0x45_584F_4341_4C4C // "EXOCALL"
    /// The first key of the two-int advisory locks the repeat guard takes per number.
    static let guardLockSpace: Int32 = 0x4558_4F47 // "EXOG"
    /// The channel every change is announced on.
    static let channel = "exocall_call"

    /// The steps, version 1 first, each a list of single statements (the extended
    /// query protocol takes one statement at a time). The rule that applies them is
    /// `SchemaPlan`'s, shared with the local log.
    static let plan = SchemaPlan([
        SchemaStep("v1: calls, operators, search, counts", [
            """
            CREATE TABLE call (
              id BIGSERIAL PRIMARY KEY,
              created_at BIGINT NOT NULL,
              finished_at BIGINT,
              mode TEXT NOT NULL CHECK (mode IN ('live', 'demo')),
              endpoint_host TEXT NOT NULL,
              request_json TEXT NOT NULL,
              request_description TEXT,
              line_1_numbers TEXT NOT NULL,
              line_2_numbers TEXT NOT NULL,
              tts_text TEXT,
              outcome TEXT NOT NULL CHECK (outcome IN ('sending', 'placed', 'rejected', 'not_sent', 'unknown')),
              http_status INTEGER,
              call_id TEXT,
              message TEXT,
              raw_response TEXT,
              latency_ms INTEGER,
              exocall_version TEXT NOT NULL,
              owner_pid INTEGER NOT NULL DEFAULT 0,
              operator_name TEXT,
              sender_host TEXT,
              deadline_at BIGINT,
              -- Where a copied entry came from (log migrate): copying twice copies nothing twice.
              origin TEXT UNIQUE,
              -- The searchable words, split and lower-cased by exocall (so the database's
              -- locale never matters); numbers reversed so their last digits are a prefix.
              search_words TEXT NOT NULL DEFAULT '',
              search TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', search_words), 'A') ||
                setweight(to_tsvector('simple', reverse(line_1_numbers || ' ' || line_2_numbers)), 'B')
              ) STORED
            )
            """,
            """
            -- Newest first, keyset on (created_at, id); within an outcome; within an operator.
            CREATE INDEX call_by_time ON call (created_at, id)
            """,
            """
            CREATE INDEX call_by_outcome_time ON call (outcome, created_at, id)
            """,
            """
            CREATE INDEX call_by_operator_time ON call (operator_name, created_at, id)
            """,
            """
            CREATE INDEX call_search ON call USING gin (search)
            """,
            """

            -- Counts per outcome, kept per statement, so "N entries" costs nothing at a million.
            CREATE TABLE outcome_count (outcome TEXT PRIMARY KEY, n BIGINT NOT NULL)
            """,
            """
            CREATE FUNCTION exocall_call_counted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              -- One function for the three statement triggers: rows that left an outcome,
              -- rows that came to one (a transition table is only read where it exists).
              IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE outcome_count SET n = n - o.c FROM (SELECT outcome, count(*) AS c FROM old_rows GROUP BY outcome) o
                  WHERE outcome_count.outcome = o.outcome;
              END IF;
              IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO outcome_count (outcome, n) SELECT outcome, count(*) FROM new_rows GROUP BY outcome
                  ON CONFLICT (outcome) DO UPDATE SET n = outcome_count.n + EXCLUDED.n;
              END IF;
              PERFORM pg_notify('exocall_call', '');
              RETURN NULL;
            END $$ SECURITY DEFINER SET search_path FROM CURRENT
            """,
            """
            CREATE TRIGGER call_counted_in AFTER INSERT ON call REFERENCING NEW TABLE AS new_rows
              FOR EACH STATEMENT EXECUTE FUNCTION exocall_call_counted()
            """,
            """
            CREATE TRIGGER call_counted_change AFTER UPDATE ON call REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
              FOR EACH STATEMENT EXECUTE FUNCTION exocall_call_counted()
            """,
            """
            CREATE TRIGGER call_counted_out AFTER DELETE ON call REFERENCING OLD TABLE AS old_rows
              FOR EACH STATEMENT EXECUTE FUNCTION exocall_call_counted()
            """,
        ]),
        SchemaStep("v2: call events", [
            """
            -- Exolve's callback call events, each once (its identity), linked by uid = call.call_id;
            -- the body as received, read through the one parser.
            CREATE TABLE call_event (
              id BIGSERIAL PRIMARY KEY,
              identity TEXT NOT NULL UNIQUE,
              uid TEXT NOT NULL,
              received_at BIGINT NOT NULL,
              raw TEXT NOT NULL
            )
            """,
            """
            CREATE INDEX call_event_by_uid ON call_event (uid, id)
            """,
            """
            CREATE INDEX call_by_call_id ON call (call_id) WHERE call_id IS NOT NULL
            """,
            """
            -- Another operator's panel updates when an event arrives, as it does for a send.
            CREATE FUNCTION exocall_event_notified() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM pg_notify('exocall_call', '');
              RETURN NULL;
            END $$ SECURITY DEFINER SET search_path FROM CURRENT
            """,
            """
            CREATE TRIGGER call_event_in AFTER INSERT ON call_event FOR EACH STATEMENT EXECUTE FUNCTION exocall_event_notified()
            """,
        ]),
        SchemaStep("v3: call events by time", [
            """
            -- The evidence for an unknown send reads only the events received in its window.
            CREATE INDEX call_event_by_time ON call_event (received_at)
            """,
        ]),
        SchemaStep("v4: notes and dispositions", [
            """
            -- The latest note and disposition beside the entry (listed, searched, filtered,
            -- exported with it); every one ever given kept in call_annotation, with who and when.
            ALTER TABLE call ADD COLUMN note TEXT, ADD COLUMN note_by TEXT, ADD COLUMN note_at BIGINT,
              ADD COLUMN disposition TEXT, ADD COLUMN disposition_by TEXT, ADD COLUMN disposition_at BIGINT
            """,
            """
            CREATE INDEX call_by_disposition_time ON call (disposition, created_at, id) WHERE disposition IS NOT NULL
            """,
            """
            CREATE TABLE call_annotation (
              id BIGSERIAL PRIMARY KEY,
              entry_id BIGINT NOT NULL REFERENCES call (id),
              kind TEXT NOT NULL,
              text TEXT NOT NULL,
              operator_name TEXT,
              at BIGINT NOT NULL
            )
            """,
            """
            CREATE INDEX call_annotation_by_entry ON call_annotation (entry_id, id)
            """,
        ]),
        SchemaStep("v5: call history", [
            """
            -- Talk time from Exolve's call history (experimental), for calls without events.
            ALTER TABLE call ADD COLUMN history_talk_seconds INTEGER, ADD COLUMN history_at BIGINT
            """,
        ]),
        SchemaStep("v6: event sightings", [
            """
            -- What matching an unknown send needs of an event (its side, number and time, as the
            -- one parser read them when it was stored), so candidates are found without reading
            -- bodies. Events stored before this have none and are read from their bodies.
            ALTER TABLE call_event ADD COLUMN side TEXT, ADD COLUMN number TEXT, ADD COLUMN event_at BIGINT
            """,
            """
            CREATE INDEX call_event_ringing ON call_event (number, event_at) WHERE side = 'A'
            """,
            """
            CREATE INDEX call_event_unread ON call_event (received_at) WHERE side IS NULL
            """,
            """
            DROP INDEX call_event_by_time
            """,
        ]),
    ])

    /// The table that records which migrations ran.
    static let versionTable = """
        CREATE TABLE IF NOT EXISTS exocall_schema (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
        """

}
