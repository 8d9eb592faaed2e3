package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/randomdraw"
	"github.com/duban/duban/internal/randomsvc"
)

// randomIDs are the 双随机 records seedRandom makes: plan 1 drawn (its
// checks), plan 2 committed, not drawn.
type randomIDs struct {
	drawn, open, check int64
	drawnOn            string // the day of the draw: a check is dated no earlier
}

// randomPages are the 双随机 rows of the page matrix: the office's and
// leaders' desk and plans; the public page is everyone's, signed in or
// not.
func randomPages() []page {
	fixed := func(p string) func(pageIDs) string { return func(pageIDs) string { return p } }
	return []page{
		{path: fixed("/random"), allowed: officeLeaders},
		{path: fixed("/random/plans/1"), allowed: officeLeaders},
		{path: fixed("/public/random"), allowed: allCallers},
	}
}

// randomCSV is a directory of n entities with valid codes.
func randomCSV(n int) []byte {
	var b strings.Builder
	b.WriteString("名称,统一社会信用代码,类型,区域,行业,风险等级\n")
	for i := range n {
		fmt.Fprintf(&b, "测试商户%d,%s,企业,城区,餐饮,%s\n", i, randomsvc.CheckChar(fmt.Sprintf("91440300MA%07d", i)), []string{"A", "B", "C", "D"}[i%4])
	}
	return []byte(b.String())
}

// seedRandom gives the application a directory of twelve entities, four
// inspectors, plan 1 of unit A drawn and plan 2 committed.
func seedRandom(t *testing.T, app *App, unitA int64) randomIDs {
	t.Helper()
	ctx := context.Background()
	u, err := app.Store.FindUserByUsername(ctx, "office")
	if err != nil {
		t.Fatal(err)
	}
	office := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Office}
	actor := audit.Actor{ID: u.ID, Username: u.Username}
	rs := app.Random
	if _, err := rs.ImportEntities(ctx, office, actor, "名录.csv", randomCSV(12)); err != nil {
		t.Fatal(err)
	}
	for k := range 4 {
		if _, err := rs.AddInspector(ctx, office, actor, randomsvc.InspectorInput{Name: fmt.Sprintf("执法员%d", k),
			Cert: fmt.Sprintf("44030020%06d", k), UnitName: "市市场监管局", Qualifications: []string{"食品"}}); err != nil {
			t.Fatal(err)
		}
	}
	var ids randomIDs
	for i := range 2 {
		p, err := rs.CreatePlan(ctx, office, actor, randomsvc.PlanInput{UnitID: unitA, Title: fmt.Sprintf("食品抽查%d", i+1), Year: 2026,
			Matter: "食品经营检查", Count: 3, TeamSize: 2})
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			ids.drawn = p.ID
		} else {
			ids.open = p.ID
		}
	}
	if _, err := rs.Draw(ctx, office, actor, ids.drawn); err != nil {
		t.Fatal(err)
	}
	p, err := rs.Plan(ctx, office, ids.drawn)
	if err != nil {
		t.Fatal(err)
	}
	ids.check = p.Checks[0].ID
	ids.drawnOn = rs.Today()
	return ids
}

// publicGet reads path from the application signed out.
func publicGet(t *testing.T, app *App, path string) (int, string) {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	rec := httptest.NewRecorder()
	app.Server.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestDrawVerifiesFromThePortal: signed out, /public/random shows the
// committed plan's seed hash before its draw and links the drawn plan's
// record; that download verifies with `duban draw verify` (exit 0,
// 一致); the same record with one entity changed fails (exit 1, naming
// the snapshot); a published result is on the page, signed out.
func TestDrawVerifiesFromThePortal(t *testing.T) {
	app, _, unitA := webFixture(t, "sqlite", []string{"office"})
	ids := seedRandom(t, app, unitA)
	ctx := context.Background()
	u, _ := app.Store.FindUserByUsername(ctx, "office")
	office := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Office}
	if _, err := app.Random.EnterResult(ctx, office, audit.Actor{ID: u.ID, Username: u.Username}, ids.check, randomsvc.ResultInput{
		CheckedOn: app.Random.Today(), Category: randomsvc.CategoryClean, Findings: "证照齐全，公示规范", Publish: true}); err != nil {
		t.Fatal(err)
	}
	open, err := app.Random.Plan(ctx, office, ids.open)
	if err != nil {
		t.Fatal(err)
	}
	code, page := publicGet(t, app, "/public/random")
	if code != 200 || !strings.Contains(page, open.SeedSHA256) || !strings.Contains(page, "证照齐全，公示规范") {
		t.Fatalf("/public/random signed out = %d; seed hash of the plan not drawn or the published result missing", code)
	}
	m := regexp.MustCompile(`href="(/api/v1/random/plans/\d+/draw)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatal("/public/random links no draw record")
	}
	code, record := publicGet(t, app, m[1])
	if code != 200 {
		t.Fatalf("GET %s signed out = %d", m[1], code)
	}
	file := filepath.Join(t.TempDir(), "draw.json")
	if err := os.WriteFile(file, []byte(record), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runMain(t, "draw", "verify", file)
	if code != 0 || !strings.Contains(out, "一致") {
		t.Fatalf("verify the download: exit %d\n%s%s", code, out, errOut)
	}
	changed := strings.Replace(record, "测试商户1\"", "测试商户壹\"", 1)
	if changed == record {
		t.Fatal("the record holds no entity 测试商户1")
	}
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runMain(t, "draw", "verify", file)
	if code != 1 || !strings.Contains(out, "不一致") || !strings.Contains(out, "snapshot_sha256") || strings.Contains(out, "\n一致") {
		t.Fatalf("verify a record with one entity changed: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := runMain(t, "draw", "verify", filepath.Join(t.TempDir(), "none.json")); code != 1 {
		t.Fatalf("verify a missing file: exit %d", code)
	}
}

// TestDrawVerifyAgainstPublished: a record whose entity was edited and
// whose hashes and draw were recomputed is consistent with itself: without
// the published hashes verify says so only with a warning that the match
// holds if the printed hashes are the published ones; given them
// (--plan-sha256, --snapshot-sha256, --seed-sha256) it fails naming the
// snapshot, and the genuine record passes them.
func TestDrawVerifyAgainstPublished(t *testing.T) {
	app, _, unitA := webFixture(t, "sqlite", []string{"office"})
	ids := seedRandom(t, app, unitA)
	ctx := context.Background()
	u, _ := app.Store.FindUserByUsername(ctx, "office")
	office := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Office}
	plan, err := app.Random.Plan(ctx, office, ids.drawn)
	if err != nil {
		t.Fatal(err)
	}
	body, err := app.Random.Record(ctx, ids.drawn)
	if err != nil {
		t.Fatal(err)
	}
	var rec randomdraw.Record
	if err := json.Unmarshal(body, &rec); err != nil {
		t.Fatal(err)
	}
	snap := rec.Snapshot
	snap.Entities = append([]randomdraw.Entity{}, snap.Entities...)
	snap.Entities[0].Name += "（改）"
	forged, err := randomdraw.Build(rec.Plan, snap, rec.Seed, rec.CommittedAt, rec.DrawnAt)
	if err != nil {
		t.Fatal(err)
	}
	forged.PlanID = rec.PlanID
	dir := t.TempDir()
	genuine, fake := filepath.Join(dir, "draw.json"), filepath.Join(dir, "forged.json")
	fb, _ := json.Marshal(forged)
	if err := os.WriteFile(genuine, body, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(fake, fb, 0o644); err != nil {
		t.Fatal(err)
	}
	published := []string{"--plan-sha256", plan.PlanSHA256, "--snapshot-sha256", plan.SnapshotSHA256, "--seed-sha256", plan.SeedSHA256}
	code, out, errOut := runMain(t, "draw", "verify", fake)
	if code != 0 || !strings.Contains(out, "注意") || !strings.Contains(out, "--snapshot-sha256") {
		t.Fatalf("the forged record without the published hashes: exit %d, no warning\n%s%s", code, out, errOut)
	}
	code, out, errOut = runMain(t, append(append([]string{"draw", "verify"}, published...), fake)...)
	if code != 1 || !strings.Contains(out, "名录快照哈希与抽取前公布的不同") || strings.Contains(out, "计划哈希与抽取前公布的不同") {
		t.Fatalf("the forged record against the published hashes: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runMain(t, append([]string{"draw", "verify", genuine}, published...)...)
	if code != 0 || !strings.Contains(out, "与抽取前公布的计划、名录快照和种子哈希一致") || strings.Contains(out, "注意") {
		t.Fatalf("the genuine record against the published hashes: exit %d\n%s%s", code, out, errOut)
	}
}
