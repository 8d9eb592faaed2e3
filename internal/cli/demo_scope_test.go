package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban/duban/internal/assess"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/config"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/records"
)

// openDemo opens the application exactly as `duban serve --demo` builds
// it, without listening: requests go to its server's handler.
func openDemo(t *testing.T) *App {
	t.Helper()
	cfg := config.Defaults()
	cfg.DataDir, cfg.Demo, cfg.LogLevel = t.TempDir(), true, "error"
	app, err := Open(context.Background(), cfg, &Env{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	return app
}

// TestDemoLiaisonReadsOwnUnitRecordsOnly (issue 13, hole 4): on the demo,
// with 激励/问责 records of three units — one holding an ID number —
// caizheng, the liaison of 市财政局, signs in with the demo password and
// lists only 市财政局's records through the API and on the page, and is
// refused 市法制办's score lines.
func TestDemoLiaisonReadsOwnUnitRecordsOnly(t *testing.T) {
	app := openDemo(t)
	ctx := context.Background()
	units, err := app.Store.FindUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	unitID := map[string]int64{}
	for _, u := range units {
		unitID[u.Name] = u.ID
	}
	caizheng, fazhiban := unitID["市财政局"], unitID["市法制办"]
	if caizheng == 0 || fazhiban == 0 || unitID["市政府办公室"] == 0 {
		t.Fatalf("the demo's units: %v", unitID)
	}
	office := authz.Principal{Username: "ducha", Role: authz.Office}
	on := app.Assess.Today().Format("2006-01-02")
	const idNumber = "330302199001011234"
	for _, r := range []records.AssessRecord{
		{UnitID: caizheng, Kind: assess.RecordHighlight, Title: "预算公开走在全省前列", On: on},
		{UnitID: fazhiban, Kind: assess.RecordAccountability, Title: "行政复议超期被通报", On: on, Text: "当事人身份证号 " + idNumber},
		{UnitID: unitID["市政府办公室"], Kind: assess.RecordCommendation, Title: "政务值班获表扬", On: on},
	} {
		if _, err := app.Assess.AddRecord(ctx, office, audit.Actor{Username: "ducha"}, r); err != nil {
			t.Fatal(err)
		}
	}
	do := func(method, path, body string, header http.Header) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		for k, v := range header {
			req.Header[k] = v
		}
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, req)
		return rec
	}
	rec := do("POST", "/api/v1/auth/token", `{"username":"caizheng","password":"`+DemoPassword+`"}`,
		http.Header{"Content-Type": {"application/json"}})
	var tok struct{ Token string }
	if err := json.Unmarshal(rec.Body.Bytes(), &tok); rec.Code != http.StatusCreated || err != nil || tok.Token == "" {
		t.Fatalf("caizheng signs in: %d %s", rec.Code, rec.Body)
	}
	bearer := http.Header{"Authorization": {"Bearer " + tok.Token}}

	rec = do("GET", "/api/v1/assessment/records", "", bearer)
	var list struct {
		Items []struct {
			UnitID int64  `json:"unit_id"`
			Title  string `json:"title"`
		} `json:"items"`
		Total int `json:"total"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &list); rec.Code != http.StatusOK || err != nil {
		t.Fatalf("GET /api/v1/assessment/records as caizheng: %d %s", rec.Code, rec.Body)
	}
	if len(list.Items) != 1 || list.Total != 1 || list.Items[0].UnitID != caizheng || list.Items[0].Title != "预算公开走在全省前列" {
		t.Errorf("caizheng's records: %+v, want 市财政局's one alone", list)
	}
	if strings.Contains(rec.Body.String(), idNumber) || strings.Contains(rec.Body.String(), "行政复议超期") {
		t.Errorf("caizheng reads 市法制办's 问责 record: %s", rec.Body)
	}
	// Asking for another unit's records by name gives none.
	rec = do("GET", fmt.Sprintf("/api/v1/assessment/records?unit=%d", fazhiban), "", bearer)
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "行政复议超期") {
		t.Errorf("?unit=市法制办 as caizheng: %d %s", rec.Code, rec.Body)
	}
	// The office lists all three.
	if all, _ := app.Assess.Records(ctx, office, records.RecordFilter{}); len(all) != 3 {
		t.Errorf("the office lists %d records, want 3", len(all))
	}
	if rec = do("GET", fmt.Sprintf("/api/v1/assessment/scores/%d", fazhiban), "", bearer); rec.Code != http.StatusForbidden {
		t.Errorf("市法制办's score lines as caizheng: %d, want 403", rec.Code)
	}

	// The page, in a web session of caizheng's.
	u, err := app.Store.FindUserByUsername(ctx, "caizheng")
	if err != nil {
		t.Fatal(err)
	}
	session, err := app.Signin.Issue(ctx, audit.System, u.ID, records.SessionWeb, "test", "127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	rec = do("GET", "/assessment/records", "", http.Header{"Cookie": {httpauth.CookieName + "=" + session}})
	page := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.Contains(page, "预算公开走在全省前列") || strings.Contains(page, "行政复议超期") ||
		strings.Contains(page, "政务值班获表扬") || strings.Contains(page, idNumber) {
		t.Errorf("/assessment/records as caizheng: %d, holding other units' records or lacking its own", rec.Code)
	}
}
