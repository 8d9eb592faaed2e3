package plandoc

// Plan is a plan document turned into a structured task list. Its JSON form
// is the object of the plan-json specification (shared/spec/plan-json.md):
// `duban parse --json` prints it and the gold files are written in it.
type Plan struct {
	Title     string `json:"title"`
	DocNumber string `json:"doc_number"` // 文号 as written, "" when none
	Issuer    string `json:"issuer"`
	IssuedOn  string `json:"issued_on"` // ISO date, "" when none
	Year      int    `json:"year"`      // the year that dates without a year refer to
	Tasks     []Task `json:"tasks"`
}

// Task is one actionable numbered item: a leaf of the numbering tree or a
// row of an annexed task table.
type Task struct {
	Path       []string    `json:"path"` // normalised numbering labels from the top
	Title      string      `json:"title"`
	Text       string      `json:"text"`
	LeadUnits  []string    `json:"lead_units"`
	Units      []string    `json:"units"`
	Deadlines  []Deadline  `json:"deadlines"`
	Targets    []Target    `json:"targets"`
	Milestones []Milestone `json:"milestones"`
	Weight     *float64    `json:"weight,omitempty"`
	Optional   bool        `json:"optional"` // items outside the task chapters (保障措施)
}

// Deadline is a time expression that sets when a task (or part of it) must
// be done — Due is set — or how often it recurs — Every is set.
type Deadline struct {
	Text  string `json:"text"`
	Due   string `json:"due,omitempty"`   // ISO date: the last day of the period named
	Every string `json:"every,omitempty"` // year, half-year, quarter or month
}

// Cadences that Deadline.Every takes.
const (
	EveryYear     = "year"
	EveryHalfYear = "half-year"
	EveryQuarter  = "quarter"
	EveryMonth    = "month"
)

// Target is a quantitative goal: a number with its unit.
type Target struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

// Milestone is one dated progress step listed under a task.
type Milestone struct {
	Text string `json:"text"`
	Due  string `json:"due,omitempty"`
}
