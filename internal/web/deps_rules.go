package web

import (
	"context"
	"strings"
	"time"
)

// Rules are the supervision rules as the office sets them (督查规则): a
// default for every plan and a plan's own where it needs to be pressed
// harder or more gently.
type Rules interface {
	// List returns the default rules and every plan's own.
	List(ctx context.Context) (*RulesView, error)
	// Get returns the rules in force for a plan (0: the default) as a form.
	Get(ctx context.Context, planID int64) (*RulesForm, error)
	// Save stores a plan's own rules (0: the default). Rules that do not
	// hold are a *RulesInputError listing every problem.
	Save(ctx context.Context, planID int64, in RulesForm) error
	// Clear removes a plan's own rules: it follows the default again.
	Clear(ctx context.Context, planID int64) error
}

// RulesInputError lists every problem with submitted rules, as written.
type RulesInputError struct{ Problems []string }

func (e *RulesInputError) Error() string { return "web: rules: " + strings.Join(e.Problems, "; ") }

// RulesView is the rules page's content.
type RulesView struct {
	Sets    []RuleSet    // the default first, then the plans with their own
	Others  []PlanOption // the plans that follow the default, to give one its own
	CanEdit bool
}

// PlanOption is a plan to choose.
type PlanOption struct {
	ID    int64
	Title string
}

// RuleSet is one set of rules as the page shows it.
type RuleSet struct {
	PlanID    int64  // 0: the default
	PlanTitle string // "" for the default
	Stored    bool   // set by the office (false: duban's built-in default)
	Remind    int
	Press     bool
	ReportDay int
	Ladder    []LevelView
	UpdatedBy string
	UpdatedAt time.Time
}

// LevelView is a ladder level as the page shows it.
type LevelView struct {
	Label          string
	After, Rectify int
}

// RulesForm is the edit form of one set of rules. Numbers stay text so
// that a refused form shows what was typed.
type RulesForm struct {
	PlanID    int64
	PlanTitle string
	Remind    string
	Press     bool
	ReportDay string
	Levels    []LevelForm
	Problems  []string
}

// LevelForm is one ladder level of the form; Name is its stable code,
// kept hidden, so that renaming a level does not start its count anew.
type LevelForm struct {
	Name, Label, After, Rectify string
}
