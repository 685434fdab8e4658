-- name: ListChildrenPeriods :many
-- The list page in one query: every current child of the childminder and one
-- page of her history (children whose periods all ended before today), each
-- with its periods (one row per period); how many children the history holds;
-- the capacity of her valid agréments. "Current" is Current() in model.go.
WITH kids AS (
    SELECT c.id, c.nom, c.prenom,
           bool_or(p.end_date IS NULL OR p.end_date >= @today::date) AS is_current
    FROM children c
    JOIN care_periods p ON p.child_id = c.id
    WHERE c.assmat_id = @assmat_id
    GROUP BY c.id
), history_page AS (
    SELECT id FROM kids WHERE NOT is_current
    ORDER BY nom, prenom, id
    LIMIT sqlc.arg(history_size)::int OFFSET sqlc.arg(history_offset)::int
)
SELECT c.id, c.nom, c.prenom, c.date_naissance, c.declared_late,
       p.kind, p.start_date, p.end_date,
       (SELECT count(*) FROM kids WHERE NOT kids.is_current)::int AS history_total,
       (SELECT COALESCE(SUM(a.capacite_totale), 0)::int FROM agrements a
         WHERE a.assmat_id = @assmat_id
           AND (a.date_fin_validite IS NULL OR a.date_fin_validite >= @today::date))::int AS capacity
FROM kids k
JOIN children c ON c.id = k.id
JOIN care_periods p ON p.child_id = c.id
WHERE k.is_current OR k.id IN (SELECT id FROM history_page)
ORDER BY c.nom, c.prenom, c.id, p.position, p.id
LIMIT sqlc.arg(max_rows)::int;

-- name: GetChildWithPeriods :many
-- One child of the childminder with its periods (one row per period); no row
-- when the child is not hers.
SELECT c.id, c.nom, c.prenom, c.date_naissance,
       c.guardian1_civilite, c.guardian1_nom, c.guardian1_prenom, c.guardian1_email, c.guardian1_phone,
       c.guardian2_civilite, c.guardian2_nom, c.guardian2_prenom, c.guardian2_email, c.guardian2_phone,
       c.adresse, c.code_postal, c.commune,
       c.has_secondary_address, c.secondary_adresse, c.secondary_code_postal, c.secondary_commune,
       c.version, c.declared_at, c.declared_late,
       p.kind, p.start_date, p.end_date, p.hours_per_month, p.comment
FROM children c
JOIN care_periods p ON p.child_id = c.id
WHERE c.id = @id AND c.assmat_id = @assmat_id
ORDER BY p.position, p.id;

-- name: CreateChild :one
INSERT INTO children (assmat_id, nom, prenom, date_naissance,
    guardian1_civilite, guardian1_nom, guardian1_prenom, guardian1_email, guardian1_phone,
    guardian2_civilite, guardian2_nom, guardian2_prenom, guardian2_email, guardian2_phone,
    adresse, code_postal, commune,
    has_secondary_address, secondary_adresse, secondary_code_postal, secondary_commune,
    declared_at, declared_late, updated_at)
VALUES (@assmat_id, @nom, @prenom, @date_naissance,
    @guardian1_civilite, @guardian1_nom, @guardian1_prenom, @guardian1_email, @guardian1_phone,
    @guardian2_civilite, @guardian2_nom, @guardian2_prenom, @guardian2_email, @guardian2_phone,
    @adresse, @code_postal, @commune,
    @has_secondary_address, @secondary_adresse, @secondary_code_postal, @secondary_commune,
    @now, @declared_late, @now)
RETURNING id;

-- name: UpdateChild :execrows
-- Saves an edit only if nobody saved the child since it was loaded (version),
-- and only while the child is current (a child in the history is read-only).
UPDATE children c SET
    nom = @nom, prenom = @prenom, date_naissance = @date_naissance,
    guardian1_civilite = @guardian1_civilite, guardian1_nom = @guardian1_nom, guardian1_prenom = @guardian1_prenom,
    guardian1_email = @guardian1_email, guardian1_phone = @guardian1_phone,
    guardian2_civilite = @guardian2_civilite, guardian2_nom = @guardian2_nom, guardian2_prenom = @guardian2_prenom,
    guardian2_email = @guardian2_email, guardian2_phone = @guardian2_phone,
    adresse = @adresse, code_postal = @code_postal, commune = @commune,
    has_secondary_address = @has_secondary_address, secondary_adresse = @secondary_adresse,
    secondary_code_postal = @secondary_code_postal, secondary_commune = @secondary_commune,
    version = c.version + 1, updated_at = @now
WHERE c.id = @id AND c.assmat_id = @assmat_id AND c.version = @version
  AND EXISTS (SELECT 1 FROM care_periods p WHERE p.child_id = c.id AND (p.end_date IS NULL OR p.end_date >= @today::date));

-- name: DeleteCarePeriods :exec
DELETE FROM care_periods WHERE child_id = @child_id;

-- name: CreateCarePeriods :exec
-- All the periods of a child in one statement; empty strings stand for NULL.
INSERT INTO care_periods (child_id, kind, start_date, end_date, hours_per_month, comment, position)
-- The unnest calls of one select list advance together, row by row.
SELECT @child_id::bigint,
       unnest(@kinds::text[])::care_kind,
       unnest(@starts::text[])::date,
       NULLIF(unnest(@ends::text[]), '')::date,
       NULLIF(unnest(@hours::text[]), '')::int,
       unnest(@comments::text[]),
       unnest(@positions::int[]);

-- name: DeleteChild :execrows
-- Deletes a current child of the childminder (its periods go with it).
DELETE FROM children c
WHERE c.id = @id AND c.assmat_id = @assmat_id
  AND EXISTS (SELECT 1 FROM care_periods p WHERE p.child_id = c.id AND (p.end_date IS NULL OR p.end_date >= @today::date));
