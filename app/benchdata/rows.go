package benchdata

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/departement06/extranet-assmat/app/paris"
)

// person is a childminder as the generator draws her: what her rows, her
// agrément's place and her personal messages' greeting need.
type person struct {
	Login, Civility, LastName, FirstName string
	Birth                                time.Time
	Marital, Street                      string
	Dep                                  string
	Town                                 commune
	Email                                *string
}

// assmat draws the i-th childminder.
func (p *plan) assmat(i int) person {
	r := rng(p.seed, kindAssmat, i)
	dep := pick(r, p.deps)
	a := person{Login: Login(i), Civility: "Madame", LastName: pick(r, lastNames), FirstName: pick(r, womenFirstNames),
		Marital: pick(r, maritalStatuses), Dep: dep.Number, Town: pickCommune(r, dep)}
	if chance(r, 3) {
		a.Civility, a.FirstName, a.Marital = "Monsieur", pick(r, menFirstNames), pick(r, menMaritalStatuses)
	}
	a.Birth = p.today.AddDate(-23-r.IntN(42), -r.IntN(12), -r.IntN(28))
	a.Street = street(r)
	if chance(r, 85) {
		e := fmt.Sprintf("%s.%s.%s@example.fr", ascii(a.FirstName), ascii(a.LastName), strings.ToLower(a.Login))
		a.Email = &e
	}
	return a
}

// pickCommune favours a département's first (largest) communes.
func pickCommune(r *rand.Rand, d departement) commune {
	n := len(d.Communes)
	if chance(r, 50) {
		return d.Communes[r.IntN(min(n, 4))]
	}
	return d.Communes[r.IntN(n)]
}

func street(r *rand.Rand) string {
	n := 1 + r.IntN(180)
	if chance(r, 8) {
		return fmt.Sprintf("%d bis %s %s", n, pick(r, streetKinds), pick(r, streetNames))
	}
	return fmt.Sprintf("%d %s %s", n, pick(r, streetKinds), pick(r, streetNames))
}

var asciiFold = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// ascii is a name as an email address's part: no accents, spaces or quotes.
func ascii(s string) string {
	out, _, err := transform.String(asciiFold, s)
	if err != nil {
		out = s
	}
	out = strings.NewReplacer(" ", "", "'", "", "-", "", "œ", "oe", "Œ", "oe").Replace(out)
	return strings.ToLower(out)
}

// agrement is one agrément's row.
type agrement struct {
	AssmatIndex                            int
	Numero, Status                         string
	First, Start, End                      time.Time
	Total, Under3, Over3                   int
	Place, MamName, Street, Postcode, Town string
	Derogations                            string
}

// agrement draws the k-th agrément: a childminder's current one for k <
// Assmats (childminder k), an older, expired one of another after.
func (p *plan) agrement(k int) agrement {
	r := rng(p.seed, kindAgrement, k)
	ai := k
	old := k >= p.scale.Assmats
	if old {
		ai = int(p.secondAgr[k-p.scale.Assmats])
	}
	a := p.assmat(ai)
	// The current agrément was first granted 0 to 24 years ago and is
	// renewed every 5 years: the present validity holds today (most), or
	// ended lately (a few, awaiting renewal).
	first := p.today.AddDate(-r.IntN(25), -r.IntN(12), -r.IntN(28))
	start := first
	for start.AddDate(5, 0, 0).Before(p.today) {
		start = start.AddDate(5, 0, 0)
	}
	if chance(r, 3) {
		start = start.AddDate(-5, 0, 0)
	}
	end := start.AddDate(5, 0, -1)
	g := agrement{AssmatIndex: ai, First: first, Start: start, End: end,
		Numero: fmt.Sprintf("AGR-%s-%d-%s", a.Dep, first.Year(), a.Login)}
	if old {
		// Her previous agrément, elsewhere in the département, before a move.
		g.End = first.AddDate(0, 0, -1-r.IntN(400))
		g.Start = g.End.AddDate(-5, 0, 1)
		g.First = g.Start
		g.Numero = fmt.Sprintf("AGR-%s-%d-%s-A", a.Dep, g.First.Year(), a.Login)
	}
	g.Status = "En cours de validité"
	if g.End.Before(p.today) {
		g.Status = "Expiré"
	}
	g.Total = 1 + r.IntN(4)
	if chance(r, 60) {
		g.Total = 4
	}
	g.Under3 = min(g.Total, 1+r.IntN(3))
	g.Over3 = g.Total - g.Under3
	g.Place, g.Street, g.Postcode, g.Town = "domicile", a.Street, a.Town.Postcode, a.Town.Name
	if chance(r, 7) {
		g.Place, g.MamName, g.Street = "mam", "MAM "+pick(r, mamNames), street(r)
	}
	if chance(r, 5) {
		g.Derogations = pick(r, derogationTexts) + ", accordé le " + g.Start.Format("02/01/2006")
	}
	return g
}

// child is one child and its periods, oldest first.
type child struct {
	AssmatIndex               int
	LastName, FirstName       string
	Birth                     time.Time
	G1First, G1Email, G1Phone string
	G2Civ, G2First, G2Last    string
	G2Email, G2Phone          string
	Street, Postcode, Town    string
	Secondary                 bool
	Street2, Postcode2, Town2 string
	DeclaredAt                time.Time
	DeclaredLate, Current     bool
	Periods                   []period
}

type period struct {
	Kind    string
	Start   time.Time
	End     *time.Time
	Hours   *int32
	Comment string
}

// child draws the c-th child. About 60 % are current (a period open or
// ending after today), the others in the history (every period ended).
func (p *plan) child(c int) child {
	r := rng(p.seed, kindChild, c)
	ai := int(p.childAssmat[c])
	a := p.assmat(ai)
	ch := child{AssmatIndex: ai, LastName: pick(r, lastNames), FirstName: pick(r, childFirstNames), Current: chance(r, 60)}
	ch.G1First = pick(r, womenFirstNames)
	ch.G1Email = fmt.Sprintf("%s.%s%d@example.com", ascii(ch.G1First), ascii(ch.LastName), c)
	ch.G1Phone = phone(r)
	if chance(r, 80) {
		ch.G2Civ, ch.G2First, ch.G2Last = "Monsieur", pick(r, menFirstNames), ch.LastName
		ch.G2Email = fmt.Sprintf("%s.%s%d@example.org", ascii(ch.G2First), ascii(ch.G2Last), c)
		ch.G2Phone = phone(r)
	}
	ch.Street, ch.Postcode, ch.Town = street(r), a.Town.Postcode, a.Town.Name
	if chance(r, 30) {
		t := pickCommune(r, p.departementOf(a))
		ch.Postcode, ch.Town = t.Postcode, t.Name
	}
	if chance(r, 10) {
		ch.Secondary, ch.Street2, ch.Postcode2, ch.Town2 = true, street(r), ch.Postcode, ch.Town
	}

	// Periods, built backwards from the last one.
	n := int(p.childPeriods[c])
	ps := make([]period, n)
	var end time.Time // of the period being built; zero: open
	if ch.Current {
		if chance(r, 30) {
			end = p.today.AddDate(0, 0, 1+r.IntN(365))
		}
	} else {
		end = p.today.AddDate(0, 0, -1-r.IntN(1500))
	}
	cursor := end
	if cursor.IsZero() || cursor.After(p.today) {
		cursor = p.today
	}
	for k := n - 1; k >= 0; k-- {
		kind := "standard"
		days := 30 + r.IntN(700)
		if k < n-1 {
			switch v := r.IntN(10); {
			case v < 4:
				kind, days = "derogation", 1+r.IntN(20)
			case v < 7:
				kind, days = "depassement", 1+r.IntN(30)
			default:
				days = 10 + r.IntN(300)
			}
		}
		pe := period{Kind: kind, Start: cursor.AddDate(0, 0, -days)}
		if k == n-1 && !end.IsZero() {
			e := end
			pe.End = &e
		} else if k < n-1 {
			e := cursor
			pe.End = &e
		}
		if kind == "depassement" {
			h := int32(5 + r.IntN(46))
			pe.Hours = &h
		}
		if chance(r, 10) {
			pe.Comment = pick(r, []string{"Accueil le mercredi uniquement", "Vacances scolaires", "Remplacement d'une collègue", "Horaires atypiques (tôt le matin)"})
		}
		ps[k] = pe
		cursor = pe.Start.AddDate(0, 0, -1-r.IntN(60))
	}
	ch.Periods = ps
	first := ps[0].Start
	ch.Birth = first.AddDate(0, -2-r.IntN(34), -r.IntN(28))
	late := 0
	if chance(r, 10) {
		late = 9 + r.IntN(30)
	} else {
		late = r.IntN(8)
	}
	declared := first.AddDate(0, 0, late)
	if declared.After(p.today) {
		declared = p.today
	}
	ch.DeclaredAt = time.Date(declared.Year(), declared.Month(), declared.Day(), 9+r.IntN(9), r.IntN(60), 0, 0, paris.Location)
	ch.DeclaredLate = declared.Sub(first) > 8*24*time.Hour
	return ch
}

func (p *plan) departementOf(a person) departement {
	for _, d := range p.deps {
		if d.Number == a.Dep {
			return d
		}
	}
	return p.deps[0]
}

func phone(r *rand.Rand) string {
	return fmt.Sprintf("0%d %02d %02d %02d %02d", 6+r.IntN(2), r.IntN(100), r.IntN(100), r.IntN(100), r.IntN(100))
}

// message is one message's text.
type message struct {
	Sender, Subject, Body string
	Recipient             int // -1: general
	CreatedAt             time.Time
}

// message draws the message at position pos of msgs.
func (p *plan) message(pos int) message {
	m := p.msgs[pos]
	kind := kindMessage
	src := int(m.src)
	if m.recipient >= 0 {
		src += p.scale.General // personal messages draw after the general ones
	}
	r := rng(p.seed, kind, src)
	out := message{Recipient: int(m.recipient), CreatedAt: p.msgTime(m), Sender: pick(r, services)}
	var b strings.Builder
	var t topic
	if m.recipient < 0 {
		t = pick(r, generalTopics)
		out.Subject = t.Subject
		if chance(r, 50) {
			out.Subject += " (" + frenchMonths[out.CreatedAt.Month()-1] + " " + fmt.Sprint(out.CreatedAt.Year()) + ")"
		}
		b.WriteString("Bonjour,\n\n")
	} else {
		a := p.assmat(int(m.recipient))
		t = pick(r, personalTopics)
		out.Subject = t.Subject
		fmt.Fprintf(&b, "Bonjour %s %s,\n\n", a.Civility, a.LastName)
	}
	b.WriteString(t.Text)
	for k := r.IntN(3); k > 0; k-- {
		b.WriteString(" ")
		b.WriteString(pick(r, sentences))
	}
	if chance(r, 20) {
		b.WriteString("\n\nEn savoir plus : https://www.departement06.fr/petite-enfance")
	}
	b.WriteString("\n\nCordialement,\n" + out.Sender)
	out.Body = b.String()
	return out
}

var frenchMonths = []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
