package boexport_test

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/departement06/extranet-assmat/app/apptest"
	"github.com/departement06/extranet-assmat/app/demo"
	"github.com/departement06/extranet-assmat/app/paris"
	"github.com/departement06/extranet-assmat/app/pgdev/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// agent is a signed-in agent's client.
func agent(t *testing.T, env *apptest.Env) *apptest.Client {
	t.Helper()
	c := env.Client()
	c.Get("/back-office/connexion")
	res := c.Submit("/back-office/connexion", apptest.Values("email", demo.AgentLogin.Identifiant, "mot_de_passe", demo.AgentLogin.Password))
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("agent sign-in: %d", res.StatusCode)
	}
	return c
}

// exec runs a statement of the test's data.
func exec(t *testing.T, env *apptest.Env, sql string, args ...any) {
	t.Helper()
	if _, err := env.Pool.Exec(context.Background(), sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// fixture adds two childminders of their own communes: in
// Saint-Étienne-de-Tinée, 900001 with a current child (a guardian whose
// name and email are formulas, a phone with a plus sign, two periods) and a
// child of her history (last period ended yesterday); in Èze, 900002 with a
// current child. It returns Paris today.
func fixture(t *testing.T, env *apptest.Env) time.Time {
	t.Helper()
	today := paris.Today(env.Clock.Now())
	exec(t, env, `INSERT INTO assmats (login, civilite, nom, prenom, date_naissance, adresse, code_postal, commune)
		VALUES ('900001', 'Madame', 'LÉGER', 'Hélène', '1980-05-02', '1 place de l''Église', '06660', 'Saint-Étienne-de-Tinée'),
		       ('900002', 'Madame', 'COLLE', 'Anaïs', '1985-01-20', '3 route de la Moyenne Corniche', '06360', 'Èze')`)
	exec(t, env, `INSERT INTO children (assmat_id, nom, prenom, date_naissance,
			guardian1_civilite, guardian1_nom, guardian1_prenom, guardian1_email, guardian1_phone,
			guardian2_civilite, guardian2_nom, guardian2_prenom,
			adresse, code_postal, commune, has_secondary_address, secondary_adresse, secondary_code_postal, secondary_commune,
			declared_at, declared_late)
		SELECT id, 'FRANÇOIS', 'Éloïse', '2025-03-14',
			'Madame', '=HYPERLINK("http://exemple.test";"clic")', 'Zoé', '@SUM(A1)', '+33 6 12 34 56 78',
			'Monsieur', 'FRANÇOIS', 'Noël',
			'12 rue de l''Écluse; bâtiment B', '06660', 'Saint-Étienne-de-Tinée', true, '-2 chemin des Prés', '06660', 'Isola',
			'2026-09-03 10:00:00+02', true
		FROM assmats WHERE login = '900001'`)
	exec(t, env, `INSERT INTO children (assmat_id, nom, prenom, date_naissance, adresse, code_postal, commune)
		SELECT id, 'ANCIEN', 'Gaspard', '2022-01-01', '1 rue Haute', '06660', 'Saint-Étienne-de-Tinée' FROM assmats WHERE login = '900001'`)
	exec(t, env, `INSERT INTO children (assmat_id, nom, prenom, date_naissance, adresse, code_postal, commune)
		SELECT id, 'VOISIN', 'Côme', '2024-06-01', '5 rue du Château', '06360', 'Èze' FROM assmats WHERE login = '900002'`)
	exec(t, env, `INSERT INTO care_periods (child_id, kind, start_date, end_date, hours_per_month, comment, position)
		SELECT id, 'standard'::care_kind, '2026-09-01', NULL, 120, 'mercredis', 0 FROM children WHERE prenom = 'Éloïse'
		UNION ALL SELECT id, 'depassement', $1::date - 10, $1::date, NULL, '', 1 FROM children WHERE prenom = 'Éloïse'
		UNION ALL SELECT id, 'standard', '2023-01-01', $1::date - 1, 80, '', 0 FROM children WHERE prenom = 'Gaspard'
		UNION ALL SELECT id, 'standard', $1::date, NULL, NULL, '', 0 FROM children WHERE prenom = 'Côme'`, today)
	return today
}
