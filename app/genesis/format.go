// Package genesis imports the childminders and their agréments exported by
// the département's business application (Genesis Agréments): a `;` CSV, one
// row per agrément, validated in full before anything is written, applied all
// or nothing and idempotently (see README "Genesis import").
//
// It is used by the command line (go run ./app import) and by the back
// office's upload page; it imports no feature package.
package genesis

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/departement06/extranet-assmat/app/form"
)

// Columns are the header's column names, in the file's order.
var Columns = []string{
	"identifiant", "civilite", "nom", "prenom", "date_naissance", "situation_familiale",
	"adresse", "code_postal", "commune", "email",
	"numero_agrement", "statut", "date_premiere_delivrance", "date_debut_validite", "date_fin_validite",
	"capacite_totale", "capacite_moins_3_ans", "capacite_plus_3_ans",
	"lieu_exercice", "mam_nom", "lieu_adresse", "lieu_code_postal", "lieu_commune", "derogations",
}

// Column indexes, in the order of Columns.
const (
	colIdentifiant = iota
	colCivilite
	colNom
	colPrenom
	colDateNaissance
	colSituation
	colAdresse
	colCodePostal
	colCommune
	colEmail
	colNumero
	colStatut
	colPremiereDelivrance
	colDebutValidite
	colFinValidite
	colCapTotale
	colCapMoins3
	colCapPlus3
	colLieu
	colMamNom
	colLieuAdresse
	colLieuCodePostal
	colLieuCommune
	colDerogations
	nColumns
)

// Row is one valid row of the file: a childminder's identity and one of her
// agréments. Optional dates are the zero time when empty.
type Row struct {
	Line                                           int
	Identifiant, Civilite, Nom, Prenom             string
	DateNaissance                                  time.Time
	Situation, Adresse, CodePostal, Commune        string
	Email                                          string
	Numero, Statut                                 string
	PremiereDelivrance, DebutValidite, FinValidite time.Time
	CapTotale, CapMoins3, CapPlus3                 int32
	Lieu, MamNom, LieuAdresse, LieuCodePostal      string
	LieuCommune, Derogations                       string
}

// Maximum lengths of the text columns, in characters.
const (
	maxIdentifiant = 32 // assmats.login's CHECK
	maxName        = 100
	maxAddress     = 200
	maxShort       = 50
	maxDerogations = 1000
	maxCapacity    = 20
)

// The French messages of the row checks.
const (
	msgRequired   = "valeur obligatoire manquante."
	msgDate       = "date invalide : attendu jj/mm/aaaa (par exemple 05/03/2021)."
	msgPostcode   = "code postal invalide : attendu 5 chiffres (par exemple 06000)."
	msgEmail      = "adresse électronique invalide."
	msgNumber     = "nombre entier attendu, entre 0 et 20."
	msgLieu       = "valeur attendue : « domicile » ou « mam »."
	msgMamOnly    = "à remplir seulement pour un lieu d'exercice « mam »."
	msgFuture     = "la date de naissance est dans le futur."
	msgEndBefore  = "la fin de validité précède le début de validité."
	msgCapOver    = "dépasse la capacité totale."
	msgEncoding   = "texte qui n'est pas en UTF-8 : enregistrez le fichier au format « CSV UTF-8 » et importez-le de nouveau."
	msgIdentifier = "identifiant invalide : lettres sans accent, chiffres, « - », « . », « / » ou « _ », 32 caractères au maximum."
)

// rowProblem is one problem of a row, before its line is known.
type rowProblem struct {
	col int
	msg string
}

// parseRow checks one record (exactly nColumns fields) and returns the row,
// or every problem it has. today bounds the date of birth.
func parseRow(rec []string, line int, today time.Time) (Row, []rowProblem) {
	var probs []rowProblem
	bad := func(col int, msg string) { probs = append(probs, rowProblem{col, msg}) }
	// A file saved in Windows-1252 (a spreadsheet's plain "CSV") is not
	// UTF-8: say so once per row rather than "caractères non autorisés" on
	// every accented field.
	for col, v := range rec {
		if !utf8.ValidString(v) {
			bad(col, msgEncoding)
			return Row{Line: line}, probs
		}
	}
	f := func(col int) string { return strings.TrimSpace(form.Normalize(rec[col])) }
	text := func(col int, kind form.Kind, max int, required bool) string {
		v := f(col)
		if v == "" {
			if required {
				bad(col, msgRequired)
			}
			return ""
		}
		if msg := form.Check(v, kind, max); msg != "" {
			bad(col, strings.ToLower(msg[:1])+msg[1:])
		}
		return v
	}
	date := func(col int, required bool) time.Time {
		v := f(col)
		if v == "" {
			if required {
				bad(col, msgRequired)
			}
			return time.Time{}
		}
		t, ok := parseFrenchDate(v)
		if !ok {
			bad(col, msgDate)
		}
		return t
	}
	postcode := func(col int, required bool) string {
		v := f(col)
		if v == "" {
			if required {
				bad(col, msgRequired)
			}
			return ""
		}
		if !isPostcode(v) {
			bad(col, msgPostcode)
		}
		return v
	}
	number := func(col int) int32 {
		v := f(col)
		if v == "" {
			bad(col, msgRequired)
			return 0
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > maxCapacity {
			bad(col, msgNumber)
			return 0
		}
		return int32(n)
	}

	r := Row{Line: line}
	r.Identifiant = f(colIdentifiant)
	switch {
	case r.Identifiant == "":
		bad(colIdentifiant, msgRequired)
	case !isIdentifier(r.Identifiant):
		bad(colIdentifiant, msgIdentifier)
	}
	r.Civilite = text(colCivilite, form.Name, 20, false)
	r.Nom = text(colNom, form.Name, maxName, true)
	r.Prenom = text(colPrenom, form.Name, maxName, true)
	r.DateNaissance = date(colDateNaissance, true)
	if !r.DateNaissance.IsZero() && r.DateNaissance.After(today) {
		bad(colDateNaissance, msgFuture)
	}
	r.Situation = text(colSituation, form.Name, maxShort, false)
	r.Adresse = text(colAdresse, form.Name, maxAddress, true)
	r.CodePostal = postcode(colCodePostal, true)
	r.Commune = text(colCommune, form.Name, maxName, true)
	if r.Email = f(colEmail); r.Email != "" && !form.ValidEmail(r.Email) {
		bad(colEmail, msgEmail)
	}
	r.Numero = f(colNumero)
	switch {
	case r.Numero == "":
		bad(colNumero, msgRequired)
	case !isIdentifier(r.Numero):
		bad(colNumero, msgIdentifier)
	}
	r.Statut = text(colStatut, form.Name, maxShort, true)
	r.PremiereDelivrance = date(colPremiereDelivrance, false)
	r.DebutValidite = date(colDebutValidite, true)
	r.FinValidite = date(colFinValidite, true)
	if !r.DebutValidite.IsZero() && !r.FinValidite.IsZero() && r.FinValidite.Before(r.DebutValidite) {
		bad(colFinValidite, msgEndBefore)
	}
	r.CapTotale = number(colCapTotale)
	r.CapMoins3 = number(colCapMoins3)
	r.CapPlus3 = number(colCapPlus3)
	// Each age band is a part of the total (the agrément reads "4 enfants
	// dont 3 de moins de 3 ans"); the two bands may overlap, so only each
	// one is bounded by the total, not their sum.
	if r.CapMoins3 > r.CapTotale {
		bad(colCapMoins3, msgCapOver)
	}
	if r.CapPlus3 > r.CapTotale {
		bad(colCapPlus3, msgCapOver)
	}
	r.Lieu = strings.ToLower(f(colLieu))
	r.MamNom = text(colMamNom, form.Name, maxName, false)
	r.LieuAdresse = text(colLieuAdresse, form.Name, maxAddress, false)
	r.LieuCodePostal = postcode(colLieuCodePostal, false)
	r.LieuCommune = text(colLieuCommune, form.Name, maxName, false)
	switch r.Lieu {
	case "mam":
		// A MAM is elsewhere than her home: its name and address are needed.
		for _, c := range []struct {
			col int
			v   string
		}{{colMamNom, r.MamNom}, {colLieuAdresse, r.LieuAdresse}, {colLieuCodePostal, r.LieuCodePostal}, {colLieuCommune, r.LieuCommune}} {
			if f(c.col) == "" {
				bad(c.col, msgRequired)
			}
		}
	case "domicile":
		if f(colMamNom) != "" {
			bad(colMamNom, msgMamOnly)
		}
		// At home, the place is her address: "Mon agrément" shows it
		// rather than "Non renseignée" when Genesis leaves it empty.
		if r.LieuAdresse == "" && r.LieuCodePostal == "" && r.LieuCommune == "" {
			r.LieuAdresse, r.LieuCodePostal, r.LieuCommune = r.Adresse, r.CodePostal, r.Commune
		}
	case "":
		bad(colLieu, msgRequired)
	default:
		bad(colLieu, msgLieu)
	}
	r.Derogations = text(colDerogations, form.Text, maxDerogations, false)
	return r, probs
}

// parseFrenchDate reads jj/mm/aaaa (one-digit day and month tolerated) and
// refuses impossible dates such as 31/02/2024.
func parseFrenchDate(s string) (time.Time, bool) {
	if strings.Count(s, "/") != 2 || len(s) > 10 {
		return time.Time{}, false
	}
	return form.ParseDate(s)
}

func isPostcode(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isIdentifier is true for a childminder's identifier or an agrément number:
// ASCII letters, digits, '-', '.', '/', at most 32 characters.
func isIdentifier(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > maxIdentifiant {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '.' || c == '/' || c == '_') {
			return false
		}
	}
	return true
}
