package components

// FieldError is one validation message, tied to the input whose id is Field
// ("" for a message about the whole form).
type FieldError struct {
	Field   string
	Message string
	// Context names, in the summary only, which of several alike groups the
	// field belongs to ("Période 2"): the message under the field needs none.
	Context string
}

// Summary is the line of the "ERREUR :" summary: the message, after its context if any.
func (fe FieldError) Summary() string {
	if fe.Context == "" {
		return fe.Message
	}
	return fe.Context + " : " + fe.Message
}

// Errors are the messages of a submitted form, in the order of the form.
type Errors []FieldError

// Add appends a message (nothing when message is empty).
func (e *Errors) Add(field, message string) {
	if message != "" {
		*e = append(*e, FieldError{Field: field, Message: message})
	}
}

// AddIn appends a message of a field that belongs to one of several alike
// groups, named by context in the summary (nothing when message is empty).
func (e *Errors) AddIn(field, context, message string) {
	if message != "" {
		*e = append(*e, FieldError{Field: field, Message: message, Context: context})
	}
}

// For is the message of one field ("" when it is valid).
func (e Errors) For(field string) string {
	msg := ""
	for _, fe := range e {
		if fe.Field == field {
			if msg != "" {
				msg += " "
			}
			msg += fe.Message
		}
	}
	return msg
}

// FormErrors is a form-level message list (no field).
func FormErrors(messages ...string) Errors {
	var e Errors
	for _, m := range messages {
		e.Add("", m)
	}
	return e
}
