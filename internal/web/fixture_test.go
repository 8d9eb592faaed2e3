package web

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// fixture is a Handler over fakes filled with a small, realistic city.
type fixture struct {
	h     *Handler
	auth  *fakeAuth
	setup *fakeSetup
	users *fakeUsers
	units *fakeUnits
	audit *fakeAudit
	plans *fakePlans
}

// testNow is the fixture's clock: 2026-03-02 09:30 in Beijing.
var testNow = time.Date(2026, 3, 2, 1, 30, 0, 0, time.UTC)

// newFixture builds the handler. When evil is not empty it replaces every
// piece of user-controlled text (names, aliases, audit fields), so the
// escaping test can look for it on every page.
func newFixture(t testing.TB, evil string) *fixture {
	t.Helper()
	txt := func(s string) string {
		if evil != "" {
			return s + evil
		}
		return s
	}
	units := &fakeUnits{units: []UnitView{
		{ID: 1, Name: txt("市人民政府"), Kind: "city"},
		{ID: 2, Name: txt("市人民政府办公室"), ParentID: 1, Kind: "office", Aliases: []string{txt("市府办")}},
		{ID: 3, Name: txt("市司法局"), ParentID: 1, Kind: "department", Aliases: []string{txt("市法制办"), "市政府法制办公室"}},
		{ID: 4, Name: "市发展和改革委员会", ParentID: 1, Kind: "department", Aliases: []string{"市发改委"}},
		{ID: 5, Name: "东城区人民政府", Kind: "county"},
		{ID: 6, Name: "东城区新华街道办事处", ParentID: 5, Kind: "township"},
		{ID: 7, Name: "市政府督查室", ParentID: 2, Kind: "office"},
	}}
	people := []CurrentUser{
		{ID: 1, Username: "admin", DisplayName: txt("王建国"), Role: RoleSysAdmin},
		{ID: 2, Username: "secadmin", DisplayName: "李安", Role: RoleSecAdmin},
		{ID: 3, Username: "auditor", DisplayName: "赵审", Role: RoleAuditAdmin},
		{ID: 4, Username: "duban", DisplayName: "陈督办", Role: RoleOffice},
		{ID: 5, Username: "liaison", DisplayName: txt("张联络"), Role: RoleLiaison},
		{ID: 6, Username: "leader", DisplayName: "刘副市长", Role: RoleLeader},
	}
	auth := &fakeAuth{users: map[string]CurrentUser{}, passwords: map[string]string{}, locked: map[string]time.Time{}}
	users := &fakeUsers{units: units}
	for _, p := range people {
		auth.users[p.Username] = p
		auth.passwords[p.Username] = "Duban-2026!"
		users.users = append(users.users, UserView{ID: p.ID, Username: p.Username, DisplayName: p.DisplayName, Role: p.Role})
	}
	users.users[4].UnitIDs, users.users[4].Units, users.users[4].Locked = []int64{3, 4}, units.names([]int64{3, 4}), true
	users.users = append(users.users,
		UserView{ID: 7, Username: "zhou", DisplayName: txt("周离职"), Role: RoleLiaison, UnitIDs: []int64{6}, Units: units.names([]int64{6}), Disabled: true},
		UserView{ID: 8, Username: "newbie", DisplayName: "孙新", Role: RoleNone},
	)
	auth.locked["locked"] = testNow.Add(15 * time.Minute)
	auth.users["two"], auth.passwords["two"] = CurrentUser{ID: 9, Username: "two", DisplayName: "钱两步", Role: RoleOffice}, "Duban-2026!"
	auth.codes = map[string]string{"two": "246810"}

	at := func(min int) time.Time { return testNow.Add(time.Duration(min-600) * time.Minute) }
	audit := &fakeAudit{entries: []AuditView{
		{Seq: 1, At: at(0), Actor: "admin", IP: "10.2.3.4", Action: "signin", Object: "user:admin"},
		{Seq: 2, At: at(5), Actor: txt("admin"), IP: "10.2.3.4", Action: "user.create", Object: txt("user:liaison"),
			After: jsonText(map[string]any{"username": "liaison", "display_name": txt("张联络"), "role": "liaison"})},
		{Seq: 3, At: at(9), Actor: "secadmin", IP: "10.2.3.9", Action: "user.update", Object: "user:liaison",
			Before: jsonText(map[string]any{"role": "", "units": []int{}}), After: jsonText(map[string]any{"role": "liaison", "units": []int{3, 4}})},
		{Seq: 4, At: at(20), Actor: "admin", IP: "10.2.3.4", Action: "unit.update", Object: txt("unit:3"),
			Before: jsonText(map[string]any{"name": "市法制办"}), After: jsonText(map[string]any{"name": txt("市司法局"), "aliases": []string{"市法制办"}})},
		{Seq: 5, At: at(31), Actor: "secadmin", IP: "10.2.3.9", Action: "user.disable", Object: "user:zhou",
			Before: `{"disabled":false}`, After: `{"disabled":true}`},
	}}
	setup := &fakeSetup{token: "s3tup-t0ken"}
	plans := samplePlans(units, txt)
	h, err := New(Deps{Auth: auth, Setup: setup, Users: users, Units: units, Audit: audit, Plans: plans, Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{h: h, auth: auth, setup: setup, users: users, units: units, audit: audit, plans: plans}
}

// jsonText is v as JSON without HTML escaping, the way a store would keep
// it, so hostile text reaches the page unaltered.
func jsonText(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return strings.TrimSpace(b.String())
}

// do sends a request through the whole handler as user ("" for nobody).
func (f *fixture) do(t testing.TB, method, target, user string, form url.Values, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	var body *strings.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	} else {
		body = strings.NewReader("")
	}
	r := httptest.NewRequest(method, target, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	if user != "" {
		// After the headers: AddCookie appends to a Cookie header set there.
		r.AddCookie(&http.Cookie{Name: fakeSessionCookie, Value: user})
	}
	w := httptest.NewRecorder()
	f.h.ServeHTTP(w, r)
	return w
}

// wantStatus fails the test unless w has status code.
func wantStatus(t testing.TB, w *httptest.ResponseRecorder, code int) {
	t.Helper()
	if w.Code != code {
		t.Fatalf("status = %d, want %d; body:\n%.2000s", w.Code, code, w.Body.String())
	}
}

// wantBody fails the test unless the body holds every one of parts.
func wantBody(t testing.TB, w *httptest.ResponseRecorder, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(w.Body.String(), p) {
			t.Errorf("body lacks %q; body:\n%.3000s", p, w.Body.String())
		}
	}
}
