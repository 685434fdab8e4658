package form

import (
	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/components"
)

// Spec is one input of a form, defined once: each form keeps a table of its
// Specs, and the same entry names the posted value (Read), checks it (Check),
// words its messages and builds the input the template shows (Field). A
// field's id, label, limit and message can then never drift apart.
type Spec struct {
	// Name is what the form posts; ID is the input's id (Name when empty),
	// the key of its error and the target of the summary's link.
	Name, ID string
	// Label is the visible label, as the département's documentation writes
	// it. LabelMore is said after it, to screen readers and in messages, when
	// the visible label relies on its surroundings: "Code postal" + " de
	// l'adresse principale".
	Label, LabelMore string
	// Chars says which characters the value may hold (Text by default).
	Chars Kind
	// Type is the input's type: text when empty, email, tel, password.
	Type         string
	Required     bool
	Max          int // characters; 0: no limit
	Autocomplete string
	InputMode    string
	Placeholder  string
	Hint         string
	// Missing is the message of a required field left empty; by default
	// "“label” est un champ requis." (the wording of the first version).
	Missing string
}

// InputID is the input's id.
func (s Spec) InputID() string {
	if s.ID != "" {
		return s.ID
	}
	return s.Name
}

// Said is the field's full name, as messages and screen readers say it.
func (s Spec) Said() string { return s.Label + s.LabelMore }

// MissingMessage is the error of the field left empty.
func (s Spec) MissingMessage() string {
	if s.Missing != "" {
		return s.Missing
	}
	return Required(s.Said())
}

// Required is the message of a required field left empty.
func Required(label string) string { return "\"" + label + "\" est un champ requis." }

// Read is the posted value: trimmed and normalised (see Value), or as typed
// for a Secret.
func (s Spec) Read(c *fiber.Ctx) string {
	if s.Chars == Secret {
		return Raw(c, s.Name)
	}
	return Value(c, s.Name)
}

// Check is the field's first error ("" when fine): missing when required,
// then the characters and the length (see Check). Rules of its own (a date,
// a postcode) come after, in the form's validation.
func (s Spec) Check(value string) string {
	if value == "" {
		if s.Required {
			return s.MissingMessage()
		}
		return ""
	}
	return Check(value, s.Chars, s.Max)
}

// Field is the input as the template shows it, with its value and error.
func (s Spec) Field(value, err string) components.Field {
	return components.Field{
		ID: s.InputID(), Name: s.Name, Label: s.Label, LabelMore: s.LabelMore, Type: s.Type, Value: value,
		Autocomplete: s.Autocomplete, MaxLength: s.Max, Required: s.Required, InputMode: s.InputMode,
		Placeholder: s.Placeholder, Hint: s.Hint, Error: err,
	}
}

// AsDate makes the field a date typed as jj/mm/aaaa: a numeric keyboard,
// ten characters, and the format said in a hint tied to the input, not only
// in the placeholder, which disappears as soon as one types.
func (s Spec) AsDate(example string) Spec {
	s.InputMode, s.Placeholder, s.Max = "numeric", "jj/mm/aaaa", 10
	s.Hint = "Au format jj/mm/aaaa, par exemple " + example + "."
	return s
}

// CheckCredentials is the first check of a sign-in form (an identifier and a
// password): each missing one gets its message, tied to its input; a value
// that can match no account (over-long, a refused character) gets the one
// generic message, which does not say which was wrong, and must not reach
// the database. No error: the pair may be checked against the accounts.
func CheckCredentials(id, secret Spec, idValue, secretValue, generic string) components.Errors {
	var errs components.Errors
	for _, in := range []struct {
		spec  Spec
		value string
	}{{id, idValue}, {secret, secretValue}} {
		if in.value == "" {
			errs.Add(in.spec.InputID(), in.spec.MissingMessage())
		}
	}
	if errs != nil {
		return errs
	}
	if id.Check(idValue) != "" || secret.Check(secretValue) != "" {
		return components.FormErrors(generic)
	}
	return nil
}
