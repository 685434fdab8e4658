-- +goose Up
-- The whole data model of the extranet. Later changes come as new numbered files.

-- Sessions of the fiber session middleware (gofiber/storage/postgres v3.3.0).
-- Created here rather than by the storage so that the expiry index gets a unique name.
CREATE TABLE sessions (
    k VARCHAR(64) PRIMARY KEY NOT NULL DEFAULT '',
    v BYTEA NOT NULL,
    e BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX sessions_expiry_idx ON sessions (e);

-- Server-side secrets shared by every app instance (CSRF key), generated once.
CREATE TABLE app_secrets (
    name       TEXT PRIMARY KEY,
    value      BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Licensed childminders. Identity fields come from the Genesis import; the
-- childminder changes only her email and password.
CREATE TABLE assmats (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login                 TEXT NOT NULL UNIQUE,             -- numéro d'agrément / code utilisateur
    civilite              TEXT NOT NULL DEFAULT '',
    nom                   TEXT NOT NULL,
    prenom                TEXT NOT NULL,
    date_naissance        DATE NOT NULL,
    situation_familiale   TEXT NOT NULL DEFAULT '',
    adresse               TEXT NOT NULL DEFAULT '',
    code_postal           TEXT NOT NULL DEFAULT '',
    commune               TEXT NOT NULL DEFAULT '',
    email                 TEXT,
    password_hash         TEXT,                             -- NULL: identifier-only account
    must_change_password  BOOLEAN NOT NULL DEFAULT false,   -- temporary password from the letter
    password_changed_at   TIMESTAMPTZ,                      -- sessions older than this are refused
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT assmats_login_len CHECK (char_length(login) BETWEEN 1 AND 32)
);

-- Agréments granted by the département (Genesis Agréments), read-only for the childminder.
CREATE TABLE agrements (
    id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assmat_id                 BIGINT NOT NULL REFERENCES assmats (id) ON DELETE CASCADE,
    numero                    TEXT NOT NULL UNIQUE,
    statut                    TEXT NOT NULL DEFAULT '',
    date_premiere_delivrance  DATE,
    date_debut_validite       DATE,
    date_fin_validite         DATE,
    capacite_totale           INTEGER NOT NULL DEFAULT 0 CHECK (capacite_totale >= 0),
    capacite_moins_3_ans      INTEGER NOT NULL DEFAULT 0 CHECK (capacite_moins_3_ans >= 0),
    capacite_plus_3_ans       INTEGER NOT NULL DEFAULT 0 CHECK (capacite_plus_3_ans >= 0),
    lieu_exercice             TEXT NOT NULL DEFAULT 'domicile' CHECK (lieu_exercice IN ('domicile', 'mam')),
    mam_nom                   TEXT NOT NULL DEFAULT '',
    lieu_adresse              TEXT NOT NULL DEFAULT '',
    lieu_code_postal          TEXT NOT NULL DEFAULT '',
    lieu_commune              TEXT NOT NULL DEFAULT '',
    derogations               TEXT NOT NULL DEFAULT '',
    imported_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX agrements_assmat_idx ON agrements (assmat_id);

-- Département agents (back office).
CREATE TABLE agents (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login          TEXT NOT NULL UNIQUE,
    nom            TEXT NOT NULL,
    prenom         TEXT NOT NULL,
    email          TEXT NOT NULL,
    password_hash  TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Messages from the département. recipient_assmat_id NULL = general message:
-- one row for every childminder, never one row per childminder.
CREATE TABLE messages (
    id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sender_service       TEXT NOT NULL,
    subject              TEXT NOT NULL,
    body                 TEXT NOT NULL,
    recipient_assmat_id  BIGINT REFERENCES assmats (id) ON DELETE CASCADE,
    sent_by_agent_id     BIGINT REFERENCES agents (id) ON DELETE SET NULL,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX messages_general_idx ON messages (created_at DESC) WHERE recipient_assmat_id IS NULL;
CREATE INDEX messages_personal_idx ON messages (recipient_assmat_id, created_at DESC) WHERE recipient_assmat_id IS NOT NULL;

-- Per-childminder state of a message, created lazily on first read or archive.
CREATE TABLE message_states (
    assmat_id    BIGINT NOT NULL REFERENCES assmats (id) ON DELETE CASCADE,
    message_id   BIGINT NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    read_at      TIMESTAMPTZ,
    archived_at  TIMESTAMPTZ,
    PRIMARY KEY (assmat_id, message_id)
);

-- Children declared by a childminder. Current vs history is derived from the
-- care periods and today's date, never stored.
CREATE TABLE children (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assmat_id               BIGINT NOT NULL REFERENCES assmats (id) ON DELETE CASCADE,
    nom                     TEXT NOT NULL,
    prenom                  TEXT NOT NULL,
    date_naissance          DATE NOT NULL,
    guardian1_civilite      TEXT NOT NULL DEFAULT '',
    guardian1_nom           TEXT NOT NULL DEFAULT '',
    guardian1_prenom        TEXT NOT NULL DEFAULT '',
    guardian1_email         TEXT NOT NULL DEFAULT '',
    guardian1_phone         TEXT NOT NULL DEFAULT '',
    guardian2_civilite      TEXT NOT NULL DEFAULT '',
    guardian2_nom           TEXT NOT NULL DEFAULT '',
    guardian2_prenom        TEXT NOT NULL DEFAULT '',
    guardian2_email         TEXT NOT NULL DEFAULT '',
    guardian2_phone         TEXT NOT NULL DEFAULT '',
    adresse                 TEXT NOT NULL,
    code_postal             TEXT NOT NULL,
    commune                 TEXT NOT NULL,
    has_secondary_address   BOOLEAN NOT NULL DEFAULT false,
    secondary_adresse       TEXT NOT NULL DEFAULT '',
    secondary_code_postal   TEXT NOT NULL DEFAULT '',
    secondary_commune       TEXT NOT NULL DEFAULT '',
    version                 INTEGER NOT NULL DEFAULT 1,      -- optimistic locking
    declared_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    declared_late           BOOLEAN NOT NULL DEFAULT false,  -- more than 8 days after the first period's start
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX children_assmat_idx ON children (assmat_id);

CREATE TYPE care_kind AS ENUM ('standard', 'derogation', 'depassement');

CREATE TABLE care_periods (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    child_id         BIGINT NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    kind             care_kind NOT NULL,
    start_date       DATE NOT NULL,
    end_date         DATE,
    hours_per_month  INTEGER CHECK (hours_per_month IS NULL OR hours_per_month BETWEEN 0 AND 744),
    comment          TEXT NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT care_periods_dates CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX care_periods_child_idx ON care_periods (child_id);

-- Useful documents and links published by the agents.
CREATE TABLE documents (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    file_name    TEXT NOT NULL DEFAULT '',
    file_type    TEXT NOT NULL DEFAULT '',
    file_content BYTEA,
    position     INTEGER NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Single-use, expiring links (set a password, confirm an email change).
-- Only a SHA-256 of the token is stored.
CREATE TABLE account_tokens (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    assmat_id   BIGINT NOT NULL REFERENCES assmats (id) ON DELETE CASCADE,
    purpose     TEXT NOT NULL CHECK (purpose IN ('set_password', 'change_email')),
    token_hash  BYTEA NOT NULL UNIQUE,
    new_email   TEXT NOT NULL DEFAULT '',
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX account_tokens_assmat_idx ON account_tokens (assmat_id);

-- Login throttling counters, shared by every app instance.
-- key is 'id:<login>' for an identifier or 'ip:<address>' for a client.
CREATE TABLE login_throttle (
    key              TEXT PRIMARY KEY,
    failures         INTEGER NOT NULL DEFAULT 0,
    failures_day     INTEGER NOT NULL DEFAULT 0,
    day_started_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_until     TIMESTAMPTZ,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What agents did, for the auditor.
CREATE TABLE audit_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id    BIGINT REFERENCES agents (id) ON DELETE SET NULL,
    action      TEXT NOT NULL,
    target      TEXT NOT NULL DEFAULT '',
    details     JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE login_throttle;
DROP TABLE account_tokens;
DROP TABLE documents;
DROP TABLE care_periods;
DROP TYPE care_kind;
DROP TABLE children;
DROP TABLE message_states;
DROP TABLE messages;
DROP TABLE agents;
DROP TABLE agrements;
DROP TABLE assmats;
DROP TABLE app_secrets;
DROP TABLE sessions;
