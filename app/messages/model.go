package messages

import "time"

// Summary is one message of a list.
type Summary struct {
	ID        int64
	CreatedAt time.Time
	Sender    string
	Subject   string
	Personal  bool
	Read      bool
}

// List is one page of a view, and how many messages the whole view holds.
type List struct {
	Query ListQuery
	Rows  []Summary
	Total int
}

// Pages is the number of pages of the view (at least 1).
func (l List) Pages() int { return max(1, (l.Total+PageSize-1)/PageSize) }

// Message is one message as its page shows it.
type Message struct {
	ID        int64
	CreatedAt time.Time
	Sender    string
	Subject   string
	Body      string
	Personal  bool
	Archived  bool
}
