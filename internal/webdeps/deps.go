package webdeps

import (
	"context"
	"time"

	"github.com/duban/duban/internal/assesssvc"
	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/auth"
	"github.com/duban/duban/internal/calendarsvc"
	"github.com/duban/duban/internal/emergencysvc"
	"github.com/duban/duban/internal/files"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/hotlinesvc"
	"github.com/duban/duban/internal/intakesvc"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/signin"
	"github.com/duban/duban/internal/store"
	"github.com/duban/duban/internal/supervise"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// Deps holds what the services need; Web gives the pages their Deps.
type Deps struct {
	Store  *store.DB
	Signin *signin.Service
	Policy auth.Policy
	// Ledger reads the ledger (statuses, reviews, task pages, workspaces);
	// the API is handed the same one, so both say the same. Nil leaves the
	// ledger's pages out.
	Ledger *ledgersvc.Service
	// Intake takes plans in and runs their review, for the pages as for
	// the API: the one cli builds, required with Ledger.
	Intake *intakesvc.Service
	// Files keeps attachments; nil refuses uploads and downloads.
	Files *files.Store
	// Calendar explains on a task's page why a supervision step fell on
	// its working day; nil shows the steps without the explanation.
	Calendar workday.Source
	// CalendarAdmin changes the calendar at run time (the 日历 page); nil
	// leaves the page out.
	CalendarAdmin *calendarsvc.Service
	// NoticeTemplate is the 督办通知书 .docx template; nil uses the
	// default. NoticeIssuer signs it.
	NoticeTemplate []byte
	NoticeIssuer   string
	// Hotline runs 12345; nil leaves the tickets out.
	Hotline *hotlinesvc.Service
	// Incidents keeps the major incidents' disclosure clocks; nil leaves
	// them out.
	Incidents *emergencysvc.Service
	// FOIA runs 依申请公开; nil leaves the information requests out.
	FOIA *foiasvc.Service
	// Assess computes the scores; nil leaves 考核 out.
	Assess *assesssvc.Service
	// RulesBase are the built-in supervision rules, which the office's
	// stored rules override; the 督查规则 page shows and edits them.
	RulesBase supervise.Rules
	// Supervisor issues the office's 督办单 by hand; nil offers no such
	// action.
	Supervisor Supervisor
}

// Supervisor issues a 督办单 by hand (the scheduler does).
type Supervisor interface {
	Issue(ctx context.Context, actor audit.Actor, taskID int64) (supervise.Event, error)
}

// Web returns the web.Deps backed by d.
func (d *Deps) Web() web.Deps {
	wd := web.Deps{
		Auth:  &Auth{Signin: d.Signin},
		Setup: &setup{d},
		Users: &users{d},
		Units: &unitService{d},
		Audit: &auditLog{d},
		Now:   d.Signin.Now,
	}
	if d.Calendar != nil {
		wd.MissingCalendarYears = d.missingCalendarYears
	}
	if d.Assess != nil {
		wd.Assessment = &assessment{d}
	}
	if d.Hotline != nil {
		wd.Hotline = &tickets{d}
	}
	if d.Incidents != nil {
		wd.Incidents = &incidents{d}
	}
	if d.FOIA != nil {
		wd.Disclosure = &disclosure{d}
	}
	if d.CalendarAdmin != nil {
		wd.Calendar = &calendarAdmin{d}
	}
	if d.Ledger != nil {
		wd.Plans = &plans{d}
		wd.Tasks = &tasks{d}
		wd.Inbox = &inbox{d}
		wd.Desk = &desk{d}
		wd.Rules = &rulesAdmin{d}
		wd.Dashboard = &dashboard{d}
		wd.Portal = &publicPortal{d}
	}
	return wd
}

// missingCalendarYears is this year, if its schedule is missing, and from
// November on next year too: the State Council publishes the next year's
// holidays in late autumn, so asking earlier would only cry wolf.
func (d *Deps) missingCalendarYears(today time.Time) []int {
	to := today.Year()
	if today.Month() >= time.November {
		to++
	}
	return d.Calendar.Current().MissingYears(today.Year(), to)
}
