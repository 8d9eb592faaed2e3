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
	// Warnings say what the parse did not read or could not settle, so
	// that a person reviewing the draft knows where to look.
	Warnings []Warning `json:"warnings"`
	// Headings are the numbered items of the body that group tasks (二、主要任务,
	// （一）加强党的建设), by path, so that a listing can show the chapters
	// and sections the tasks' paths pass through. They are not part of
	// the plan-json document: the tasks' paths are.
	Headings []Heading `json:"-"`
}

// Heading is a numbered item that holds tasks: its numbering path and
// its text (the heading without its label).
type Heading struct {
	Path  []string
	Title string
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

// Warning is one thing the parse did not read or could not settle: a part
// of the document that gave no task (Line and Excerpt locate it) or a task
// that lacks something (Path names it).
type Warning struct {
	Kind    string   `json:"kind"`              // one of the Warn… kinds
	Line    int      `json:"line,omitempty"`    // 1-based line of docread.Text(doc) where the part starts
	Path    []string `json:"path,omitempty"`    // the task concerned
	Excerpt string   `json:"excerpt,omitempty"` // the part's first characters, as written
}

// Kinds of Warning. The first four are about the document and are known
// only at parse time; the last three are about the task list and are
// recomputed by CheckTasks after every review edit.
const (
	WarnUnreadAnnex     = "unread_annex"     // an annex (附件) that gave no task
	WarnUnreadTable     = "unread_table"     // a table, or a table pasted as text, that gave no task
	WarnUnreadParagraph = "unread_paragraph" // a long paragraph naming responsibilities that is in no task
	WarnNoTasks         = "no_tasks"         // the document gave no task at all
	WarnNoUnit          = "no_unit"          // a task with no responsible unit
	WarnNoDeadline      = "no_deadline"      // a task with no deadline or cadence
	WarnDuplicatePath   = "duplicate_path"   // two tasks with the same numbering path
)

// TaskWarning reports whether kind is about the task list (recomputed by
// CheckTasks) rather than about the document.
func TaskWarning(kind string) bool {
	return kind == WarnNoUnit || kind == WarnNoDeadline || kind == WarnDuplicatePath
}
