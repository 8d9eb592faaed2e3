package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/workday"
)

// Page is what the layout needs; every page's data struct embeds it.
type Page struct {
	Lang      i18n.Lang
	User      *CurrentUser // nil on the sign-in and setup pages
	Nav       []NavItem
	LangLinks []LangLink
	Flashes   []Flash
	// CalendarMissing lists the years without a holiday schedule
	// (2027、2028), shown to the office and the administrator; "" for none.
	CalendarMissing string
	// Public marks a page meant for everyone (the portal, the scoring
	// formula): its footer does not say "for internal use".
	Public bool
	// TOTPLink shows the second-factor page (两步验证) in the user menu.
	TOTPLink bool
}

// LangLink is one entry of the language switch (简体 / 繁體).
type LangLink struct {
	Lang    i18n.Lang
	Label   string
	Href    string
	Current bool
}

// Flash is a one-off message shown at the top of the next page.
type Flash struct {
	Kind string // "success", "error" or "info"; a CSS class
	Text string
}

// basePage fills the layout's data for r: language, the signed-in user
// and their navigation, the language switch and pending flash messages
// (consumed, hence w). langPath is where the language switch leads; ""
// means the current page, which is right for every GET.
func (h *Handler) basePage(w http.ResponseWriter, r *http.Request, langPath string) Page {
	loc := i18n.FromContext(r.Context())
	p := Page{Lang: loc.Lang()}
	if u, ok := CurrentUserFrom(r.Context()); ok {
		p.User = &u
		p.Nav = navFor(loc, u.Role, r.URL.Path)
		p.TOTPLink = h.d.TOTP != nil
		if (u.Role == RoleOffice || u.Role == RoleSysAdmin) && h.d.MissingCalendarYears != nil {
			p.CalendarMissing = yearList(h.d.MissingCalendarYears(h.d.Now().In(workday.Zone)))
		}
	}
	p.LangLinks = langLinks(r, loc.Lang(), langPath)
	p.Flashes = takeFlashes(w, r, loc)
	return p
}

// langLinks points each language at the current page with ?lang= set,
// keeping the other query parameters (audit filters survive a switch).
func langLinks(r *http.Request, current i18n.Lang, langPath string) []LangLink {
	u := url.URL{Path: r.URL.Path, RawQuery: r.URL.RawQuery}
	if langPath != "" || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
		// A POST's URL may not answer GET; go somewhere that does.
		u = url.URL{Path: langPath}
		if u.Path == "" {
			u.Path = "/"
		}
	}
	links := make([]LangLink, len(i18n.Langs))
	for i, l := range i18n.Langs {
		q := u.Query()
		q.Set(i18n.QueryParam, string(l))
		v := u
		v.RawQuery = q.Encode()
		links[i] = LangLink{
			Lang: l,
			// Each language is named in its own script.
			Label:   i18n.Lookup(l, "lang.self"),
			Href:    v.RequestURI(),
			Current: l == current,
		}
	}
	return links
}

// yearList writes years as a Chinese list: 2027、2028.
func yearList(years []int) string {
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = strconv.Itoa(y)
	}
	return strings.Join(parts, "、")
}
