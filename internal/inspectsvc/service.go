package inspectsvc

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/audit"
	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/fault"
	"github.com/duban/duban/internal/ledgersvc"
	"github.com/duban/duban/internal/records"
	"github.com/duban/duban/internal/workday"
)

// Service is the office's inspections desk.
type Service struct {
	Store Store
	// Ledger keeps the photos (its attachment rules) and shows tasks.
	Ledger *ledgersvc.Service
	// Open registers the 问题 task of a finding in the ledger and returns
	// its id; services.New wires it to the 督办件 service.
	Open func(ctx context.Context, p authz.Principal, actor audit.Actor, pr Problem) (int64, error)
	Now  func() time.Time
}

// Problem is the 问题 task a finding opens: the unit leads it, due by
// the rectification deadline.
type Problem struct {
	Title      string // the finding in short
	Text       string // the finding in full
	SourceText string // the inspection it came from: kind, title, day, place
	UnitID     int64
	Due        string // ISO date
}

// Kinds are the kinds of inspection, in the order forms offer them:
// 实地督查, 专项督查, 对账督查, 明察暗访.
var Kinds = []string{"field", "special", "reconcile", "covert"}

// Lengths, in characters, of what the office types.
const (
	MaxTitle = 200
	MaxShort = 500  // a place, the inspectors, the method
	MaxText  = 4000 // a summary, a finding, notes
	MaxNote  = 1000 // a 复查's note
)

// The states a finding shows in the 问题清单: being rectified, overdue,
// waiting for the office's 复查 (the unit applied for 销号), passed.
const (
	StatusRectifying = "rectifying"
	StatusOverdue    = "overdue"
	StatusPending    = "pending"
	StatusPassed     = "passed"
)

// Statuses lists the finding's states in the order filters offer them.
var Statuses = []string{StatusRectifying, StatusOverdue, StatusPending, StatusPassed}

// Finding is a finding as the 问题清单 shows it today.
type Finding struct {
	records.Finding
	Status string `json:"status"` // one of Statuses
}

// today is the civil date in China, ISO.
func (s *Service) today() string { return s.Now().In(workday.Zone).Format(time.DateOnly) }

// Today is the civil date in China, ISO: the day a 复查 defaults to.
func (s *Service) Today() string { return s.today() }

func (s *Service) view(f records.Finding) Finding {
	st := StatusRectifying
	switch {
	case f.State == records.FindingPassed:
		st = StatusPassed
	case f.TaskStatus == "pending" || f.TaskStatus == "closed":
		// The unit applied for 销号, or the office closed the task on
		// the ledger: the 复查 is what is left.
		st = StatusPending
	case f.Due < s.today():
		st = StatusOverdue
	}
	return Finding{Finding: f, Status: st}
}

// mayReadFinding reports whether p may read a finding addressed to unit:
// the office and leaders all, a liaison their units'.
func mayReadFinding(p authz.Principal, unit int64) bool {
	return authz.Can(p, authz.FindingRead, authz.Resource{Units: []int64{unit}})
}

func validKind(k string) bool { return slices.Contains(Kinds, k) }

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// text trims s and puts key at field when it is missing (required) or
// longer than max.
func text(bad *fault.Problems, field, key string, s *string, required bool, max int) {
	*s = strings.TrimSpace(*s)
	if (*s == "" && required) || utf8.RuneCountInString(*s) > max {
		bad.At(field, key)
	}
}

// unit checks that id is a unit of the registry that can answer for a
// problem (no group).
func (s *Service) unit(ctx context.Context, bad *fault.Problems, field string, id int64) error {
	u, err := s.Store.FindUnitByID(ctx, id)
	if err != nil && !errors.Is(err, fault.ErrNotFound) {
		return err
	}
	if id == 0 || err != nil || u.Kind == records.UnitGroup {
		bad.At(field, "inspection.error.unit")
	}
	return nil
}

// Units are the units a problem or a planned inspection may name: the
// registry's, but the groups.
func (s *Service) Units(ctx context.Context) ([]records.Unit, error) {
	units, err := s.Store.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(units, func(u records.Unit) bool { return u.Kind == records.UnitGroup }), nil
}
