package web

import (
	"context"
	"time"

	"github.com/duban/duban/internal/bulletin"
)

// Assessment is 考核: the scores and rankings, each unit's explanation,
// the scoring scheme the office edits and publishes, its public statement,
// and the 激励/问责 records.
type Assessment interface {
	// Ranking is a period's ranking ("2026-Q1"; "" for the current
	// quarter), of a unit group's members only when group is its id ("":
	// every unit).
	Ranking(ctx context.Context, period, group string) (*RankingView, error)
	// Unit is one unit's score for the period, line by line, with its
	// records and its monthly history through the period's year.
	Unit(ctx context.Context, unitID int64, period string) (*UnitScoreView, error)
	// Scheme is the office's scheme form: the draft, else the scheme in
	// force, with the formula it reads as and the published versions.
	Scheme(ctx context.Context) (*SchemeView, error)
	// SaveScheme keeps the form as the draft; problems come back as a
	// *RulesInputError.
	SaveScheme(ctx context.Context, fields map[string]string) error
	// PublishScheme puts the draft in force.
	PublishScheme(ctx context.Context) error
	// Formula is the scheme in force in plain Chinese, for everyone.
	Formula(ctx context.Context) (*FormulaView, error)
	// Bulletin is the period's 通报 with its charts, of a unit group's
	// members only when group is its id.
	Bulletin(ctx context.Context, period, group string) (*BulletinView, error)
	// BulletinFile is the 通报 as .docx or its detail as .xlsx (format
	// "docx" or "xlsx").
	BulletinFile(ctx context.Context, period, group, format string) (*Download, error)
	// Records lists the 激励/问责 records; AddRecord and RevokeRecord
	// change them (the office).
	Records(ctx context.Context) (*RecordsView, error)
	AddRecord(ctx context.Context, in RecordForm) (int64, error)
	RevokeRecord(ctx context.Context, id int64, reason string) error
}

// RankingView is the ranking page's content.
type RankingView struct {
	Period    string // the key: 2026-Q1
	Label     string // 2026年第一季度
	AsOf      time.Time
	Periods   []Option // to choose another period
	Groups    []Option // to choose a unit group; none when there are none
	Group     string   // the group chosen (its id), "" for every unit
	GroupName string
	Scheme    string  // the scheme's name
	Default   bool    // duban's default scheme (none published)
	Full      float64 // full marks without bonuses
	MinTasks  int
	Rows      []RankRow
	CanEdit   bool // the office: scheme and records
}

// RankRow is one unit's line of the ranking.
type RankRow struct {
	UnitID                                         int64
	Unit                                           string
	Rank                                           int // 0: not ranked
	Tasks                                          int
	KeyWork, Daily, Incentive, Satisfaction, Total float64
	// CanOpen: the reader may open the unit's explanation (a liaison only
	// their own units'), so the ranking links it.
	CanOpen bool
}

// UnitScoreView is a unit's explanation page.
type UnitScoreView struct {
	RankRow
	Period, Label string
	Periods       []Option
	Parts         []ScorePart
	History       []HistoryPoint // the months of the period's year, so far
	Records       []RecordView
	CanEdit       bool
	// Hotline is the unit's 12345 三率 for the period, the source of its
	// satisfaction score; nil when the hotline is not wired.
	Hotline *HotlineRates
}

// HotlineRates are a unit's 三率 over the tickets routed to it in a
// period: signed for in time of all (响应率), and solved and satisfied of
// those visited (解决率, 满意率), each 0–1.
type HotlineRates struct {
	Tickets, OnTime, Visited, Solved, Liked int
	Response, Resolution, Satisfaction      float64
}

// ScorePart is one part of a score with its lines.
type ScorePart struct {
	Label  string // 重点攻坚考绩
	Points float64
	Lines  []ScoreLine
}

// ScoreLine is one contribution, linked to its task where it has one.
type ScoreLine struct {
	TaskID int64
	Points float64
	Text   string
}

// HistoryPoint is a unit's total for one month.
type HistoryPoint struct {
	Period string
	Label  string
	Total  float64
	Rank   int
}

// SchemeView is the scheme's edit page.
type SchemeView struct {
	Fields    []SchemeField
	Formula   []string // the form's scheme in plain Chinese
	Draft     bool     // the form shows an unpublished draft
	SavedBy   string
	SavedAt   time.Time
	Published *time.Time // the version in force, nil when none
	Problems  []string
}

// SchemeField is one number of the scheme form.
type SchemeField struct {
	Key, Label, Hint, Value, Group string
}

// FormulaView is the public statement of the scheme.
type FormulaView struct {
	Name      string
	Lines     []string
	Published *time.Time // nil: duban's default, not yet published by the office
}

// RecordsView is the 激励/问责 page.
type RecordsView struct {
	Records []RecordView
	Units   []Option
	CanEdit bool
	Form    RecordForm
}

// RecordView is one record as shown.
type RecordView struct {
	ID                           int64
	UnitID                       int64
	Unit, Kind, KindLabel, Title string
	On, Basis, Text              string
	Tasks                        []int64
	Notices                      []string
	CreatedBy                    string
	Revoked                      bool
	RevokedBy, RevokeReason      string
}

// RecordForm is the new-record form.
type RecordForm struct {
	UnitID                       int64
	Kind, Title, On, Basis, Text string
	Tasks, Notices               string // numbers and keys, separated by commas or spaces
	Problems                     []string
}

// BulletinView is the 通报 page: the bulletin, the charts drawn from it
// and the periods to choose.
type BulletinView struct {
	*bulletin.Bulletin
	Period  string
	Periods []Option
	Groups  []Option // as RankingView's
	Group   string
	Charts  []Chart
}

// Chart is one chart of a page: its title, and its data as JSON in the
// form static/charts.js draws (kind, x, series, unit, horizontal).
type Chart struct {
	ID, Title, Spec string
	// Empty, when set, says that the chart has nothing to show yet; the
	// page prints it under the drawn axes (and without scripts).
	Empty string
}
