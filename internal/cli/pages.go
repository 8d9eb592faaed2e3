package cli

import (
	"fmt"
	"net/http"
	"os"

	"github.com/duban/duban/internal/basepath"
	"github.com/duban/duban/internal/notice"
	"github.com/duban/duban/internal/server"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/webdeps"
)

// newPages builds the web pages over the application's services.
func newPages(app *App) (server.Mounter, error) {
	tmpl, err := noticeTemplate(app.Config.NoticeTemplate, app.Config.NoticeLetterhead)
	if err != nil {
		return nil, err
	}
	d := &webdeps.Deps{Services: app.Services,
		NoticeTemplate: tmpl, NoticeIssuer: app.Config.NoticeIssuer}
	wd := d.Web()
	wd.BasePath = basepath.FromURL(app.Config.BaseURL)
	if c := sharedCounts(app.Store); c != nil {
		wd.RateCounts = c
	}
	h, err := web.New(wd)
	if err != nil {
		return nil, err
	}
	return rootMount{h}, nil
}

// rootMount serves the pages at the root; the API's and the health
// checks' more specific patterns take precedence over it.
type rootMount struct{ h *web.Handler }

func (m rootMount) Routes(mux *http.ServeMux) { mux.Handle("/", m.h) }

// noticeTemplate reads the office's 督办通知书 template, or for an empty
// path the built-in one (with a 红头 where letterhead, the 发文机关标志,
// is set), and tries it once: a broken template is found at start, not
// when a unit downloads its notice.
func noticeTemplate(path, letterhead string) ([]byte, error) {
	if path == "" {
		tmpl := notice.Template(letterhead)
		if _, err := notice.Render(tmpl, notice.Fields{}); err != nil {
			return nil, fmt.Errorf("notice_letterhead: %w", err)
		}
		return tmpl, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("notice_template: %w", err)
	}
	if _, err := notice.Render(data, notice.Fields{}); err != nil {
		return nil, fmt.Errorf("notice_template %s: %w", path, err)
	}
	return data, nil
}
