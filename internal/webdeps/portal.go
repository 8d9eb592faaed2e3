package webdeps

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"github.com/duban/duban/internal/basepath"
	"strings"
	"time"

	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/portalsvc"
	"github.com/duban/duban/internal/web"
)

// publicPortal is the portal over portalsvc, which returns only what the
// public may see. It checks no user.
type publicPortal struct{ d *Deps }

func (s *publicPortal) Home(ctx context.Context, q string) (*web.PortalHome, error) {
	h, err := s.d.Portal.Home(ctx, q)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	loc := i18n.FromContext(ctx)
	v := &web.PortalHome{Q: q, More: h.More}
	for _, p := range h.Plans {
		v.Plans = append(v.Plans, planRow(p))
	}
	for _, t := range h.Results {
		v.Results = append(v.Results, taskRow(loc, t))
	}
	return v, nil
}

func planRow(p portalsvc.PlanRow) web.PortalPlanRow {
	return web.PortalPlanRow{ID: p.ID, Title: p.Title, DocNumber: p.DocNumber, Issuer: p.Issuer, Tasks: p.Tasks, Closed: p.Closed, Published: p.Published}
}

func taskRow(loc i18n.Localizer, t portalsvc.TaskRow) web.PortalTaskRow {
	return web.PortalTaskRow{ID: t.ID, PlanID: t.PlanID, Path: ledger.Numbering(t.Path), Title: t.Title, Units: unitNames(loc, t),
		Due: t.Due, Status: t.Status, Light: t.Light, Percent: t.Percent}
}

// unitNames writes a task's units, lead first: 市法制办（牵头）、市财政局.
func unitNames(loc i18n.Localizer, t portalsvc.TaskRow) string {
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
	p, err := s.d.Portal.Plan(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	loc := i18n.FromContext(ctx)
	v := &web.PortalPlan{PortalPlanRow: planRow(p.PlanRow), IssuedOn: p.IssuedOn, Units: p.Units, Overdue: p.Overdue}
	for _, t := range p.Rows {
		v.Tasks = append(v.Tasks, taskRow(loc, t))
	}
	return v, nil
}

func (s *publicPortal) Task(ctx context.Context, id int64) (*web.PortalTask, error) {
	t, err := s.d.Portal.Task(ctx, id)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	v := &web.PortalTask{PortalTaskRow: taskRow(i18n.FromContext(ctx), t.TaskRow), PlanTitle: t.PlanTitle, Text: t.Text}
	for _, m := range t.Milestones {
		v.Milestones = append(v.Milestones, web.PortalMilestone{Text: m.Text, Due: m.Due, Done: m.Done})
	}
	for _, h := range t.History {
		v.History = append(v.History, web.PortalStep{At: h.At, Kind: h.Kind})
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

// openColumns are the CSV's columns, named from the catalogue.
var openColumns = []string{"portal.csv.id", "portal.csv.plan", "portal.csv.path", "portal.csv.title", "portal.csv.units",
	"portal.csv.due", "portal.csv.status", "portal.csv.percent"}

// Data is the open data. The files are in zh-CN whatever the reader's
// language: a file is the same for everyone who downloads it.
func (s *publicPortal) Data(ctx context.Context, format string) (*web.Download, error) {
	if format != "json" && format != "csv" {
		return nil, web.ErrNotFound
	}
	list, err := s.d.Portal.OpenData(ctx)
	if err != nil {
		return nil, pageError(err, "", "")
	}
	zh := i18n.New(i18n.ZhCN)
	rows := make([]openTask, len(list))
	for i, t := range list {
		rows[i] = openTask{ID: t.ID, Plan: t.PlanTitle, Path: strings.Join(t.Path, "."), Title: t.Title,
			Units: unitNames(zh, t.TaskRow), Due: t.Due, Status: zh.T("ledger.status." + t.Status), Percent: t.Percent}
	}
	var buf bytes.Buffer
	if format == "json" {
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return nil, err
		}
		return &web.Download{Filename: "tasks.json", ContentType: "application/json; charset=utf-8", ModTime: s.d.Portal.Now(),
			Body: nopSeekCloser{bytes.NewReader(buf.Bytes())}}, nil
	}
	buf.WriteString("\ufeff") // Excel opens UTF-8 CSV as such only with the BOM
	w := csv.NewWriter(&buf)
	header := make([]string, len(openColumns))
	for i, k := range openColumns {
		header[i] = zh.T(k)
	}
	w.Write(header)
	for _, r := range rows {
		pct := ""
		if r.Percent != nil {
			pct = fmt.Sprintf("%g%%", *r.Percent)
		}
		w.Write([]string{fmt.Sprint(r.ID), r.Plan, r.Path, safeCell(r.Title), r.Units, r.Due, r.Status, pct})
	}
	w.Flush()
	return &web.Download{Filename: "tasks.csv", ContentType: "text/csv; charset=utf-8", ModTime: s.d.Portal.Now(),
		Body: nopSeekCloser{bytes.NewReader(buf.Bytes())}}, nil
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
	loc := i18n.FromContext(ctx)                                                   // the steps named as the task's page names them
	page := basepath.Join(basepath.From(ctx), fmt.Sprintf("/public/tasks/%d", id)) // under a proxy's sub-path too
	f := atom{Title: v.Title, ID: "urn:duban:task:" + fmt.Sprint(id), Link: atomLink{Href: page}, Updated: time.Unix(0, 0).UTC().Format(time.RFC3339)}
	for i := len(v.History) - 1; i >= 0; i-- {
		h := v.History[i]
		f.Entries = append(f.Entries, atomEntry{Title: loc.T("task.event." + h.Kind), ID: fmt.Sprintf("urn:duban:task:%d:%d", id, i),
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
	return &web.Download{Filename: fmt.Sprintf("task-%d.xml", id), ContentType: "application/atom+xml; charset=utf-8", ModTime: s.d.Portal.Now(),
		Body: nopSeekCloser{bytes.NewReader(buf.Bytes())}}, nil
}
