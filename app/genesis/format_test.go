package genesis

import (
	"strings"
	"testing"
	"time"
)

// validRecord is one good row, as the file holds it.
func validRecord() []string {
	return strings.Split("200001;Mme;Bérenger;Hélène;14/03/1978;Mariée;12 avenue Jean-Médecin;06000;Nice;helene@exemple.fr;AG-1;En cours;02/09/2015;02/09/2020;01/09/2030;4;4;2;domicile;;;;;", ";")
}

func TestParseRow(t *testing.T) {
	today := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		edit func(r []string)
		want []string // "column: message start"; empty = valid
	}{
		{"valid", func([]string) {}, nil},
		{"at home, her address is the place's", func(r []string) {
			r[colLieuAdresse], r[colLieuCodePostal], r[colLieuCommune] = "", "", ""
		}, nil},
		{"optional empty", func(r []string) {
			r[colCivilite], r[colEmail], r[colPremiereDelivrance], r[colSituation] = "", "", "", ""
		}, nil},
		{"spaces trimmed, case of lieu", func(r []string) { r[colNom] = "  Bérenger "; r[colLieu] = "Domicile" }, nil},
		{"required", func(r []string) { r[colIdentifiant], r[colNom], r[colPrenom], r[colNumero] = "", "", " ", "" },
			[]string{"identifiant: valeur obligatoire", "nom: valeur obligatoire", "prenom: valeur obligatoire", "numero_agrement: valeur obligatoire"}},
		{"bad dates", func(r []string) {
			r[colDateNaissance], r[colDebutValidite], r[colFinValidite] = "31/02/1980", "2020-09-02", "1/9/30"
		},
			[]string{"date_naissance: date invalide", "date_debut_validite: date invalide", "date_fin_validite: date invalide"}},
		{"one-digit day and month", func(r []string) { r[colDateNaissance] = "4/3/1978" }, nil},
		{"born in the future", func(r []string) { r[colDateNaissance] = "01/01/2030" }, []string{"date_naissance: la date de naissance est dans le futur"}},
		{"end before start", func(r []string) { r[colFinValidite] = "01/09/2019" }, []string{"date_fin_validite: la fin de validité précède"}},
		{"postcodes", func(r []string) { r[colCodePostal] = "6000"; r[colLieuCodePostal] = "O6000" },
			[]string{"code_postal: code postal invalide", "lieu_code_postal: code postal invalide"}},
		{"numbers", func(r []string) { r[colCapTotale], r[colCapMoins3], r[colCapPlus3] = "-1", "deux", "" },
			[]string{"capacite_totale: nombre entier attendu", "capacite_moins_3_ans: nombre entier attendu", "capacite_plus_3_ans: valeur obligatoire"}},
		{"band over total", func(r []string) { r[colCapTotale], r[colCapMoins3], r[colCapPlus3] = "3", "4", "3" },
			[]string{"capacite_moins_3_ans: dépasse la capacité totale"}},
		{"bands may overlap", func(r []string) { r[colCapTotale], r[colCapMoins3], r[colCapPlus3] = "4", "4", "4" }, nil},
		{"email", func(r []string) { r[colEmail] = "helene at exemple" }, []string{"email: adresse électronique invalide"}},
		{"lieu unknown", func(r []string) { r[colLieu] = "crèche" }, []string{"lieu_exercice: valeur attendue"}},
		{"lieu missing", func(r []string) { r[colLieu] = "" }, []string{"lieu_exercice: valeur obligatoire"}},
		{"mam needs its place", func(r []string) { r[colLieu] = "mam" },
			[]string{"mam_nom: valeur obligatoire", "lieu_adresse: valeur obligatoire", "lieu_code_postal: valeur obligatoire", "lieu_commune: valeur obligatoire"}},
		{"mam complete", func(r []string) {
			r[colLieu], r[colMamNom], r[colLieuAdresse], r[colLieuCodePostal], r[colLieuCommune] = "mam", "MAM Les Loups", "1 rue", "06500", "Menton"
		}, nil},
		{"mam name at home", func(r []string) { r[colMamNom] = "MAM" }, []string{"mam_nom: à remplir seulement"}},
		{"invisible character", func(r []string) { r[colNom] = "Bére\u200bnger" }, []string{"nom: ce champ contient des caractères non autorisés"}},
		{"control character", func(r []string) { r[colCommune] = "Ni\x07ce" }, []string{"commune: ce champ contient des caractères non autorisés"}},
		{"not UTF-8, said once", func(r []string) { r[colPrenom] = "H\xe9l\xe8ne"; r[colNom] = "B\xe9renger"; r[colCapTotale] = "x" },
			[]string{"nom: texte qui n'est pas en UTF-8"}},
		{"too long", func(r []string) { r[colNom] = strings.Repeat("é", 101) }, []string{"nom: ce champ est trop long"}},
		{"identifier characters", func(r []string) { r[colIdentifiant] = "2000 01"; r[colNumero] = strings.Repeat("A", 33) },
			[]string{"identifiant: identifiant invalide", "numero_agrement: identifiant invalide"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := validRecord()
			c.edit(rec)
			row, probs := parseRow(rec, 7, today)
			var got []string
			for _, p := range probs {
				got = append(got, Columns[p.col]+": "+p.msg)
			}
			if len(got) != len(c.want) {
				t.Fatalf("problems %q, want %q", got, c.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], c.want[i]) {
					t.Errorf("problem %d = %q, want it to start with %q", i, got[i], c.want[i])
				}
			}
			if len(c.want) == 0 && (row.Line != 7 || row.Nom != "Bérenger" || row.CapTotale < row.CapMoins3 || row.LieuCommune == "") {
				t.Errorf("row = %+v", row)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	var r Report
	r.Created.Assmats, r.Updated.Assmats, r.Unchanged.Assmats = 12, 3, 0
	r.Created.Agrements, r.Unchanged.Agrements = 1, 14
	r.Missing.Assmats = []string{"1", "2"}
	want := "assistants maternels : 12 créés, 3 modifiés, 0 inchangé ; agréments : 1 créé, 0 modifié, 14 inchangés ; absents de l'export : 2 assistants maternels et 0 agrément."
	if got := r.Summary(); got != want {
		t.Errorf("Summary() = %q\nwant %q", got, want)
	}
	r.Problems = []Problem{{Line: 3, Column: "nom", Message: "x"}}
	r.MoreProblems = 2
	if got := r.Summary(); got != "Fichier refusé : 3 erreurs, rien n'a été modifié." {
		t.Errorf("Summary() = %q", got)
	}
	if got := r.Problems[0].String(); got != "Ligne 3, colonne « nom » : x" {
		t.Errorf("String() = %q", got)
	}
}
