package web

import (
	"strings"

	"github.com/duban/duban/internal/i18n"
)

// NavItem is one entry of the top navigation.
type NavItem struct {
	Label  string
	Href   string
	Active bool
}

// navEntry is a navigation target before localisation.
type navEntry struct {
	key  string
	href string
}

var (
	navHome  = navEntry{"nav.home", "/"}
	navPlans = navEntry{"nav.plans", "/plans"}
	navTasks = navEntry{"nav.tasks", "/tasks"}
	navUnits = navEntry{"nav.units", "/units"}
	navUsers = navEntry{"nav.users", "/users"}
	navAudit = navEntry{"nav.audit", "/audit"}
	navInbox = navEntry{"nav.inbox", "/inbox"}
	navDesk  = navEntry{"nav.desk", "/desk"}
	navCal   = navEntry{"nav.calendar", "/calendar"}
	navRules = navEntry{"nav.rules", "/rules"}
	navScore = navEntry{"nav.assessment", "/assessment"}
	navDash  = navEntry{"nav.dashboard", "/dashboard"}
	navTix   = navEntry{"nav.tickets", "/tickets"}
	navFOIA  = navEntry{"nav.foia", "/foia"}
	navInc   = navEntry{"nav.incidents", "/incidents"}
	navMat   = navEntry{"nav.matters", "/matters/new"}
	navInsp  = navEntry{"nav.inspections", "/inspections"}
	navFind  = navEntry{"nav.findings", "/findings"}
	navRand  = navEntry{"nav.random", "/random"}
	navProp  = navEntry{"nav.proposals", "/proposals"}
	navDec   = navEntry{"nav.decisions", "/decisions"}
)

// navByRole is what each role sees in the top bar. It only spares people
// links that would answer 403; the services decide what anyone may do.
// The three administrators see no business pages (三员分立).
var navByRole = map[string][]navEntry{
	RoleSysAdmin:   {navHome, navUnits, navUsers, navCal},
	RoleSecAdmin:   {navHome, navUsers},
	RoleAuditAdmin: {navHome, navAudit},
	RoleOffice:     {navHome, navDash, navPlans, navMat, navTasks, navDesk, navInsp, navDec, navRand, navProp, navTix, navFOIA, navInc, navInbox, navScore, navUnits, navRules, navCal},
	RoleLiaison:    {navHome, navTasks, navDesk, navFind, navProp, navTix, navInc, navInbox, navScore},
	RoleLeader:     {navHome, navDash, navPlans, navTasks, navDesk, navInsp, navDec, navRand, navProp, navTix, navFOIA, navInc, navInbox, navScore, navUnits, navCal},
	RoleNone:       {navHome},
}

// navFor localises role's navigation and marks the entry path belongs to.
func navFor(loc i18n.Localizer, role, path string) []NavItem {
	entries, ok := navByRole[role]
	if !ok {
		entries = navByRole[RoleNone]
	}
	items := make([]NavItem, len(entries))
	for i, e := range entries {
		items[i] = NavItem{Label: loc.T(e.key), Href: e.href, Active: navActive(e.href, path)}
	}
	return items
}

func navActive(href, path string) bool {
	if href == "/" {
		return path == "/"
	}
	return path == href || strings.HasPrefix(path, href+"/")
}
