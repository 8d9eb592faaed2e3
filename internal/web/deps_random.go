package web

import (
	"context"

	"github.com/duban/duban/internal/randomsvc"
	"github.com/duban/duban/internal/records"
)

// Random is 双随机一公开: the directories, the 抽查计划 with their
// commitments, the draw and the results, and the public page.
type Random interface {
	// Desk is the office's page: statistics, directories, plans and the
	// forms for each.
	Desk(ctx context.Context) (*RandomDeskView, error)
	// Import adds the 检查对象 of a .csv or .xlsx; it returns the rows read
	// and how many were new.
	Import(ctx context.Context, file Upload) (*randomsvc.ImportReport, error)
	// ImportInspectors adds or updates the 执法检查人员 of a .csv or .xlsx.
	ImportInspectors(ctx context.Context, file Upload) (*randomsvc.ImportReport, error)
	AddInspector(ctx context.Context, in RandomInspectorForm) error
	// AddMatter adds an entry to a department's 抽查事项清单.
	AddMatter(ctx context.Context, in RandomMatterForm) error
	CreatePlan(ctx context.Context, in RandomPlanForm) (int64, error)
	// Plan is a plan's page with its checks and the forms to draw and to
	// enter results.
	Plan(ctx context.Context, id int64) (*RandomPlanView, error)
	Draw(ctx context.Context, id int64) error
	// EnterResult records a check's result and returns its plan.
	EnterResult(ctx context.Context, check int64, in randomsvc.ResultInput) (int64, error)
	// Public is the portal's page, signed out.
	Public(ctx context.Context) (*RandomPublicView, error)
}

// RandomInspectorForm is the form to add an inspector.
type RandomInspectorForm struct {
	Name, Cert, UnitName, Qualifications, Areas, Ties string
}

// RandomPlanForm is the form to create a plan.
type RandomPlanForm struct {
	Unit, Joint, Title, Year, Matter, MatterID, Count, Ratio, Types, Areas, Grades, WeightC, WeightD, TeamSize, Qualifications, PublishDays string
	MatchArea, AvoidLast                                                                                                                    bool
}

// RandomDeskView is the office's 双随机 page.
type RandomDeskView struct {
	CanEdit    bool
	Total      int
	Grades     []Option // grade → count, as "A: 12"
	Inspectors []records.RandomInspector
	Plans      []records.RandomPlan
	Stats      []randomsvc.Stat
	Units      []Option
	Year       int
	// Matters are the departments' 抽查事项清单 entries.
	Matters []RandomMatterRow
}

// RandomMatterRow is an entry of a 抽查事项清单 with its department's name.
type RandomMatterRow struct {
	records.RandomMatter
	Unit string
}

// RandomMatterForm is the form to add to a 抽查事项清单.
type RandomMatterForm struct {
	Unit, Name, ObjectType, Basis, Method string
}

// RandomPlanView is a plan's page.
type RandomPlanView struct {
	*randomsvc.Plan
	CanEdit    bool
	Categories []Option
	Today      string
}

// RandomPublicView is /public/random.
type RandomPublicView struct {
	Plans      []randomsvc.PublicPlan
	Stats      []randomsvc.Stat
	Categories map[string]string // category → its label
}
