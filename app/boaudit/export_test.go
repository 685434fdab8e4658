package boaudit

import "time"

// Lines is the query the page runs for a view (for plan_test.go).
func (q Query) Lines(since, before *time.Time) linesQuery { return q.lines(since, before) }
