package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/commitsvc"
	"github.com/duban/duban/internal/decisionsvc"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// decisionPages are the rows of the page matrix of 重大行政决策 and 守信践诺:
// the office's pages are for those who read plans; the catalogue once
// published, a decision's comment page and the commitments are for
// anyone. Decision, file and commitment 1 on a fresh database
// (seedDecisions).
func decisionPages() []page {
	fixed := func(p string) func(pageIDs) string { return func(pageIDs) string { return p } }
	return []page{
		{path: fixed("/decisions"), allowed: ledgerReaders},
		{path: fixed("/decisions/1"), allowed: ledgerReaders},
		{path: fixed("/decisions/files/1"), allowed: ledgerReaders},
		{path: fixed("/commitments"), allowed: ledgerReaders},
		{path: fixed("/public/decisions"), allowed: allCallers},
		{path: fixed("/public/decisions/1"), allowed: allCallers},
		{path: fixed("/public/commitments"), allowed: allCallers},
		// Decision 1's draft (file 1) is no 解读 of a published decision:
		// not found for anyone on the portal.
		{path: fixed("/public/decisions/files/1"), refused: notFoundFor(allCallers)},
		{path: fixed("/public/data/decisions.csv"), allowed: allCallers},
		{path: fixed("/public/data/decisions.json"), allowed: allCallers},
		{path: fixed("/public/data/commitments.csv"), allowed: allCallers},
		{path: fixed("/public/data/commitments.json"), allowed: allCallers},
	}
}

// notFoundFor is "error 404" for every one of callers.
func notFoundFor(callers []string) map[string]string {
	m := map[string]string{}
	for _, c := range callers {
		m[c] = "error 404"
	}
	return m
}

// decisionIDs are the records seedDecisions made.
type decisionIDs struct {
	decision, commitment int64
}

// seedDecisions gives the application this year's catalogue, published,
// holding a decision of unit A's whose draft is open to comments from
// today until a month from today, with a document; and a commitment of unit A's whose
// deadline was yesterday.
func seedDecisions(t *testing.T, app *App, unitA int64) decisionIDs {
	t.Helper()
	ctx := context.Background()
	u, err := app.Store.FindUserByUsername(ctx, "office")
	if err != nil {
		t.Fatal(err)
	}
	office := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Office}
	actor := audit.Actor{ID: u.ID, Username: u.Username}
	today := app.Ledger.Today()
	d, err := app.Decisions.Create(ctx, office, actor, records.NewDecision{Year: today.Year(), Title: "城市养犬管理规定",
		Summary: "规范养犬行为", UnitID: unitA, Planned: "年内"})
	if err != nil {
		t.Fatal(err)
	}
	for _, action := range []string{decisionsvc.ActionApprove, decisionsvc.ActionPublish} {
		if _, err := app.Decisions.SetCatalogue(ctx, office, actor, today.Year(), action, "市政府常务会议"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := app.Decisions.Step(ctx, office, actor, d.ID, decisionsvc.StepInput{Kind: "consult",
		From: today.Format(time.DateOnly), To: today.AddDate(0, 0, 30).Format(time.DateOnly)},
		ledgersvc.Upload{Name: "征求意见稿.pdf", Size: int64(len(pdfBytes)),
			Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(pdfBytes)), nil }}); err != nil {
		t.Fatal(err)
	}
	c, err := app.Commitments.Create(ctx, office, actor, commitsvc.Input{Title: "新建口袋公园10个", Source: "work_report",
		SourceRef: "政府工作报告民生实事第5项", UnitID: unitA, Target: "建成开放", Deadline: today.AddDate(0, 0, -1).Format(time.DateOnly)})
	if err != nil {
		t.Fatal(err)
	}
	return decisionIDs{decision: d.ID, commitment: c.ID}
}

// TestPublicDecisionPagesSignedOut (issue 20): signed out, the published
// catalogue lists the decision and its comment page carries the form; a
// comment sent there (a bot's is dropped with a plain 404) is on the
// decision for the office, the commenter's name and phone in full for
// the office and masked for a leader; the sixth comment of an hour from
// one address is refused with 429. The commitment whose deadline was
// yesterday shows as late on /public/commitments; broken, it is in the
// 政务诚信档案 there with its reason and rectification.
func TestPublicDecisionPagesSignedOut(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			app, _, unitA := webFixture(t, kind, []string{"office", "leader"})
			ids := seedDecisions(t, app, unitA)
			ctx := context.Background()
			get := func(path string) string {
				t.Helper()
				rec := httptest.NewRecorder()
				app.Server.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
				if rec.Code != http.StatusOK {
					t.Fatalf("GET %s signed out = %d", path, rec.Code)
				}
				return rec.Body.String()
			}
			if body := get("/public/decisions"); !strings.Contains(body, "城市养犬管理规定") || !strings.Contains(body, "/public/decisions/1") {
				t.Fatalf("the public catalogue does not list the decision")
			}
			if body := get("/public/decisions/1"); !strings.Contains(body, `action="/public/decisions/1/comments"`) {
				t.Fatalf("the comment page has no form")
			}
			post := func(addr string, form url.Values) int {
				req := httptest.NewRequest("POST", "/public/decisions/1/comments", strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.RemoteAddr = addr + ":40000"
				rec := httptest.NewRecorder()
				app.Server.ServeHTTP(rec, req)
				return rec.Code
			}
			comment := url.Values{"body": {"建议限定大型犬遛犬时段"}, "name": {"王小明"}, "contact": {"13900001111"}}
			bot := url.Values{"body": {"spam"}, "website": {"http://spam.example"}}
			if code := post("192.0.2.9", bot); code != http.StatusNotFound {
				t.Fatalf("a bot's comment = %d", code)
			}
			if code := post("192.0.2.10", comment); code != http.StatusSeeOther {
				t.Fatalf("the comment = %d", code)
			}
			office := authz.Principal{Role: authz.Office}
			leader := authz.Principal{Role: authz.Leader}
			d, err := app.Decisions.Decision(ctx, office, ids.decision)
			if err != nil || len(d.Comments) != 1 || d.Comments[0].Body != "建议限定大型犬遛犬时段" || d.Comments[0].Name != "王小明" ||
				d.Comments[0].Contact != "13900001111" {
				t.Fatalf("the office's decision: %v %+v", err, d)
			}
			ld, err := app.Decisions.Decision(ctx, leader, ids.decision)
			if err != nil || ld.Comments[0].Name != "王**" || ld.Comments[0].Contact != "139****1111" {
				t.Fatalf("the leader's decision: %v %+v", err, ld.Comments)
			}
			if body := get("/public/decisions/1"); strings.Contains(body, "王小明") || strings.Contains(body, "13900001111") {
				t.Fatalf("the public page shows the commenter")
			}
			for i := range 4 {
				if code := post("192.0.2.11", comment); code != http.StatusSeeOther {
					t.Fatalf("comment %d = %d", i+1, code)
				}
			}
			if code := post("192.0.2.11", comment); code != http.StatusSeeOther {
				t.Fatalf("comment 5 = %d", code)
			}
			if code := post("192.0.2.11", comment); code != http.StatusTooManyRequests {
				t.Fatalf("the sixth comment of an hour = %d", code)
			}

			row := func(body string, id int64) string {
				t.Helper()
				_, after, ok := strings.Cut(body, `id="commitment-`+strconv.FormatInt(id, 10)+`"`)
				if !ok {
					t.Fatalf("no row of commitment %d", id)
				}
				r, _, _ := strings.Cut(after, "</tr>")
				return r
			}
			if r := row(get("/public/commitments"), ids.commitment); !strings.Contains(r, "已逾期") || !strings.Contains(r, "standing-late") || !strings.Contains(r, "新建口袋公园10个") {
				t.Fatalf("the late commitment's row: %s", r)
			}
			if _, err := app.Commitments.Progress(ctx, office, audit.System, ids.commitment, commitsvc.ProgressInput{Kind: "broken",
				Body: "建成6个", Reason: "用地未落实", Rectification: "调整选址，次年6月前建成"}); err != nil {
				t.Fatal(err)
			}
			body := get("/public/commitments")
			_, archive, _ := strings.Cut(body, `id="integrity"`)
			if r := row(body, ids.commitment); !strings.Contains(r, "未兑现") || !strings.Contains(archive, "用地未落实") || !strings.Contains(archive, "调整选址") {
				t.Fatalf("the broken commitment: %s", archive)
			}
		})
	}
}

// TestDecisionOpenDataSignedOut (issue 20): signed out, the open data
// files of the 目录 list the published catalogue's items and nothing of
// a catalogue not published (next year's, drafted), as CSV (UTF-8 with
// its BOM) and JSON; the commitments' files carry each one's standing,
// the late one as late. The portal lists the files.
func TestDecisionOpenDataSignedOut(t *testing.T) {
	app, _, unitA := webFixture(t, "sqlite", []string{"office"})
	seedDecisions(t, app, unitA)
	ctx := context.Background()
	office := authz.Principal{Role: authz.Office}
	next := app.Ledger.Today().Year() + 1
	if _, err := app.Decisions.Create(ctx, office, audit.System, records.NewDecision{Year: next, Title: "尚未公布的决策事项",
		UnitID: unitA, Planned: "明年"}); err != nil {
		t.Fatal(err)
	}
	get := func(path string) string {
		t.Helper()
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s signed out = %d", path, rec.Code)
		}
		return rec.Body.String()
	}
	home := get("/public")
	for _, f := range []string{"decisions.csv", "decisions.json", "commitments.csv", "commitments.json"} {
		if !strings.Contains(home, `href="/public/data/`+f+`"`) {
			t.Fatalf("the portal does not list %s", f)
		}
	}
	csvBody := get("/public/data/decisions.csv")
	if !strings.HasPrefix(csvBody, "\ufeff编号,年度,决策事项,承办单位,计划完成时间,进度\n") {
		t.Fatalf("decisions.csv header: %q", csvBody[:min(len(csvBody), 120)])
	}
	if !strings.Contains(csvBody, "城市养犬管理规定") || strings.Contains(csvBody, "尚未公布的决策事项") {
		t.Fatalf("decisions.csv: %s", csvBody)
	}
	var decisions []map[string]any
	if err := json.Unmarshal([]byte(get("/public/data/decisions.json")), &decisions); err != nil {
		t.Fatal(err)
	}
	if len(decisions) != 1 || decisions[0]["title"] != "城市养犬管理规定" || decisions[0]["status"] != "程序进行中" {
		t.Fatalf("decisions.json: %v", decisions)
	}
	if c := get("/public/data/commitments.csv"); !strings.HasPrefix(c, "\ufeff") || !strings.Contains(c, "新建口袋公园10个") || !strings.Contains(c, "已逾期") {
		t.Fatalf("commitments.csv: %s", c)
	}
	var commitments []map[string]any
	if err := json.Unmarshal([]byte(get("/public/data/commitments.json")), &commitments); err != nil {
		t.Fatal(err)
	}
	if len(commitments) != 1 || commitments[0]["standing"] != "已逾期" || commitments[0]["unit"] == "" {
		t.Fatalf("commitments.json: %v", commitments)
	}
}

// TestDecisionInterpretationByDraftingUnit (issue 20, 谁起草谁解读): the
// liaison of the drafting unit uploads its 解读 with a document; a
// liaison of another unit is refused. Signed out, the 解读 document is
// not found while the decision is not published, and downloads once it
// is; the decision's other documents (the review's) stay not found.
func TestDecisionInterpretationByDraftingUnit(t *testing.T) {
	app, _, unitA := webFixture(t, "sqlite", []string{"office"})
	seedDecisions(t, app, unitA)
	ctx := context.Background()
	u, err := app.Store.FindUserByUsername(ctx, "office")
	if err != nil {
		t.Fatal(err)
	}
	office := authz.Principal{UserID: u.ID, Username: u.Username, Role: authz.Office}
	actor := audit.Actor{ID: u.ID, Username: u.Username}
	d, err := app.Decisions.Create(ctx, office, actor, records.NewDecision{Year: app.Ledger.Today().Year(), Title: "公共停车收费办法",
		UnitID: unitA, Planned: "年内", Reason: "市政府常务会议调整目录"})
	if err != nil {
		t.Fatal(err)
	}
	upload := func(name string) ledgersvc.Upload {
		return ledgersvc.Upload{Name: name, Size: int64(len(pdfBytes)), Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(pdfBytes)), nil }}
	}
	other := authz.Principal{UserID: 9001, Username: "other", Role: authz.Liaison, Units: []int64{unitA + 1000}}
	if _, err := app.Decisions.Step(ctx, other, audit.System, d.ID, decisionsvc.StepInput{Kind: "interpret", Body: "解读"}, upload("解读.pdf")); !errors.Is(err, fault.ErrForbidden) {
		t.Fatalf("another unit's liaison's 解读: %v", err)
	}
	drafter := authz.Principal{UserID: 9002, Username: "drafter", Role: authz.Liaison, Units: []int64{unitA}}
	got, err := app.Decisions.Step(ctx, drafter, audit.Actor{ID: 9002, Username: "drafter"}, d.ID,
		decisionsvc.StepInput{Kind: "interpret", Body: "起草单位的政策解读"}, upload("政策解读.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.Decisions.Step(ctx, drafter, audit.System, d.ID, decisionsvc.StepInput{Kind: "expert", Body: "意见"}); !errors.Is(err, fault.ErrForbidden) {
		t.Fatalf("a liaison recording a gate: %v", err)
	}
	last := got.Steps[len(got.Steps)-1]
	if last.Kind != "interpret" || len(last.Files) != 1 {
		t.Fatalf("the 解读 step: %+v", last)
	}
	interp := last.Files[0].ID
	status := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		app.Server.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, rec.Body.String()
	}
	fileURL := "/public/decisions/files/" + strconv.FormatInt(interp, 10)
	if code, _ := status(fileURL); code != http.StatusNotFound {
		t.Fatalf("the 解读 before publication = %d", code)
	}
	if _, body := status("/public/decisions/" + strconv.FormatInt(d.ID, 10)); strings.Contains(body, "起草单位的政策解读") || strings.Contains(body, fileURL) {
		t.Fatalf("the public page shows the 解读 before publication")
	}
	steps := []decisionsvc.StepInput{{Kind: "skip", Gate: "participation", Reason: "依法不予公开"}, {Kind: "skip", Gate: "expert", Reason: "专业性不强"},
		{Kind: "skip", Gate: "risk", Reason: "不涉及社会稳定"}, {Kind: "legality", Result: "pass", Body: "合法性审查意见"},
		{Kind: "collective", Result: "adopt", Body: "会议纪要"}, {Kind: "publish", Result: "市政发〔2026〕9号", Body: "决策公布"}}
	var review int64
	for _, in := range steps {
		var ups []ledgersvc.Upload
		if in.Kind == "legality" {
			ups = append(ups, upload("审查意见.pdf"))
		}
		got, err = app.Decisions.Step(ctx, office, actor, d.ID, in, ups...)
		if err != nil {
			t.Fatalf("%s: %v", in.Kind, err)
		}
		if in.Kind == "legality" {
			review = got.Steps[len(got.Steps)-1].Files[0].ID
		}
	}
	code, body := status(fileURL)
	if code != http.StatusOK || body != string(pdfBytes) {
		t.Fatalf("the 解读 after publication = %d", code)
	}
	if code, _ := status("/public/decisions/files/" + strconv.FormatInt(review, 10)); code != http.StatusNotFound {
		t.Fatalf("the review's document signed out = %d", code)
	}
	if _, page := status("/public/decisions/" + strconv.FormatInt(d.ID, 10)); !strings.Contains(page, "起草单位的政策解读") || !strings.Contains(page, `href="`+fileURL+`"`) {
		t.Fatalf("the public page does not link the 解读")
	}
}
