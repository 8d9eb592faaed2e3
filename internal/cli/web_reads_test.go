package cli

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/emergency"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/httpauth"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/supervise"
)

// pageIDs are the records the page matrix reads: of 市法制办 (unit A)
// where a record belongs to a unit.
type pageIDs struct {
	ledgerIDs
	unitA, unitB, user     int64
	attachment, notice     int64 // notice: the task with a 督办单
	ticket, ticketFile     int64
	publicTicket           string // its follow link
	foia                   int64
	publicFOIA             string
	incident, change, plan int64
	matter                 int64 // a 领导批示 of unit A's, its result reported back
}

// Text of unit A's rows that a liaison of unit B must never read.
const (
	pageTicketA   = "甲单位执法人员态度粗暴"
	pageIncidentA = "甲单位山洪"
	pageRecordA   = "甲单位法治示范"
	pageTaskA     = "甲单位独有任务"
)

// page is one GET route of the pages.
type page struct {
	path    func(ids pageIDs) string
	allowed []string // callers that get the page (or a redirect that is not to sign in)
	// refused is what a caller not allowed gets, by caller: "forbidden"
	// for a signed-in caller and "sign in" for nobody unless named.
	refused map[string]string
	hidden  string // for a list: unit A's text that liaisonB's page must not hold and liaisonA's must
}

var (
	signedInCallers = []string{"sysadmin", "secadmin", "auditadmin", "office", "leader", "liaisonA", "liaisonB"}
	allCallers      = append([]string{"anonymous"}, signedInCallers...)
	ledgerReaders   = []string{"office", "leader", "liaisonA", "liaisonB"}
	unitAReaders    = []string{"office", "leader", "liaisonA"}
	officeLeaders   = []string{"office", "leader"}
	officeOnly      = []string{"office"}
)

// pages are every GET route of the web pages, with who may read it.
func pages() []page {
	fixed := func(p string) func(pageIDs) string { return func(pageIDs) string { return p } }
	idf := func(format string, id func(pageIDs) int64) func(pageIDs) string {
		return func(ids pageIDs) string { return fmt.Sprintf(format, id(ids)) }
	}
	// A unit's ticket or incident does not exist for a liaison of
	// another unit.
	notFoundB := map[string]string{"liaisonB": "error 404"}
	notFound := func(callers ...string) map[string]string {
		m := map[string]string{}
		for _, c := range callers {
			m[c] = "error 404"
		}
		return m
	}
	return append([]page{
		{path: fixed("/static/app.css"), allowed: allCallers},
		{path: fixed("/signin"), allowed: allCallers},
		{path: fixed("/"), allowed: signedInCallers},
		// Everyone's own password and second factor.
		{path: fixed("/me/password"), allowed: signedInCallers},
		{path: fixed("/me/totp"), allowed: signedInCallers},
		// No setup link once accounts exist.
		{path: fixed("/setup/no-such-token"), refused: notFound(allCallers...)},
		{path: fixed("/users"), allowed: []string{"sysadmin", "secadmin"}},
		// The blank forms are offered only to who may submit them (issue
		// 14); their submission is checked by TestEveryWebFormByEveryRole.
		{path: fixed("/users/new"), allowed: []string{"sysadmin", "secadmin"}},
		{path: idf("/users/%d/edit", func(i pageIDs) int64 { return i.user }), allowed: []string{"sysadmin", "secadmin"}},
		{path: fixed("/units"), allowed: []string{"sysadmin", "secadmin", "office", "leader", "liaisonA", "liaisonB"}},
		{path: fixed("/units/new"), allowed: []string{"sysadmin", "office"}},
		{path: idf("/units/%d/edit", func(i pageIDs) int64 { return i.unitA }), allowed: []string{"sysadmin", "office"}},
		{path: fixed("/units/groups"), allowed: []string{"sysadmin", "secadmin", "office", "leader", "liaisonA", "liaisonB"}},
		{path: fixed("/units/groups/new"), allowed: []string{"sysadmin", "office"}},
		{path: idf("/units/groups/%d/edit", func(i pageIDs) int64 { return i.group }), allowed: []string{"sysadmin", "office"}},
		{path: idf("/units/%d/merge", func(i pageIDs) int64 { return i.unitA }), allowed: []string{"sysadmin", "office"}},
		{path: fixed("/units/import"), allowed: []string{"sysadmin", "office"}},
		// The template of the accounts sheet is also the security
		// administrator's, who creates the administrators' accounts.
		{path: fixed("/units/import/template.xlsx"), allowed: []string{"sysadmin", "secadmin", "office"}},
		{path: fixed("/plans"), allowed: ledgerReaders},
		{path: idf("/plans/%d/review", func(i pageIDs) int64 { return i.draftPlan }), allowed: officeOnly},
		{path: func(i pageIDs) string { return fmt.Sprintf("/plans/%d/tasks/%d/move", i.draftPlan, i.draftTask) }, allowed: officeOnly},
		{path: fixed("/tasks"), allowed: ledgerReaders, hidden: pageTaskA},
		{path: fixed("/tasks/export.xlsx"), allowed: ledgerReaders},
		{path: idf("/tasks/%d", func(i pageIDs) int64 { return i.report }), allowed: unitAReaders},
		{path: idf("/tasks/%d/notice.docx?key=page-notice", func(i pageIDs) int64 { return i.notice }), allowed: unitAReaders},
		{path: idf("/attachments/%d", func(i pageIDs) int64 { return i.attachment }), allowed: unitAReaders},
		{path: fixed("/desk"), allowed: ledgerReaders},
		{path: fixed("/inbox"), allowed: ledgerReaders},
		{path: fixed("/tickets"), allowed: ledgerReaders, hidden: pageTicketA},
		// The agents' and the counter's forms only for who may take a
		// ticket or a request in (issue 14: show only what a role can do).
		{path: fixed("/tickets/new"), allowed: officeOnly},
		{path: fixed("/tickets/stats"), allowed: ledgerReaders},
		{path: fixed("/tickets/stats.xlsx"), allowed: ledgerReaders},
		{path: idf("/tickets/files/%d", func(i pageIDs) int64 { return i.ticketFile }), allowed: unitAReaders, refused: notFoundB},
		{path: idf("/tickets/%d", func(i pageIDs) int64 { return i.ticket }), allowed: unitAReaders, refused: notFoundB},
		{path: fixed("/tickets/services"), allowed: officeOnly},
		{path: fixed("/tickets/services/new"), allowed: officeOnly},
		{path: fixed("/tickets/services/fz-zf/edit"), allowed: officeOnly},
		{path: fixed("/public/hotline"), allowed: allCallers},
		{path: fixed("/public/tickets/new"), allowed: allCallers},
		{path: func(i pageIDs) string { return i.publicTicket }, allowed: allCallers},
		{path: fixed("/foia"), allowed: officeLeaders},
		{path: fixed("/foia/new"), allowed: officeOnly},
		{path: fixed("/foia/report"), allowed: officeLeaders},
		{path: fixed("/foia/report.xlsx"), allowed: officeLeaders},
		{path: idf("/foia/%d", func(i pageIDs) int64 { return i.foia }), allowed: officeLeaders},
		{path: idf("/foia/%d/letter.docx", func(i pageIDs) int64 { return i.foia }), allowed: officeOnly},
		{path: fixed("/public/foia/report"), allowed: allCallers},
		{path: fixed("/public/foia/new"), allowed: allCallers},
		{path: func(i pageIDs) string { return i.publicFOIA }, allowed: allCallers},
		{path: func(i pageIDs) string {
			base, query, _ := strings.Cut(i.publicFOIA, "?")
			return base + "/letter.docx?" + query
		}, allowed: allCallers},
		// 督办件: the entry forms are the office's; the 办理结果 report too.
		{path: fixed("/matters/new"), allowed: officeOnly},
		{path: fixed("/matters/batch"), allowed: officeOnly},
		{path: idf("/tasks/%d", func(i pageIDs) int64 { return i.matter }), allowed: unitAReaders},
		{path: idf("/tasks/%d/report.docx", func(i pageIDs) int64 { return i.matter }), allowed: officeOnly},
		{path: fixed("/incidents"), allowed: ledgerReaders, hidden: pageIncidentA},
		{path: idf("/incidents/%d", func(i pageIDs) int64 { return i.incident }), allowed: unitAReaders, refused: notFoundB},
		{path: fixed("/public"), allowed: allCallers},
		{path: idf("/public/plans/%d", func(i pageIDs) int64 { return i.plan }), allowed: allCallers},
		{path: idf("/public/tasks/%d", func(i pageIDs) int64 { return i.report }), allowed: allCallers},
		{path: idf("/public/tasks/%d/feed.xml", func(i pageIDs) int64 { return i.report }), allowed: allCallers},
		{path: fixed("/public/data/tasks.csv"), allowed: allCallers},
		{path: fixed("/dashboard"), allowed: officeLeaders},
		{path: fixed("/scoring"), allowed: allCallers},
		{path: fixed("/assessment"), allowed: ledgerReaders},
		{path: idf("/assessment/units/%d?period=2026-Q1", func(i pageIDs) int64 { return i.unitA }), allowed: unitAReaders},
		// Without a period: the current quarter (issue 14 saw a 404).
		{path: idf("/assessment/units/%d", func(i pageIDs) int64 { return i.unitA }), allowed: unitAReaders},
		{path: fixed("/assessment/bulletin"), allowed: ledgerReaders},
		{path: idf("/assessment/bulletin?group=%d", func(i pageIDs) int64 { return i.group }), allowed: ledgerReaders},
		{path: idf("/assessment?period=2026-Q1&group=%d", func(i pageIDs) int64 { return i.group }), allowed: ledgerReaders},
		{path: fixed("/assessment/bulletin.docx"), allowed: ledgerReaders},
		{path: fixed("/assessment/bulletin.xlsx"), allowed: ledgerReaders},
		// The scheme's editor; the scheme in force is public (/scoring).
		{path: fixed("/assessment/scheme"), allowed: officeOnly},
		{path: fixed("/assessment/records"), allowed: ledgerReaders, hidden: pageRecordA},
		{path: fixed("/rules"), allowed: ledgerReaders},
		{path: fixed("/rules/0"), allowed: officeOnly},
		{path: fixed("/calendar"), allowed: []string{"sysadmin", "office", "leader"}},
		{path: idf("/calendar/changes/%d", func(i pageIDs) int64 { return i.change }), allowed: []string{"sysadmin", "office", "leader"}},
		{path: fixed("/audit"), allowed: []string{"auditadmin"}},
		{path: fixed("/audit/export.csv"), allowed: []string{"auditadmin"}},
	}, append(append(append(inspectionPages(), randomPages()...), proposalPages()...), decisionPages()...)...)
}

// TestEveryPageByEveryRole reads every GET route of the pages as every
// role, as liaisons of two units and as nobody, through the application
// exactly as `serve` builds it, over a system holding a record of every
// kind for unit A: allowed callers get the page, everyone else signed in
// 403 (or 404 where the record does not exist for them), nobody is sent
// to sign in; a list as unit B's liaison holds none of unit A's rows.
func TestEveryPageByEveryRole(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			app, cookies, unitA := webFixture(t, kind, signedInCallers)
			ids := seedPages(t, app, unitA)
			for _, pg := range pages() {
				path := pg.path(ids)
				for _, caller := range allCallers {
					req := httptest.NewRequest("GET", path, nil)
					if c := cookies[caller]; c != "" {
						req.AddCookie(&http.Cookie{Name: httpauth.CookieName, Value: c})
					}
					rec := httptest.NewRecorder()
					app.Server.ServeHTTP(rec, req)
					want := pg.refused[caller]
					switch {
					case contains(pg.allowed, caller):
						want = "done"
					case want != "":
					case caller == "anonymous":
						want = "sign in"
					default:
						want = "forbidden"
					}
					if got := outcome(rec); got != want {
						t.Errorf("GET %s as %s: %d %s (%s), want %s", path, caller, rec.Code, got, rec.Header().Get("Location"), want)
					}
					if pg.hidden == "" || rec.Code != http.StatusOK {
						continue
					}
					holds := strings.Contains(rec.Body.String(), pg.hidden)
					if caller == "liaisonB" && holds {
						t.Errorf("GET %s as liaisonB holds unit A's %q", path, pg.hidden)
					}
					if caller == "liaisonA" && !holds {
						t.Errorf("GET %s as liaisonA lacks unit A's %q: the check proves nothing", path, pg.hidden)
					}
				}
			}
		})
	}
}

// TestEveryPageInTheMatrix: every GET route internal/web/routes.go
// registers has a row in pages(); a page added without one fails here.
func TestEveryPageInTheMatrix(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "../web/routes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var routes []string
	ast.Inspect(file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) == 0 {
			return true
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || sel.Sel.Name != "HandleFunc" {
			return true
		}
		lit, ok := call.Args[0].(*ast.BasicLit)
		if !ok {
			t.Fatalf("routes.go: a route whose pattern is not a literal")
		}
		pattern, _ := strconv.Unquote(lit.Value)
		if strings.HasPrefix(pattern, "GET ") {
			routes = append(routes, pattern)
		}
		return true
	})
	if len(routes) < 40 {
		t.Fatalf("read %d GET routes from internal/web/routes.go: the registrations have moved", len(routes))
	}
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.HandleFunc(rt, func(http.ResponseWriter, *http.Request) {})
	}
	ids := pageIDs{ledgerIDs: ledgerIDs{draftPlan: 1, draftTask: 1, report: 1}, unitA: 1, user: 1, attachment: 1, notice: 1, ticket: 1,
		ticketFile: 1, publicTicket: "/public/tickets/1?k=x", foia: 1, publicFOIA: "/public/foia/1?k=x", incident: 1, change: 1, plan: 1}
	covered := map[string]bool{}
	for _, pg := range pages() {
		_, pattern := mux.Handler(httptest.NewRequest("GET", pg.path(ids), nil))
		if pattern == "" {
			t.Errorf("page matrix row GET %s: no route serves it", pg.path(ids))
		}
		covered[pattern] = true
	}
	var missing []string
	for _, rt := range routes {
		if !covered[rt] {
			missing = append(missing, rt)
		}
	}
	sort.Strings(missing)
	for _, rt := range missing {
		t.Errorf("%s is registered in internal/web/routes.go but has no row in pages()", rt)
	}
}

// seedPages gives the application one of every record the pages read.
func seedPages(t *testing.T, app *App, unitA int64) pageIDs {
	t.Helper()
	ctx := context.Background()
	ids := pageIDs{ledgerIDs: newLedgerIDs(t, app.Store), unitA: unitA}
	units, err := app.Store.FindUnits(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.Name == "市财政局" {
			ids.unitB = u.ID
		}
	}
	u, err := app.Store.FindUserByUsername(ctx, "leader")
	if err != nil {
		t.Fatal(err)
	}
	ids.user = u.ID
	office := authz.Principal{Username: "office", Role: authz.Office}
	officeActor := audit.Actor{Username: "office"}
	liaisonA := authz.Principal{Username: "liaisonA", Role: authz.Liaison, Units: []int64{unitA}}
	pdf := func(name string) ledgersvc.Upload {
		return ledgersvc.Upload{Name: name, Size: int64(len(pdfBytes)), Open: func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(pdfBytes)), nil
		}}
	}
	la, err := app.Store.FindUserByUsername(ctx, "liaisonA")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := app.Ledger.Report(ctx, liaisonA, audit.Actor{ID: la.ID, Username: la.Username}, ids.report,
		ledgersvc.ReportInput{Text: "进展", Files: []ledgersvc.Upload{pdf("材料.pdf")}}); err != nil {
		t.Fatal(err)
	}
	progress, err := app.Store.FindProgress(ctx, ids.report)
	if err != nil || len(progress) == 0 || len(progress[0].Attachments) == 0 {
		t.Fatalf("progress %+v %v", progress, err)
	}
	ids.attachment = progress[0].Attachments[0].ID
	day := time.Date(2026, 3, 9, 0, 0, 0, 0, time.UTC)
	ids.notice = ids.report
	if _, err := app.Store.RecordSupervision(ctx, []supervise.Event{{Key: "page-notice", TaskID: ids.notice, Kind: supervise.KindNotice,
		Label: "蓝色督办单", On: day, Deadline: day.AddDate(0, 0, 7), Recorded: day}},
		func(supervise.Event) []records.Notification { return nil }); err != nil {
		t.Fatal(err)
	}
	if err := app.Store.SaveTicketService(ctx, audit.System, records.TicketService{Code: "fz-zf", Name: "行政执法",
		Path: "法治政府/行政执法", Type: "complaint", UnitID: unitA, Active: true}); err != nil {
		t.Fatal(err)
	}
	kept, err := app.Hotline.KeepFiles([]hotlinesvc.Upload{{Name: "现场.pdf", Size: int64(len(pdfBytes)),
		Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(pdfBytes)), nil }}})
	if err != nil {
		t.Fatal(err)
	}
	tk, err := app.Hotline.Receive(ctx, officeActor, hotlinesvc.Intake{ServiceCode: "fz-zf", Channel: "phone", Description: pageTicketA,
		Name: "张三", Phone: "13900001111", Files: kept})
	if err != nil {
		t.Fatal(err)
	}
	ids.ticket = tk.ID
	files, err := app.Store.TicketFiles(ctx, tk.ID)
	if err != nil || len(files) == 0 {
		t.Fatalf("ticket files %+v %v", files, err)
	}
	ids.ticketFile = files[0].ID
	pub, secret, err := app.Hotline.ReceivePublic(ctx, hotlinesvc.Intake{ServiceCode: "fz-zf", Channel: "web", Description: "公开受理的诉求",
		Name: "李四", Phone: "13900002222"})
	if err != nil {
		t.Fatal(err)
	}
	ids.publicTicket = fmt.Sprintf("/public/tickets/%d?k=%s", pub.ID, secret)
	req, err := app.FOIA.Receive(ctx, office, officeActor, foiasvc.Intake{Kind: string(foia.Person), Name: "冯亮", Phone: "13300002222",
		Channel: string(foia.InPerson), Content: "本市老旧小区改造名单"})
	if err != nil {
		t.Fatal(err)
	}
	ids.foia = req.Request.ID
	if _, err := app.FOIA.Reply(ctx, office, officeActor, ids.foia, foiasvc.ReplyInput{Type: foia.NotHeld, On: app.FOIA.Now()}); err != nil {
		t.Fatal(err)
	}
	preq, psecret, err := app.FOIA.ReceivePublic(ctx, foiasvc.Intake{Kind: string(foia.Person), Name: "陈静", Email: "chen@example.cn",
		Channel: string(foia.Online), Content: "某道路工程招标文件"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := app.FOIA.Reply(ctx, office, officeActor, preq.Request.ID, foiasvc.ReplyInput{Type: foia.NotHeld, On: app.FOIA.Now()}); err != nil {
		t.Fatal(err)
	}
	ids.publicFOIA = fmt.Sprintf("/public/foia/%d?k=%s", preq.Request.ID, psecret)
	inc, err := app.Incidents.Report(ctx, office, officeActor, records.Incident{Title: pageIncidentA, Level: string(emergency.Major),
		OccurredAt: app.Incidents.Now().Add(-time.Hour), UnitID: unitA})
	if err != nil {
		t.Fatal(err)
	}
	ids.incident = inc.ID
	mt, err := app.Matters.Create(ctx, office, officeActor, records.MatterInput{Kind: "instruction", Title: "甲单位批示事项",
		SourceText: "请法制办研究。", Leader: "张市长", ReportBack: true, Units: []records.UnitLink{{UnitID: unitA}}, Deadline: "12月20日前"})
	if err != nil {
		t.Fatal(err)
	}
	ids.matter = mt.ID
	if _, err := app.Assess.AddRecord(ctx, office, officeActor, records.AssessRecord{UnitID: unitA, Kind: "highlight", Title: pageRecordA,
		On: "2026-03-10"}); err != nil {
		t.Fatal(err)
	}
	if _, err := app.Calendar.Correct(ctx, office, officeActor, "local", "市政府通知", "2026-06-15", "off", "地方节日"); err != nil {
		t.Fatal(err)
	}
	changes, err := app.Store.CalendarChanges(ctx, 1)
	if err != nil || len(changes) == 0 {
		t.Fatalf("calendar changes %v %v", changes, err)
	}
	ids.change = changes[0].ID
	// Tasks of unit A's alone, due in 2026's first quarter: A is
	// assessed then (three tasks at least).
	var tasks []plandoc.Task
	for i := range 3 {
		tasks = append(tasks, plandoc.Task{Path: []string{fmt.Sprint(i + 1)}, Title: fmt.Sprintf("%s%d", pageTaskA, i+1),
			Units: []string{"市法制办"}, LeadUnits: []string{"市法制办"}, Deadlines: []plandoc.Deadline{{Text: "3月底前", Due: "2026-03-31"}}})
	}
	if _, _, err := app.Store.ImportPlan(ctx, records.PlanImport{SourceName: "a.txt", SourceSHA256: strings.Repeat("e", 64), Format: "text",
		Plan: &plandoc.Plan{Title: "甲单位方案", Year: 2026, Tasks: tasks}}); err != nil {
		t.Fatal(err)
	}
	// The live plan of newLedgerIDs, published on the portal.
	task, err := app.Store.FindTaskByID(ctx, ids.report)
	if err != nil {
		t.Fatal(err)
	}
	ids.plan = task.PlanID
	if err := app.Store.PublishPlan(ctx, audit.System, ids.plan, true); err != nil {
		t.Fatal(err)
	}
	seedInspections(t, app, unitA)
	seedRandom(t, app, unitA)
	seedProposals(t, app, unitA, true)
	seedDecisions(t, app, unitA)
	return ids
}
