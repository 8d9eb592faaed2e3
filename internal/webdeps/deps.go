package webdeps

import (
	"time"

	"github.com/duban/duban/internal/services"
	"github.com/duban/duban/internal/web"
	"github.com/duban/duban/internal/workday"
)

// Deps holds the services cli built and what only the pages need; Web
// gives the pages their Deps.
type Deps struct {
	*services.Services
	// NoticeTemplate is the 督办通知书 .docx template; nil uses the
	// default. NoticeIssuer signs it.
	NoticeTemplate []byte
	NoticeIssuer   string
}

// Web returns the web.Deps backed by d.
func (d *Deps) Web() web.Deps {
	wd := web.Deps{
		Auth:     &Auth{Signin: d.Signin},
		TOTP:     &TOTP{Signin: d.Signin},
		Setup:    &setup{d},
		Users:    &users{d},
		Password: &password{d},
		Units:    &unitService{d},
		Registry: &registry{d},
		Audit:    &auditLog{d},
		Now:      d.Signin.Now,
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
	if d.Matters != nil && d.Ledger != nil {
		wd.Matters = &matters{d}
	}
	if d.Decisions != nil && d.Commitments != nil && d.Ledger != nil {
		wd.Decisions = &decisions{d}
	}
	if d.Incidents != nil {
		wd.Incidents = &incidents{d}
	}
	if d.Inspections != nil {
		wd.Inspections = &inspections{d}
	}
	if d.Random != nil {
		wd.Random = &random{d}
	}
	if d.Proposals != nil {
		wd.Proposals = &proposals{d}
	}
	if d.FOIA != nil {
		wd.Disclosure = &disclosure{d}
	}
	if d.Calendar != nil {
		wd.Calendar = &calendarAdmin{d}
	}
	if d.Subtasks != nil && d.Ledger != nil {
		wd.Subtasks = &subtasks{d}
	}
	if d.Ledger != nil {
		wd.Plans = &plans{d}
		wd.Tasks = &tasks{d}
		if d.Changes != nil {
			wd.Changes = &changes{d}
		}
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
	return missingYears(d.Calendar.Current(), today)
}

func missingYears(cal *workday.Calendar, today time.Time) []int {
	to := today.Year()
	if today.Month() >= time.November {
		to++
	}
	return cal.MissingYears(today.Year(), to)
}
