package form

import "strings"

// LikeEscape makes a typed search safe inside a SQL LIKE pattern: LIKE's
// wildcards and its default escape character are escaped, so that "50%"
// looks for "50%", not for "50" followed by anything. Every search of the
// extranet (messages, the back office's childminders and recipients) uses it.
func LikeEscape(s string) string { return likeEscaper.Replace(s) }

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
