package credentials

import (
	"fmt"
	"time"
)

// LifetimeFR says a link's lifetime in French: "1 heure", "30 minutes".
func LifetimeFR(d time.Duration) string {
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		if d == time.Hour {
			return "1 heure"
		}
		return fmt.Sprintf("%d heures", d/time.Hour)
	default:
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
}
