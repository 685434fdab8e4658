-- name: CreateAgrement :one
INSERT INTO agrements (assmat_id, numero, statut, date_premiere_delivrance, date_debut_validite,
                       date_fin_validite, capacite_totale, capacite_moins_3_ans, capacite_plus_3_ans,
                       lieu_exercice, mam_nom, lieu_adresse, lieu_code_postal, lieu_commune, derogations)
VALUES (@assmat_id, @numero, @statut, @date_premiere_delivrance, @date_debut_validite,
        @date_fin_validite, @capacite_totale, @capacite_moins_3_ans, @capacite_plus_3_ans,
        @lieu_exercice, @mam_nom, @lieu_adresse, @lieu_code_postal, @lieu_commune, @derogations)
RETURNING id;
