package web

import (
	"errors"
	"log/slog"

	"github.com/gofiber/fiber/v2"

	"github.com/departement06/extranet-assmat/app/httpx"
	"github.com/departement06/extranet-assmat/components"
)

// errorHandler is the one place errors become answers: a French page (or
// fragment for htmx), never the internal error text. 5xx are logged with the
// request id, which the page shows so that support can find the log line.
func errorHandler(log *slog.Logger) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		code := fiber.StatusInternalServerError
		var fe *fiber.Error
		if errors.As(err, &fe) {
			code = fe.Code
		}
		rid, _ := c.Locals("requestid").(string)
		if code >= 500 {
			log.Error("request failed", "request_id", rid, "method", c.Method(), "path", c.Path(), "status", code, "err", err)
		}
		props := errorProps(code, rid)
		if rerr := httpx.Render(c, httpx.View{Title: props.Title, Page: components.ErrorPage(props),
			Fragment: components.ErrorFragment(props), Status: code}); rerr != nil {
			log.Error("error page failed", "request_id", rid, "err", rerr)
			c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
			return c.Status(fiber.StatusInternalServerError).SendString("Erreur technique. Veuillez réessayer.")
		}
		return nil
	}
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
