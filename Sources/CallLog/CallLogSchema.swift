import CallLogModel

/// The local log's schema, one step per version (the plan and its rule are
/// `SchemaPlan`'s, shared with the team log), applied step by step and recorded by
/// name in `grdb_migrations`, where exocall recorded them when it used GRDB:
/// a log written by either reads the same in both.
enum CallLogSchema {
    /// The steps. Never edit a shipped step: add one.
    static let plan = SchemaPlan([
        SchemaStep("v1: calls, outcome counts, search", [
            """
            CREATE TABLE call (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              created_at INTEGER NOT NULL,
              finished_at INTEGER,
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
              owner_pid INTEGER NOT NULL DEFAULT 0
            );
            -- Newest first, optionally within a date range: keyset on (created_at, id).
            CREATE INDEX call_by_time ON call (created_at, id);
            -- The same, within one outcome.
            CREATE INDEX call_by_outcome_time ON call (outcome, created_at, id);
            -- call_id prefix search.
            CREATE INDEX call_by_call_id ON call (call_id) WHERE call_id IS NOT NULL;

            -- Counts per outcome, kept by triggers, so "N entries" costs nothing at a million.
            CREATE TABLE outcome_count (outcome TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
            CREATE TRIGGER call_counted_in AFTER INSERT ON call BEGIN
              INSERT INTO outcome_count (outcome, n) VALUES (NEW.outcome, 1)
                ON CONFLICT (outcome) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER call_counted_change AFTER UPDATE OF outcome ON call WHEN OLD.outcome <> NEW.outcome BEGIN
              UPDATE outcome_count SET n = n - 1 WHERE outcome = OLD.outcome;
              INSERT INTO outcome_count (outcome, n) VALUES (NEW.outcome, 1)
                ON CONFLICT (outcome) DO UPDATE SET n = n + 1;
            END;
            CREATE TRIGGER call_counted_out AFTER DELETE ON call BEGIN
              UPDATE outcome_count SET n = n - 1 WHERE outcome = OLD.outcome;
            END;

            -- Full-text search over numbers (also reversed, so the last digits of a
            -- number are a prefix search), description, call_id and TTS text.
            -- Contentless: the text lives once, in call; a row is rewritten (delete
            -- with its old values, insert) when its call_id arrives.
            CREATE VIRTUAL TABLE call_search USING fts5 (
              numbers, numbers_reversed, description, call_id, tts_text,
              content = '', tokenize = 'unicode61 remove_diacritics 2'
            );
            """,
        ]),
        SchemaStep("v2: operator, sender host, deadline, log id", [
            """
            -- Who sent it; the machine it was sent from (a pid means something only
            -- there); when its answer was due at the latest.
            ALTER TABLE call ADD COLUMN operator_name TEXT;
            ALTER TABLE call ADD COLUMN sender_host TEXT;
            ALTER TABLE call ADD COLUMN deadline_at INTEGER;
            CREATE INDEX call_by_operator_time ON call (operator_name, created_at, id);
            -- This log's identity, so a copy into a team log (log migrate) is recognised when run again.
            CREATE TABLE log_identity (id TEXT NOT NULL);
            INSERT INTO log_identity (id) VALUES (lower(hex(randomblob(16))));
            """,
        ]),
        SchemaStep("v3: call events", [
            """
            -- Exolve's callback call events, each once (its identity: uid, side, type, date_time),
            -- linked to an entry by uid = call.call_id; the body is kept as received and read
            -- through the one parser, so no rule of the event lives in SQL.
            CREATE TABLE call_event (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              identity TEXT NOT NULL UNIQUE,
              uid TEXT NOT NULL,
              received_at INTEGER NOT NULL,
              raw TEXT NOT NULL
            );
            CREATE INDEX call_event_by_uid ON call_event (uid, id);
            """,
        ]),
        SchemaStep("v4: call events by time", [
            """
            -- The evidence for an unknown send reads only the events received in its window.
            CREATE INDEX call_event_by_time ON call_event (received_at);
            """,
        ]),
        SchemaStep("v5: notes and dispositions", [
            """
            -- The latest note and disposition beside the entry (listed, searched, filtered,
            -- exported with it); every one ever given kept in call_annotation, with who and when.
            ALTER TABLE call ADD COLUMN note TEXT;
            ALTER TABLE call ADD COLUMN note_by TEXT;
            ALTER TABLE call ADD COLUMN note_at INTEGER;
            ALTER TABLE call ADD COLUMN disposition TEXT;
            ALTER TABLE call ADD COLUMN disposition_by TEXT;
            ALTER TABLE call ADD COLUMN disposition_at INTEGER;
            CREATE INDEX call_by_disposition_time ON call (disposition, created_at, id) WHERE disposition IS NOT NULL;
            CREATE TABLE call_annotation (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              entry_id INTEGER NOT NULL REFERENCES call (id),
              kind TEXT NOT NULL,
              text TEXT NOT NULL,
              operator_name TEXT,
              at INTEGER NOT NULL
            );
            CREATE INDEX call_annotation_by_entry ON call_annotation (entry_id, id);
            """,
        ]),
        SchemaStep("v6: call history", [
            """
            -- Talk time from Exolve's call history (experimental), for calls without events.
            ALTER TABLE call ADD COLUMN history_talk_seconds INTEGER;
            ALTER TABLE call ADD COLUMN history_at INTEGER;
            """,
        ]),
        SchemaStep("v7: event sightings", [
            """
            -- What matching an unknown send needs of an event (its side, number and time, as the
            -- one parser read them when it was stored), so candidates are found without reading
            -- bodies. Events stored before this have none and are read from their bodies.
            ALTER TABLE call_event ADD COLUMN side TEXT;
            ALTER TABLE call_event ADD COLUMN number TEXT;
            ALTER TABLE call_event ADD COLUMN event_at INTEGER;
            CREATE INDEX call_event_ringing ON call_event (number, event_at) WHERE side = 'A';
            CREATE INDEX call_event_unread ON call_event (received_at) WHERE side IS NULL;
            DROP INDEX call_event_by_time;
            """,
        ]),
    ])

    /// The names of the steps a log has applied (none for a new file).
    static func applied(_ db: SQLiteConnection) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        return try db.column("SELECT identifier FROM grdb_migrations").compactMap(\.text)
    }

    /// The plan's decision for an open database.
    static func decision(_ db: SQLiteConnection) throws -> SchemaPlan.Decision {
        plan.decide(applied: try applied(db))
    }

    /// Applies the steps the log lacks, in order, each in its own transaction with
    /// its record (a step half applied is never recorded). The caller holds the
    /// folder's lock, so no other exocall migrates at the same time.
    static func migrate(_ db: SQLiteConnection) throws {
        try db.execute("CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        guard case .apply(let range) = try decision(db) else { return }
        for step in plan.steps[range] {
            try db.transaction(immediate: true) {
                // Looked at again under the write lock.
                guard try !applied(db).contains(step.name) else { return }
                for sql in step.statements { try db.execute(sql) }
                try db.execute("INSERT INTO grdb_migrations (identifier) VALUES (?)", [step.name])
            }
        }
    }
}
