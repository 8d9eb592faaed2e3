package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
)

// readEndpoint is one read of the read matrix.
type readEndpoint struct {
	path    func(f *fixture) string
	allowed []string
	// refused is what a signed-in caller not allowed gets, by caller;
	// 403 for any caller not named. A unit's record read by a liaison of
	// another unit may be 404: it does not exist for them.
	refused map[string]string
	// hidden, for a list, is text of 市法制办's rows (unit A) that must
	// not be in liaisonB's answer, and must be in liaisonA's.
	hidden string
}

// Texts of unit A's rows, which a liaison of unit B must never read.
const (
	ticketTextA   = "甲单位执法人员态度粗暴"
	incidentTextA = "某镇山洪"
	recordTextA   = "甲单位法治示范"
	recordTextB   = "乙单位预算公开"
	matterTextA   = "甲单位执法经费批示"
)

var (
	everyone     = []string{"sysadmin", "secadmin", "auditadmin", "office", "leader", "liaisonA", "liaisonB"}
	ledgerOnly   = []string{"office", "leader", "liaisonA", "liaisonB"}
	unitAOnly    = []string{"office", "leader", "liaisonA"}
	officeLeader = []string{"office", "leader"}
	// The working calendar is kept by the system administrator and the
	// office; leaders read it for the deadlines it moves.
	calendarKeepers = []string{"sysadmin", "office", "leader"}
)

// readEndpoints are every read of the API, with who may make it.
func readEndpoints() []readEndpoint {
	id := func(format string, field func(f *fixture) int64) func(f *fixture) string {
		return func(f *fixture) string { return fmt.Sprintf(format, field(f)) }
	}
	fixed := func(path string) func(*fixture) string { return func(*fixture) string { return path } }
	// A unit's ticket or incident does not exist for a liaison of
	// another unit.
	notFoundForB := map[string]string{"liaisonB": "404"}
	return append([]readEndpoint{
		{path: fixed("/api/v1/openapi.json"), allowed: append([]string{"anonymous"}, everyone...)},
		{path: fixed("/api/v1/me"), allowed: everyone},
		{path: fixed("/api/v1/units"), allowed: []string{"sysadmin", "secadmin", "office", "leader", "liaisonA", "liaisonB"}},
		{path: fixed("/api/v1/units/import/template"), allowed: []string{"sysadmin", "secadmin", "office"}},
		{path: fixed("/api/v1/unit-groups"), allowed: []string{"sysadmin", "secadmin", "office", "leader", "liaisonA", "liaisonB"}},
		{path: id("/api/v1/unit-groups/%d", func(f *fixture) int64 { return f.group }), allowed: []string{"sysadmin", "secadmin", "office", "leader", "liaisonA", "liaisonB"}},
		{path: fixed("/api/v1/plans"), allowed: ledgerOnly},
		{path: fixed("/api/v1/plans/1"), allowed: ledgerOnly},
		{path: id("/api/v1/plans/%d/review", func(f *fixture) int64 { return f.draftPlan }), allowed: []string{"office"}},
		{path: fixed("/api/v1/tasks"), allowed: ledgerOnly, hidden: "甲任务"},
		{path: id("/api/v1/tasks/%d", func(f *fixture) int64 { return f.taskA }), allowed: unitAOnly},
		{path: id("/api/v1/tasks/%d/supervision", func(f *fixture) int64 { return f.taskA }), allowed: unitAOnly},
		{path: id("/api/v1/tasks/%d/history", func(f *fixture) int64 { return f.taskA }), allowed: unitAOnly},
		{path: id("/api/v1/tasks/%d/subtasks", func(f *fixture) int64 { return f.taskA }), allowed: unitAOnly},
		{path: fixed("/api/v1/tasks?source=instruction"), allowed: ledgerOnly, hidden: matterTextA},
		{path: id("/api/v1/tasks/%d/matter", func(f *fixture) int64 { return f.matterA }), allowed: unitAOnly},
		{path: id("/api/v1/tasks/%d/matter/report.docx", func(f *fixture) int64 { return f.matterA }), allowed: []string{"office"}},
		{path: fixed("/api/v1/matter-kinds"), allowed: ledgerOnly},
		{path: fixed("/api/v1/decisions"), allowed: ledgerOnly},
		{path: fixed("/api/v1/decisions/catalogue?year=2026"), allowed: ledgerOnly},
		{path: id("/api/v1/decisions/%d", func(f *fixture) int64 { return f.decision }), allowed: ledgerOnly},
		{path: fixed("/api/v1/commitments"), allowed: ledgerOnly},
		{path: id("/api/v1/attachments/%d", func(f *fixture) int64 { return f.attachment }), allowed: unitAOnly},
		{path: fixed("/api/v1/workspace"), allowed: ledgerOnly},
		{path: fixed("/api/v1/ledger.xlsx"), allowed: ledgerOnly},
		{path: fixed("/api/v1/tickets"), allowed: ledgerOnly, hidden: ticketTextA},
		{path: id("/api/v1/tickets/%d", func(f *fixture) int64 { return f.ticketA }), allowed: unitAOnly, refused: notFoundForB},
		{path: fixed("/api/v1/foia/requests"), allowed: officeLeader},
		{path: id("/api/v1/foia/requests/%d", func(f *fixture) int64 { return f.foiaID }), allowed: officeLeader},
		{path: id("/api/v1/foia/requests/%d/letter.docx", func(f *fixture) int64 { return f.foiaID }), allowed: []string{"office"}},
		{path: fixed("/api/v1/foia/annual"), allowed: officeLeader},
		{path: fixed("/api/v1/incidents"), allowed: ledgerOnly, hidden: incidentTextA},
		{path: id("/api/v1/incidents/%d", func(f *fixture) int64 { return f.incident }), allowed: unitAOnly, refused: notFoundForB},
		{path: fixed("/api/v1/assessment/scores"), allowed: ledgerOnly},
		{path: id("/api/v1/assessment/scores?period=2026-Q1&group=%d", func(f *fixture) int64 { return f.group }), allowed: ledgerOnly},
		{path: id("/api/v1/assessment/scores/%d?period=2026-Q1", func(f *fixture) int64 { return f.unitA }), allowed: unitAOnly},
		{path: fixed("/api/v1/assessment/scheme"), allowed: ledgerOnly},
		{path: fixed("/api/v1/assessment/records"), allowed: ledgerOnly, hidden: recordTextA},
		{path: fixed("/api/v1/supervision/rules"), allowed: ledgerOnly},
		{path: fixed("/api/v1/calendar"), allowed: calendarKeepers},
		{path: fixed("/api/v1/calendar/changes"), allowed: calendarKeepers},
		{path: id("/api/v1/calendar/changes/%d", func(f *fixture) int64 { return f.change }), allowed: calendarKeepers},
		{path: fixed("/api/v1/users"), allowed: []string{"sysadmin", "secadmin"}},
		{path: fixed("/api/v1/audit"), allowed: []string{"auditadmin"}},
		{path: fixed("/api/v1/audit/verify"), allowed: []string{"auditadmin"}},
		{path: fixed("/api/v1/audit/export.csv"), allowed: []string{"auditadmin"}},
	}, append(append(inspectionReads(), randomReads()...), proposalReads()...)...)
}

// TestEveryReadByEveryRole calls every read of the API as every role, as
// liaisons of two units and as nobody, over a system holding a record of
// every kind for unit A: the allowed callers get 2xx, everyone else
// signed in 403 (or 404 where the record does not exist for them),
// nobody 401; and a list read by unit B's liaison holds none of unit A's
// rows while unit A's liaison's holds them.
func TestEveryReadByEveryRole(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			f := newFixture(t, kind)
			seedReads(t, f)
			for _, rd := range readEndpoints() {
				path := rd.path(f)
				for _, caller := range callers {
					req := httptest.NewRequest("GET", path, nil)
					if tok := f.tokens[caller]; tok != "" {
						req.Header.Set("Authorization", "Bearer "+tok)
					}
					rec := httptest.NewRecorder()
					f.srv.ServeHTTP(rec, req)
					want := "403"
					switch {
					case contains(rd.allowed, caller):
						want = "2xx"
					case caller == "anonymous":
						want = "401"
					case rd.refused[caller] != "":
						want = rd.refused[caller]
					}
					if got := class(rec.Code); got != want {
						t.Errorf("GET %s as %s = %d, want %s", path, caller, rec.Code, want)
					}
					if rd.hidden == "" || rec.Code >= 300 {
						continue
					}
					holds := strings.Contains(rec.Body.String(), rd.hidden)
					if caller == "liaisonB" && holds {
						t.Errorf("GET %s as liaisonB holds unit A's %q", path, rd.hidden)
					}
					if (caller == "liaisonA" || caller == "office") && !holds {
						t.Errorf("GET %s as %s lacks unit A's %q: the list check proves nothing", path, caller, rd.hidden)
					}
				}
			}
		})
	}
}

// seedReads gives the fixture one of every record the reads return, of
// unit A where a record belongs to a unit: a progress report with a
// file, a 督办单, a 12345 ticket, a replied 依申请公开 request, an
// incident, 激励/问责 records of both units, a calendar change and a
// draft plan.
func seedReads(t *testing.T, f *fixture) {
	t.Helper()
	ctx := context.Background()
	importDraft(t, f)
	enterDecision(t, f)
	registerCommitment(t, f)
	// Three tasks more for each unit, due in 2026's first quarter, so
	// that both are assessed then.
	var tasks []plandoc.Task
	for i, unit := range []string{"市法制办", "市法制办", "市法制办", "市财政局", "市财政局", "市财政局"} {
		tasks = append(tasks, plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("考核任务%d", i+1), Units: []string{unit}, LeadUnits: []string{unit},
			Deadlines: []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}})
	}
	if _, _, err := f.db.ImportPlan(ctx, records.PlanImport{SourceName: "k.txt", SourceSHA256: strings.Repeat("ef", 32), Format: "text",
		Plan: &plandoc.Plan{Title: "考核方案", Year: 2026, Tasks: tasks}}); err != nil {
		t.Fatal(err)
	}
	issueNotice(t, f)
	var matter struct{ ID int64 }
	if code := f.do(t, "office", "POST", "/api/v1/matters", strings.NewReader(`{"kind":"instruction","title":"`+matterTextA+
		`","source_text":"请法制办研究解决。","leader":"张市长","report_back":true,"units":[{"name":"市法制办"}],"deadline":"12月20日前"}`),
		"application/json", &matter); code >= 300 {
		t.Fatalf("matter = %d", code)
	}
	f.matterA = matter.ID
	seedInspections(t, f)
	randomDrawn(t, f)
	seedProposals(t, f)
	reportIncident(t, f)
	receiveFOIA(t, f)
	body, ct := reportUpload(t)
	if code := f.call(t, "liaisonA", "POST", fmt.Sprintf("/api/v1/tasks/%d/progress", f.taskA), body, ct); code >= 300 {
		t.Fatalf("progress with a file = %d", code)
	}
	progress, err := f.db.FindProgress(ctx, f.taskA)
	if err != nil || len(progress) == 0 || len(progress[0].Attachments) == 0 {
		t.Fatalf("progress %+v %v", progress, err)
	}
	f.attachment = progress[0].Attachments[0].ID
	if err := f.db.SaveTicketService(ctx, audit.System, records.TicketService{Code: "fz-zf", Name: "行政执法",
		Path: "法治政府/行政执法", Type: "complaint", UnitID: f.unitA, Active: true}); err != nil {
		t.Fatal(err)
	}
	var tk apiTicket
	if code := f.do(t, "office", "POST", "/api/v1/tickets", strings.NewReader(`{"service_code":"fz-zf","description":"`+ticketTextA+
		`","caller_name":"张三","caller_phone":"13900001111"}`), "application/json", &tk); code >= 300 {
		t.Fatalf("ticket = %d", code)
	}
	f.ticketA = tk.ID
	if code, body := f.send(t, "office", "POST", fmt.Sprintf("/api/v1/foia/requests/%d/reply", f.foiaID), `{"type":"not_held"}`); code >= 300 {
		t.Fatalf("foia reply = %d %s", code, body)
	}
	for _, r := range []struct {
		unit  int64
		title string
	}{{f.unitA, recordTextA}, {f.unitB, recordTextB}} {
		if code, body := f.send(t, "office", "POST", "/api/v1/assessment/records",
			fmt.Sprintf(`{"unit_id":%d,"kind":"highlight","title":%q,"on":"2026-03-10"}`, r.unit, r.title)); code >= 300 {
			t.Fatalf("record = %d %s", code, body)
		}
	}
	if code, body := f.send(t, "office", "POST", "/api/v1/calendar/days",
		`{"date":"2026-06-15","set":"off","name":"地方节日","scope":"local","reason":"市政府通知"}`); code >= 300 {
		t.Fatalf("calendar change = %d %s", code, body)
	}
	changes, err := f.db.CalendarChanges(ctx, 1)
	if err != nil || len(changes) == 0 {
		t.Fatalf("calendar changes %v %v", changes, err)
	}
	f.change = changes[0].ID
	createGroup(t, f)
}
