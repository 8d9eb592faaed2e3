package webdeps

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/store/storetest"
	"github.com/duban/duban/internal/web"
)

// TestPortal: a plan is public only once published, and only what the
// public may see comes out: tasks, dates, percentages and the units'
// records — never a report's text nor the 责任人 — in the pages, the
// search, the open data and the feed.
func TestPortal(t *testing.T) {
	for _, kind := range storetest.Kinds() {
		t.Run(kind, func(t *testing.T) {
			d, office := ledgerDeps(t, kind) // today is 2026-03-02
			u, err := d.Store.CreateUnit(office, audit.System, records.UnitCreate{Name: "市法制办", Kind: records.UnitDepartment})
			if err != nil {
				t.Fatal(err)
			}
			due := []plandoc.Deadline{{Text: "2月底前", Due: "2026-02-27"}}
			id, _, err := d.Store.ImportPlan(office, records.PlanImport{SourceName: "p.txt", SourceSHA256: strings.Repeat("c", 64), Format: "text",
				Plan: &plandoc.Plan{Title: "法治政府建设方案", Issuer: "嘉兴市人民政府", Tasks: []plandoc.Task{
					{Path: []string{"1"}, Title: "建设政务热线", Text: "整合热线。", Units: []string{"市法制办"}, Deadlines: due},
					{Path: []string{"2"}, Title: "=HYPERLINK(\"x\")", Units: []string{"市法制办"}}}}})
			if err != nil {
				t.Fatal(err)
			}
			tasks, _, _ := d.Store.FindTasks(office, records.TaskFilter{PlanID: id})
			owner := "王局长"
			if _, err := d.Store.UpdateTask(office, audit.System, tasks[0].ID, records.TaskUpdate{Owner: &owner}); err != nil {
				t.Fatal(err)
			}
			lu, err := d.Store.CreateUser(office, audit.System, records.UserCreate{Username: "fzb", PasswordHash: "x", Role: authz.Liaison, Units: []int64{u.ID}})
			if err != nil {
				t.Fatal(err)
			}
			pct := 40.0
			if _, err := d.Store.AddProgress(office, audit.Actor{ID: lu.ID, Username: lu.Username}, tasks[0].ID,
				records.ProgressInput{UnitID: u.ID, Text: "联系人张三 13900001111", Percent: &pct}); err != nil {
				t.Fatal(err)
			}
			p := d.Web().Portal
			anon := context.Background()
			if h, err := p.Home(anon, ""); err != nil || len(h.Plans) != 0 {
				t.Fatalf("before publishing: %+v %v", h, err)
			}
			if _, err := p.Plan(anon, id); !errors.Is(err, web.ErrNotFound) {
				t.Errorf("an unpublished plan: %v", err)
			}
			if err := d.Web().Plans.Publish(office, id, true, false); err != nil {
				t.Fatal(err)
			}
			h, err := p.Home(anon, "热线")
			if err != nil || len(h.Plans) != 1 || len(h.Results) != 1 || h.Results[0].Title != "建设政务热线" {
				t.Fatalf("home %+v %v", h, err)
			}
			pl, err := p.Plan(anon, id)
			if err != nil || len(pl.Tasks) != 2 || pl.Overdue != 1 || len(pl.Units) != 1 || pl.Units[0].Due != 1 || pl.Units[0].Completion != 0 {
				t.Fatalf("plan %+v %v", pl, err)
			}
			tk, err := p.Task(anon, tasks[0].ID)
			if err != nil || len(tk.History) != 2 || tk.History[1].Kind != "progress" || *tk.Percent != 40 {
				t.Fatalf("task %+v %v", tk, err)
			}
			read := func(dl *web.Download, err error) string {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
				b, _ := io.ReadAll(dl.Body)
				return string(b)
			}
			csv := read(p.Data(anon, "csv"))
			js := read(p.Data(anon, "json"))
			feed := read(p.Feed(anon, tasks[0].ID))
			for name, text := range map[string]string{"csv": csv, "json": js, "feed": feed} {
				if strings.Contains(text, "张三") || strings.Contains(text, "13900001111") || strings.Contains(text, "王局长") {
					t.Errorf("%s shows personal data:\n%s", name, text)
				}
			}
			if !strings.Contains(csv, "建设政务热线") || !strings.Contains(csv, "'=HYPERLINK") {
				t.Errorf("csv:\n%s", csv)
			}
			var rows []map[string]any
			if err := json.Unmarshal([]byte(js), &rows); err != nil || len(rows) != 2 || rows[0]["plan"] != "法治政府建设方案" {
				t.Errorf("json %v: %s", err, js)
			}
			var f struct {
				Entries []struct {
					Title string `xml:"title"`
				} `xml:"entry"`
			}
			if err := xml.Unmarshal([]byte(feed), &f); err != nil || len(f.Entries) != 2 || f.Entries[0].Title != "报送进展" {
				t.Errorf("feed %v: %s", err, feed)
			}
			if err := d.Web().Plans.Publish(office, id, false, false); err != nil {
				t.Fatal(err)
			}
			if _, err := p.Task(anon, tasks[0].ID); !errors.Is(err, web.ErrNotFound) {
				t.Errorf("a task of a withdrawn plan: %v", err)
			}
		})
	}
}
