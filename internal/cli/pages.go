package cli

import (
	"net/http"

	"github.com/duban/duban/internal/server"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/webdeps"
)

// newPages builds the web pages over the application's services.
func newPages(app *App) (server.Mounter, error) {
	d := &webdeps.Deps{Store: app.Store, Signin: app.Signin, Policy: app.Signin.Policy, Ledger: app.Ledger, Files: app.Files, Calendar: app.Calendar}
	h, err := web.New(d.Web())
	if err != nil {
		return nil, err
	}
	return rootMount{h}, nil
}

// rootMount serves the pages at the root; the API's and the health
// checks' more specific patterns take precedence over it.
type rootMount struct{ h http.Handler }

func (m rootMount) Routes(mux *http.ServeMux) { mux.Handle("/", m.h) }
