package cli

import "github.com/duban/duban/internal/server"

// newPages returns the web pages for the server.
func newPages(app *App) server.Mounter {
	return nil
}
