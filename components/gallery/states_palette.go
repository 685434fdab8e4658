package gallery

import (
	"github.com/departement06/extranet-assmat/components"
	"github.com/departement06/extranet-assmat/components/paths"
)

// paletteStates: the design tokens' colours and the contrast of each pair,
// read from app.css and measured by the code the contrast test runs
// (components.LoadPalette), each time the page is drawn.
func paletteStates() []State {
	return []State{
		{Group: GroupPalette, Component: "PalettePage", Name: "couleurs-et-contrastes", Title: "Jetons de couleur et contrastes des paires",
			Render: components.PalettePage(components.LoadPalette()), Path: paths.Dashboard},
	}
}
