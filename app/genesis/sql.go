package genesis

// The import's SQL works on a temporary staging table, which sqlc cannot
// analyse: it lives here rather than in queries/. Every statement is
// set-based: its cost does not grow with round trips, whatever the file's size.

// sqlLock serialises imports (released with the transaction).
const sqlLock = `SELECT pg_advisory_xact_lock(hashtext('extranet:genesis-import'))`

const sqlCreateStage = `
CREATE TEMP TABLE genesis_stage (
    line                     integer NOT NULL,
    login                    text NOT NULL,
    civilite                 text NOT NULL,
    nom                      text NOT NULL,
    prenom                   text NOT NULL,
    date_naissance           date NOT NULL,
    situation_familiale      text NOT NULL,
    adresse                  text NOT NULL,
    code_postal              text NOT NULL,
    commune                  text NOT NULL,
    email                    text NOT NULL,
    numero                   text NOT NULL,
    statut                   text NOT NULL,
    date_premiere_delivrance date,
    date_debut_validite      date,
    date_fin_validite        date,
    capacite_totale          integer NOT NULL,
    capacite_moins_3_ans     integer NOT NULL,
    capacite_plus_3_ans      integer NOT NULL,
    lieu_exercice            text NOT NULL,
    mam_nom                  text NOT NULL,
    lieu_adresse             text NOT NULL,
    lieu_code_postal         text NOT NULL,
    lieu_commune             text NOT NULL,
    derogations              text NOT NULL
) ON COMMIT DROP`

// stageColumns are the COPY's columns, in the order of copySource.Values.
var stageColumns = []string{
	"line", "login", "civilite", "nom", "prenom", "date_naissance", "situation_familiale",
	"adresse", "code_postal", "commune", "email", "numero", "statut",
	"date_premiere_delivrance", "date_debut_validite", "date_fin_validite",
	"capacite_totale", "capacite_moins_3_ans", "capacite_plus_3_ans",
	"lieu_exercice", "mam_nom", "lieu_adresse", "lieu_code_postal", "lieu_commune", "derogations",
}

// The indexes are built after the COPY (faster than maintaining them row by
// row), and ANALYZE gives the planner the staging table's real size.
const sqlIndexStage = `
CREATE INDEX ON genesis_stage (login, line);
CREATE INDEX ON genesis_stage (numero, line);
ANALYZE genesis_stage`

// sqlIdentityMismatch: the rows whose childminder identity differs from the
// one on her first row (the identity is hers, not the agrément's).
const sqlIdentityMismatch = `
SELECT line, first_line FROM (
    SELECT line,
           first_value(line) OVER w AS first_line,
           ROW(civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune, email)::text AS identity,
           first_value(ROW(civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune, email)::text) OVER w AS first_identity
    FROM genesis_stage
    WINDOW w AS (PARTITION BY login ORDER BY line)
) x
WHERE identity <> first_identity
ORDER BY line
LIMIT $1`

// sqlDuplicateNumero: an agrément number on more than one row.
const sqlDuplicateNumero = `
SELECT line, first_line FROM (
    SELECT line, first_value(line) OVER (PARTITION BY numero ORDER BY line) AS first_line
    FROM genesis_stage
) x
WHERE line <> first_line
ORDER BY line
LIMIT $1`

// sqlUpsertAssmats creates or updates the childminders, counting each.
// An update happens only when a Genesis field changed (the WHERE of DO
// UPDATE), so that a re-import writes nothing; xmax = 0 tells an inserted row
// from an updated one. The email is the file's only on creation and the
// password is never touched: both are hers to change.
const sqlUpsertAssmats = `
WITH up AS (
    INSERT INTO assmats AS a (login, civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune, email)
    SELECT DISTINCT ON (login) login, civilite, nom, prenom, date_naissance, situation_familiale, adresse, code_postal, commune, NULLIF(email, '')
    FROM genesis_stage
    ORDER BY login, line
    ON CONFLICT (login) DO UPDATE SET
        civilite = EXCLUDED.civilite, nom = EXCLUDED.nom, prenom = EXCLUDED.prenom,
        date_naissance = EXCLUDED.date_naissance, situation_familiale = EXCLUDED.situation_familiale,
        adresse = EXCLUDED.adresse, code_postal = EXCLUDED.code_postal, commune = EXCLUDED.commune,
        updated_at = now()
    WHERE (a.civilite, a.nom, a.prenom, a.date_naissance, a.situation_familiale, a.adresse, a.code_postal, a.commune)
          IS DISTINCT FROM
          (EXCLUDED.civilite, EXCLUDED.nom, EXCLUDED.prenom, EXCLUDED.date_naissance, EXCLUDED.situation_familiale, EXCLUDED.adresse, EXCLUDED.code_postal, EXCLUDED.commune)
    RETURNING (xmax = 0) AS created
)
SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created),
       (SELECT count(DISTINCT login) FROM genesis_stage)
FROM up`

// sqlUpsertAgrements creates or updates the agréments the same way. An
// agrément found under another childminder in the file moves to her: Genesis
// is the source of truth for who holds which agrément.
const sqlUpsertAgrements = `
WITH up AS (
    INSERT INTO agrements AS g (assmat_id, numero, statut, date_premiere_delivrance, date_debut_validite, date_fin_validite,
        capacite_totale, capacite_moins_3_ans, capacite_plus_3_ans, lieu_exercice, mam_nom, lieu_adresse, lieu_code_postal, lieu_commune, derogations)
    SELECT a.id, s.numero, s.statut, s.date_premiere_delivrance, s.date_debut_validite, s.date_fin_validite,
        s.capacite_totale, s.capacite_moins_3_ans, s.capacite_plus_3_ans, s.lieu_exercice, s.mam_nom, s.lieu_adresse, s.lieu_code_postal, s.lieu_commune, s.derogations
    FROM genesis_stage s JOIN assmats a ON a.login = s.login
    ON CONFLICT (numero) DO UPDATE SET
        assmat_id = EXCLUDED.assmat_id, statut = EXCLUDED.statut,
        date_premiere_delivrance = EXCLUDED.date_premiere_delivrance,
        date_debut_validite = EXCLUDED.date_debut_validite, date_fin_validite = EXCLUDED.date_fin_validite,
        capacite_totale = EXCLUDED.capacite_totale, capacite_moins_3_ans = EXCLUDED.capacite_moins_3_ans,
        capacite_plus_3_ans = EXCLUDED.capacite_plus_3_ans, lieu_exercice = EXCLUDED.lieu_exercice,
        mam_nom = EXCLUDED.mam_nom, lieu_adresse = EXCLUDED.lieu_adresse, lieu_code_postal = EXCLUDED.lieu_code_postal,
        lieu_commune = EXCLUDED.lieu_commune, derogations = EXCLUDED.derogations,
        imported_at = now()
    WHERE (g.assmat_id, g.statut, g.date_premiere_delivrance, g.date_debut_validite, g.date_fin_validite,
           g.capacite_totale, g.capacite_moins_3_ans, g.capacite_plus_3_ans, g.lieu_exercice, g.mam_nom,
           g.lieu_adresse, g.lieu_code_postal, g.lieu_commune, g.derogations)
          IS DISTINCT FROM
          (EXCLUDED.assmat_id, EXCLUDED.statut, EXCLUDED.date_premiere_delivrance, EXCLUDED.date_debut_validite, EXCLUDED.date_fin_validite,
           EXCLUDED.capacite_totale, EXCLUDED.capacite_moins_3_ans, EXCLUDED.capacite_plus_3_ans, EXCLUDED.lieu_exercice, EXCLUDED.mam_nom,
           EXCLUDED.lieu_adresse, EXCLUDED.lieu_code_postal, EXCLUDED.lieu_commune, EXCLUDED.derogations)
    RETURNING (xmax = 0) AS created
)
SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE NOT created) FROM up`

// The childminders and agréments the export no longer holds: kept, listed.
const sqlMissingAssmats = `
SELECT login FROM assmats a
WHERE NOT EXISTS (SELECT 1 FROM genesis_stage s WHERE s.login = a.login)
ORDER BY login`

const sqlMissingAgrements = `
SELECT numero FROM agrements g
WHERE NOT EXISTS (SELECT 1 FROM genesis_stage s WHERE s.numero = g.numero)
ORDER BY numero`

// sqlAuditCLI records an import run from the command line: no agent, so
// agent_id is NULL (audit.Record takes an agent's id).
const sqlAuditCLI = `INSERT INTO audit_log (agent_id, action, target, details) VALUES (NULL, $1, $2, $3)`
