package webdeps

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"

	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/portal"
	"github.com/duban/duban/internal/web"
)

// publicPortal is the portal over the published plans. It checks no user:
// everything it returns is public, and only that — no report text, no
// attachment, no person's name (the 责任人 field is left out).
type publicPortal struct{ d *Deps }

// maxResults bounds a search's answer.
const maxResults = 100

func (s *publicPortal) Home(ctx context.Context, q string) (*web.PortalHome, error) {
	plans, err := s.d.Store.FindPlans(ctx)
	if err != nil {
		return nil, err
	}
	v := &web.PortalHome{Q: q}
	for _, p := range plans {
		if p.PublishedAt == nil {
			continue
		}
		row := planRow(p)
		if row.Closed, err = s.closed(ctx, p.ID); err != nil {
			return nil, err
		}
		v.Plans = append(v.Plans, row)
	}
	if q != "" {
		tasks, total, err := s.d.Store.FindTasks(ctx, records.TaskFilter{Published: true, Registered: true, Q: q, Limit: maxResults})
		if err != nil {
			return nil, err
		}
		for i := range tasks {
			v.Results = append(v.Results, s.row(i18n.FromContext(ctx), s.d.Ledger.View(&tasks[i])))
		}
		v.More = total > len(tasks)
	}
	return v, nil
}

// closed is how many of a plan's tasks are closed (销号).
func (s *publicPortal) closed(ctx context.Context, plan int64) (int, error) {
	_, n, err := s.d.Store.FindTasks(ctx, records.TaskFilter{PlanID: plan, Status: ledger.StatusClosed, Limit: 1})
	return n, err
}

func planRow(p records.Plan) web.PortalPlanRow {
	return web.PortalPlanRow{ID: p.ID, Title: p.Title, DocNumber: p.DocNumber, Issuer: p.Issuer, Tasks: p.TaskCount, Published: *p.PublishedAt}
}

// published is a plan on the portal, or not found — a plan not published
// does not exist for the public.
func (s *publicPortal) published(ctx context.Context, id int64) (*records.Plan, error) {
	p, err := s.d.Store.FindPlanByID(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	if p.PublishedAt == nil {
		return nil, web.ErrNotFound
	}
	return p, nil
}

func (s *publicPortal) row(loc i18n.Localizer, t ledgersvc.Task) web.PortalTaskRow {
	return web.PortalTaskRow{ID: t.ID, PlanID: t.PlanID, Path: strings.Join(t.Path, "."), Title: t.Title, Units: unitNames(loc, t),
		Due: t.Due, Status: t.LedgerStatus, Light: t.Light, Percent: t.Percent}
}

// unitNames writes a task's units, lead first: 市法制办（牵头）、市财政局.
// The open data files are in zh-CN whatever the reader's language.
func unitNames(loc i18n.Localizer, t ledgersvc.Task) string {
	lead := map[string]bool{}
	for _, u := range t.LeadUnits {
		lead[u] = true
	}
	var first, rest []string
	for _, u := range t.Units {
		if lead[u] {
			first = append(first, loc.T("units.lead_suffix", "unit", u))
		} else {
			rest = append(rest, u)
		}
	}
	return strings.Join(append(first, rest...), loc.T("units.list_sep"))
}

func (s *publicPortal) Plan(ctx context.Context, id int64) (*web.PortalPlan, error) {
	p, err := s.published(ctx, id)
	if err != nil {
		return nil, err
	}
	closed, err := s.d.Store.ClosedDays(ctx, id)
	if err != nil {
		return nil, err
	}
	v := &web.PortalPlan{PortalPlanRow: planRow(*p), IssuedOn: p.IssuedOn}
	var stats []portal.Task
	for i := range p.Tasks {
		t := s.d.Ledger.View(&p.Tasks[i])
		if t.Workflow == "draft" {
			continue
		}
		v.Tasks = append(v.Tasks, s.row(i18n.FromContext(ctx), t))
		if t.LedgerStatus == "closed" {
			v.Closed++
		}
		if t.Light == "red" {
			v.Overdue++
		}
		due, _ := time.Parse(time.DateOnly, t.Due)
		stats = append(stats, portal.Task{Units: t.Units, Due: due, Done: closed[t.ID]})
	}
	v.Units = portal.UnitStats(stats, s.d.Ledger.Today())
	return v, nil
}

func (s *publicPortal) task(ctx context.Context, id int64) (*records.Task, *records.Plan, error) {
	t, err := s.d.Store.FindTaskByID(ctx, id)
	if err != nil {
		return nil, nil, pageError(err, "", "")
	}
	p, err := s.published(ctx, t.PlanID)
	if err != nil || t.Status == "draft" {
		return nil, nil, web.ErrNotFound
	}
	return t, p, nil
}

func (s *publicPortal) Task(ctx context.Context, id int64) (*web.PortalTask, error) {
	st, p, err := s.task(ctx, id)
	if err != nil {
		return nil, err
	}
	t := s.d.Ledger.View(st)
	v := &web.PortalTask{PortalTaskRow: s.row(i18n.FromContext(ctx), t), PlanTitle: p.Title, Text: t.Text}
	for i, m := range t.Milestones {
		v.Milestones = append(v.Milestones, web.PortalMilestone{Text: m.Text, Due: m.Due, Done: i < len(t.MilestoneDone) && t.MilestoneDone[i] != nil})
	}
	events, err := s.d.Store.FindTaskEvents(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, e := range events {
		if e.Kind != records.EventEdited { // the office's edits are its own business
			v.History = append(v.History, web.PortalStep{At: e.At, Kind: e.Kind})
		}
	}
	return v, nil
}

// openTask is one task of the open data: what the portal shows, nothing
// more.
type openTask struct {
	ID      int64    `json:"id"`
	Plan    string   `json:"plan"`
	Path    string   `json:"path"`
	Title   string   `json:"title"`
	Units   string   `json:"units"`
	Due     string   `json:"due"`
	Status  string   `json:"status"`
	Percent *float64 `json:"percent"`
}

func (s *publicPortal) Data(ctx context.Context, format string) (*web.Download, error) {
	plans, err := s.d.Store.FindPlans(ctx)
	if err != nil {
		return nil, err
	}
	titles := map[int64]string{}
	for _, p := range plans {
		if p.PublishedAt != nil {
			titles[p.ID] = p.Title
		}
	}
	var rows []openTask
	for offset := 0; ; offset += 500 {
		tasks, total, err := s.d.Store.FindTasks(ctx, records.TaskFilter{Published: true, Registered: true, Limit: 500, Offset: offset})
		if err != nil {
			return nil, err
		}
		for i := range tasks {
			t := s.d.Ledger.View(&tasks[i])
			rows = append(rows, openTask{ID: t.ID, Plan: titles[t.PlanID], Path: strings.Join(t.Path, "."), Title: t.Title,
				Units: unitNames(i18n.New(i18n.ZhCN), t), Due: t.Due, Status: t.StatusLabel, Percent: t.Percent})
		}
		if offset+len(tasks) >= total {
			break
		}
	}
	var buf bytes.Buffer
	switch format {
	case "json":
		if rows == nil {
			rows = []openTask{}
		}
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return nil, err
		}
		return &web.Download{Filename: "tasks.json", ContentType: "application/json; charset=utf-8", ModTime: s.d.Ledger.Now(),
			Body: nopSeekCloser{bytes.NewReader(buf.Bytes())}}, nil
	case "csv":
		buf.WriteString("\ufeff") // Excel opens UTF-8 CSV as such only with the BOM
		w := csv.NewWriter(&buf)
		w.Write([]string{"任务编号", "方案", "序号", "任务", "责任单位", "时限", "状态", "完成比例"})
		for _, r := range rows {
			pct := ""
			if r.Percent != nil {
				pct = fmt.Sprintf("%g%%", *r.Percent)
			}
			w.Write([]string{fmt.Sprint(r.ID), r.Plan, r.Path, safeCell(r.Title), r.Units, r.Due, r.Status, pct})
		}
		w.Flush()
		return &web.Download{Filename: "tasks.csv", ContentType: "text/csv; charset=utf-8", ModTime: s.d.Ledger.Now(),
			Body: nopSeekCloser{bytes.NewReader(buf.Bytes())}}, nil
	}
	return nil, web.ErrNotFound
}

// safeCell keeps a spreadsheet from reading a cell as a formula.
func safeCell(v string) string {
	if v != "" && strings.ContainsRune("=+-@", rune(v[0])) {
		return "'" + v
	}
	return v
}

// atom is the feed of a task's steps (RFC 4287).
type atom struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Link    atomLink    `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
}

func (s *publicPortal) Feed(ctx context.Context, id int64) (*web.Download, error) {
	v, err := s.Task(ctx, id)
	if err != nil {
		return nil, err
	}
	page := fmt.Sprintf("/public/tasks/%d", id)
	f := atom{Title: v.Title, ID: "urn:duban:task:" + fmt.Sprint(id), Link: atomLink{Href: page}, Updated: time.Unix(0, 0).UTC().Format(time.RFC3339)}
	for i := len(v.History) - 1; i >= 0; i-- {
		h := v.History[i]
		f.Entries = append(f.Entries, atomEntry{Title: eventTitle(h.Kind), ID: fmt.Sprintf("urn:duban:task:%d:%d", id, i),
			Updated: h.At.UTC().Format(time.RFC3339), Link: atomLink{Href: page}})
		if u := h.At.UTC().Format(time.RFC3339); u > f.Updated {
			f.Updated = u
		}
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if err := xml.NewEncoder(&buf).Encode(f); err != nil {
		return nil, err
	}
	return &web.Download{Filename: fmt.Sprintf("task-%d.xml", id), ContentType: "application/atom+xml; charset=utf-8", ModTime: s.d.Ledger.Now(),
		Body: nopSeekCloser{bytes.NewReader(buf.Bytes())}}, nil
}

// eventTitle names a step of the history in the feed.
func eventTitle(kind string) string {
	return map[string]string{records.EventRegistered: "任务挂号", records.EventProgress: "报送进展", records.EventCloseRequest: "申请销号",
		records.EventClosed: "销号", records.EventReturned: "销号申请退回", records.EventAnswer: "整改反馈"}[kind]
}
