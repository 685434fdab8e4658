package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/departement06/extranet-assmat/app/backoffice"
	"github.com/departement06/extranet-assmat/app/credentials"
	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/app/session"
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// retryAfter is the Retry-After of a 503, in seconds: long enough for a
// restarting PostgreSQL, short enough for a person about to press F5.
const retryAfter = "5"

// errorHandler is the one place errors become answers: a French page (or
// fragment for htmx), never the internal error text. 5xx are logged with the
// request id, which the page shows so that support can find the log line.
// A database that cannot be reached is a 503 with Retry-After, like any other
// 503 (the password hashing is saturated): the visitor may simply try again.
func errorHandler(log *slog.Logger) fiber.ErrorHandler {
	return errorHandlerWith(log, &sampled{every: time.Second, now: time.Now})
}

// errorHandlerWith is errorHandler with the sampling of a lost database's
// log lines given (the tests' clock).
func errorHandlerWith(log *slog.Logger, lost *sampled) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		code := fiber.StatusInternalServerError
		var fe *fiber.Error
		overloaded := errors.Is(err, credentials.ErrBusy)
		switch {
		case errors.As(err, &fe):
			code = fe.Code
			overloaded = code == fiber.StatusServiceUnavailable
		case overloaded, databaseUnavailable(err):
			code = fiber.StatusServiceUnavailable
		}
		rid, _ := c.Locals("requestid").(string)
		switch {
		case fe == nil && databaseUnavailable(err):
			// Every request fails alike while PostgreSQL is away (an outage
			// of 2 s under load wrote 18,000 lines): one line a second, with
			// how many it stands for. A warning: the app recovers by itself.
			if n := lost.take(); n > 0 {
				log.Warn("database unavailable", "request_id", rid, "method", c.Method(), "path", logPath(c.Path()),
					"status", code, "requests", n, "err", err)
			}
		case overloaded:
			// Refused on purpose (overload): worth watching, not an error of ours.
			log.Warn("request refused: overloaded", "request_id", rid, "method", c.Method(), "path", logPath(c.Path()), "status", code)
		case code >= 500:
			log.Error("request failed", "request_id", rid, "method", c.Method(), "path", logPath(c.Path()), "status", code, "err", err)
		}
		if code == fiber.StatusServiceUnavailable {
			c.Set(fiber.HeaderRetryAfter, retryAfter)
		}
		if code >= 500 && httpx.IsHTMX(c) {
			// Into the page's alert region, not the request's target: a form
			// keeps what was typed, and the visitor may send it again.
			c.Set("HX-Retarget", "#"+components.RequestAlertID)
			c.Set("HX-Reswap", "innerHTML")
		}
		props := errorProps(code, rid)
		// An agent's error page keeps the back office's layout and menu,
		// except on a childminder's own pages when the browser holds both
		// sessions: her 404 must look like any other.
		render := httpx.Render
		if backoffice.CurrentAgent(c) != nil && (session.CurrentUser(c) == nil || components.InSection(c.Path(), paths.BackOffice)) {
			render = backoffice.Render
		}
		if rerr := render(c, httpx.View{Title: props.Title, Page: components.ErrorPage(props),
			Fragment: components.ErrorFragment(props), Status: code}); rerr != nil {
			log.Error("error page failed", "request_id", rid, "err", rerr)
			c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
			return c.Status(fiber.StatusInternalServerError).SendString("Erreur technique. Veuillez réessayer.")
		}
		return nil
	}
}

// sampled lets one event through per period, and counts the others.
type sampled struct {
	every   time.Duration
	now     func() time.Time
	mu      sync.Mutex
	last    time.Time
	skipped int
}

// take is 0 while the period since the last event let through runs, else
// the number of events that one stands for (itself and those held back).
func (s *sampled) take() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if !s.last.IsZero() && now.Sub(s.last) < s.every {
		s.skipped++
		return 0
	}
	n := s.skipped + 1
	s.last, s.skipped = now, 0
	return n
}

// databaseUnavailable is true for the errors that mean PostgreSQL cannot be
// reached or refuses work for the moment (stopped, restarting, shutting down,
// out of connections, too slow for the request's deadline): not a bug, and
// retrying shortly is the right advice.
func databaseUnavailable(err error) bool {
	var connectErr *pgconn.ConnectError
	if errors.As(err, &connectErr) {
		return true // no connection could be opened: refused, unknown host, not accepting connections…
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case strings.HasPrefix(pgErr.Code, "08"): // connection exception
			return true
		case pgErr.Code == "57P01", // admin_shutdown: the server is stopping, or the connection was terminated
			pgErr.Code == "57P02", // crash_shutdown
			pgErr.Code == "57P03", // cannot_connect_now: starting up or in recovery
			pgErr.Code == "53300", // too_many_connections
			pgErr.Code == "57014": // query_canceled: statement timeout
			return true
		}
		return false
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded), pgconn.Timeout(err):
		return true // no connection (or no answer) before the request's deadline
	case errors.Is(err, pgconn.ErrConnClosed), errors.Is(err, net.ErrClosed),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true // the connection died under the query
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return true
	}
	// pgxpool hands back its pool library's error as is once the pool is
	// closed (the app is stopping); that library is not imported here.
	return strings.Contains(err.Error(), "closed pool")
}

func errorProps(code int, requestID string) components.ErrorProps {
	switch code {
	case fiber.StatusBadRequest:
		return components.ErrorProps{Title: "Demande invalide", Message: "La demande n'a pas pu être comprise. Veuillez recharger la page et réessayer."}
	case fiber.StatusForbidden:
		return components.ErrorProps{Title: "Action refusée", Message: "Cette action n'a pas pu être vérifiée : la page a peut-être expiré. Rechargez la page, puis réessayez."}
	case fiber.StatusNotFound, fiber.StatusMethodNotAllowed:
		return components.ErrorProps{Title: "Page introuvable", Message: "La page demandée n'existe pas ou ne vous est pas accessible."}
	case fiber.StatusRequestEntityTooLarge:
		return components.ErrorProps{Title: "Envoi trop volumineux", Message: "Les informations envoyées dépassent la taille autorisée. Veuillez les raccourcir."}
	case fiber.StatusTooManyRequests:
		return components.ErrorProps{Title: "Trop de demandes", Message: "Trop de demandes ont été faites en peu de temps. Veuillez patienter quelques minutes."}
	case fiber.StatusServiceUnavailable:
		return components.ErrorProps{Title: "Service momentanément indisponible", Message: "Service momentanément surchargé, réessayez dans un instant."}
	}
	if code < 500 {
		return components.ErrorProps{Title: "Demande refusée", Message: "La demande n'a pas pu être traitée. Veuillez réessayer."}
	}
	msg := "Une erreur technique est survenue. Veuillez réessayer dans quelques instants."
	if requestID != "" {
		msg += " Si le problème persiste, contactez le service en indiquant la référence " + requestID + "."
	}
	return components.ErrorProps{Title: "Erreur technique", Message: msg}
}
