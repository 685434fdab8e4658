-- name: CreateAgrement :one
INSERT INTO agrements (assmat_id, numero, statut, date_premiere_delivrance, date_debut_validite,
                       date_fin_validite, capacite_totale, capacite_moins_3_ans, capacite_plus_3_ans,
                       lieu_exercice, mam_nom, lieu_adresse, lieu_code_postal, lieu_commune, derogations)
VALUES (@assmat_id, @numero, @statut, @date_premiere_delivrance, @date_debut_validite,
        @date_fin_validite, @capacite_totale, @capacite_moins_3_ans, @capacite_plus_3_ans,
        @lieu_exercice, @mam_nom, @lieu_adresse, @lieu_code_postal, @lieu_commune, @derogations)
RETURNING id;

-- name: ListAgrements :many
-- Every agrément of the childminder, the one valid longest first (an
-- agrément without an end date, as imported, comes first), then by number.
SELECT numero, statut, date_premiere_delivrance, date_debut_validite, date_fin_validite,
       capacite_totale, capacite_moins_3_ans, capacite_plus_3_ans,
       lieu_exercice, mam_nom, lieu_adresse, lieu_code_postal, lieu_commune, derogations
FROM agrements
WHERE assmat_id = @assmat_id
ORDER BY date_fin_validite DESC NULLS FIRST, numero;
