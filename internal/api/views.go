package api

import (
	"time"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/ledger"
	"github.com/duban/duban/internal/plandoc"
	"github.com/duban/duban/internal/store"
)

// userView is an account as the API shows it: never a password hash.
type userView struct {
	ID          int64     `json:"id"`
	Username    string    `json:"username"`
	DisplayName string    `json:"display_name"`
	Role        string    `json:"role"`
	RoleLabel   string    `json:"role_label"`
	Units       []int64   `json:"units"`
	Disabled    bool      `json:"disabled"`
	Locked      bool      `json:"locked"`
	CreatedAt   time.Time `json:"created_at"`
}

func viewUser(u *store.User, now time.Time) userView {
	units := u.Units
	if units == nil {
		units = []int64{}
	}
	return userView{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: string(u.Role),
		RoleLabel: u.Role.Label(), Units: units, Disabled: u.Disabled, Locked: u.Locked(now), CreatedAt: u.CreatedAt}
}

// planView is a plan without its tasks, for lists.
type planView struct {
	ID         int64     `json:"id"`
	Title      string    `json:"title"`
	DocNumber  string    `json:"doc_number"`
	Issuer     string    `json:"issuer"`
	IssuedOn   string    `json:"issued_on"`
	Year       int       `json:"year"`
	SourceName string    `json:"source_name"`
	Format     string    `json:"format"`
	Status     string    `json:"status"` // draft or confirmed
	ImportedAt time.Time `json:"imported_at"`
	TaskCount  int       `json:"task_count"`
}

func viewPlan(p *store.Plan) planView {
	return planView{ID: p.ID, Title: p.Title, DocNumber: p.DocNumber, Issuer: p.Issuer, IssuedOn: p.IssuedOn,
		Year: p.Year, SourceName: p.SourceName, Format: p.Format, Status: p.Status, ImportedAt: p.ImportedAt, TaskCount: p.TaskCount}
}

// taskView is a task with its parts, the registry units it is linked to,
// and its status and light as the ledger reads them today.
type taskView struct {
	ID         int64               `json:"id"`
	PlanID     int64               `json:"plan_id"`
	Seq        int                 `json:"seq"`
	Status     string              `json:"status"`
	Path       []string            `json:"path"`
	Title      string              `json:"title"`
	Text       string              `json:"text"`
	LeadUnits  []string            `json:"lead_units"`
	Units      []string            `json:"units"`
	UnitIDs    []int64             `json:"unit_ids"`
	Deadlines  []plandoc.Deadline  `json:"deadlines"`
	Targets    []plandoc.Target    `json:"targets"`
	Milestones []plandoc.Milestone `json:"milestones"`
	Weight     *float64            `json:"weight,omitempty"`
	Optional   bool                `json:"optional"`

	Goal          string       `json:"goal"`
	Owner         string       `json:"owner"`
	Requirement   string       `json:"requirement"`
	Measure       string       `json:"measure"`
	Due           string       `json:"due"`
	NextDue       string       `json:"next_due"`
	Every         string       `json:"every"`
	Percent       *float64     `json:"percent,omitempty"`
	LastReportAt  *time.Time   `json:"last_report_at,omitempty"`
	MilestoneDone []*time.Time `json:"milestone_done"`
	Workflow      string       `json:"workflow"`
	LedgerStatus  string       `json:"ledger_status"`
	StatusLabel   string       `json:"status_label"`
	Light         string       `json:"light"`
}

func (h *Handler) viewTask(t *store.Task) taskView {
	ids := t.UnitIDs
	if ids == nil {
		ids = []int64{}
	}
	done := t.MilestoneDone
	if done == nil {
		done = []*time.Time{}
	}
	next, _ := time.Parse("2006-01-02", t.NextDue)
	status, light := ledger.Derive(ledger.Workflow(t.Status), next, h.today(), h.Calendar, h.Rules)
	return taskView{ID: t.ID, PlanID: t.PlanID, Seq: t.Seq, Status: string(status), Path: t.Path, Title: t.Title, Text: t.Text,
		LeadUnits: t.LeadUnits, Units: t.Units, UnitIDs: ids, Deadlines: t.Deadlines, Targets: t.Targets,
		Milestones: t.Milestones, Weight: t.Weight, Optional: t.Optional,
		Goal: t.Goal, Owner: t.Owner, Requirement: t.Requirement, Measure: t.Measure, Due: t.Due, NextDue: t.NextDue,
		Every: t.Every, Percent: t.Percent, LastReportAt: t.LastReportAt, MilestoneDone: done,
		Workflow: t.Status, LedgerStatus: string(status), StatusLabel: status.Label(), Light: string(light)}
}

// auditView is one audit entry.
type auditView struct {
	Seq        int64     `json:"seq"`
	At         time.Time `json:"at"`
	ActorID    int64     `json:"actor_id"`
	Actor      string    `json:"actor"`
	IP         string    `json:"ip"`
	Action     string    `json:"action"`
	ObjectType string    `json:"object_type"`
	ObjectID   string    `json:"object_id"`
	Before     string    `json:"before"`
	After      string    `json:"after"`
	Hash       string    `json:"hash"`
}

func viewAudit(e audit.Entry) auditView {
	return auditView{e.Seq, e.At, e.ActorID, e.Actor, e.IP, e.Action, e.ObjectType, e.ObjectID, e.Before, e.After, e.Hash}
}

// list is the envelope of every list response.
type list[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}
