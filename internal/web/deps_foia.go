package web

import (
	"context"
	"time"
)

// Disclosure is 依申请公开: the disclosure office records requests and
// each step of their handling against the statutory clock, replies with
// a letter and counts the year for the annual report; the public files
// requests online and follows them.
type Disclosure interface {
	// List is the office's desk: open requests by deadline, then the
	// latest concluded.
	List(ctx context.Context) (*FOIAListView, error)
	// Get is a request with its clock and what the user may do next; the
	// applicant is masked for all but the office.
	Get(ctx context.Context, id int64) (*FOIAView, error)
	// Form is what the intake form offers.
	Form(ctx context.Context) *FOIAForm
	// MayIntake is nil when the caller records requests received at the
	// counter, by post or fax; ErrForbidden otherwise.
	MayIntake(ctx context.Context) error
	// FromTicket fills the intake form from a 12345 ticket redirected to
	// 依申请公开: the caller and what they asked.
	FromTicket(ctx context.Context, ticketID int64) (FOIAInput, error)
	// Intake records a request received by post, in person, by fax.
	Intake(ctx context.Context, in FOIAInput) (int64, error)
	// Act records a step or the reply; a refusal is a *RulesInputError.
	Act(ctx context.Context, id int64, a FOIAAction) error
	// Letter is the reply letter of a concluded request as a .docx.
	Letter(ctx context.Context, id int64) (*Download, error)
	// Report is the annual report's table of requests for a year;
	// ReportFile the same as .xlsx.
	Report(ctx context.Context, year int) (*FOIAReportView, error)
	ReportFile(ctx context.Context, year int) (*Download, error)
	// PublicReport is the table for the portal, without sign-in: the
	// annual report is public by law and holds counts only.
	PublicReport(ctx context.Context, year int) (*FOIAReportView, error)
	// File takes a request from the public form and returns it with the
	// secret of the applicant's follow link.
	File(ctx context.Context, in FOIAInput) (int64, string, error)
	// Follow is the applicant's view of their request; FollowLetter its
	// reply letter.
	Follow(ctx context.Context, id int64, secret string) (*PublicFOIA, error)
	FollowLetter(ctx context.Context, id int64, secret string) (*Download, error)
}

// FOIAInput is the intake form.
type FOIAInput struct {
	Kind, Name, IDNo, Phone, Email, Address string
	Channel, Received                       string
	Content, Form                           string
	Problems                                []string
}

// FOIAAction is a step or the reply on a request's page.
type FOIAAction struct {
	Kind         string // a step kind, or "reply"
	On           string // YYYY-MM-DD; "" is today
	Days         int
	Pages, Count int
	Note         string
	Reply        string
	Ground       int // 1-based ground of 不予公开
	Text         string
}

// FOIAForm is what the intake form offers.
type FOIAForm struct {
	Kinds, Channels []Option
	FOIAInput
}

// FOIARow is a request in a list.
type FOIARow struct {
	ID         int64
	Applicant  string // masked but for the office
	Kind       string // its label
	Content    string
	Channel    string // its label
	Received   time.Time
	Due        *time.Time
	State      string
	StateLabel string
	Reply      string // the reply type's label, when concluded
	Overdue    bool
}

// FOIAListView is the requests page.
type FOIAListView struct {
	Open, Done []FOIARow
	CanIntake  bool
	Year       int // the annual report's default year
}

// FOIAView is a request's page.
type FOIAView struct {
	FOIARow
	Contact   string // ID number, phone, e-mail, address; masked but for the office
	Form      string
	Why       []string
	Steps     []FOIAStepRow
	ReplyText string
	Fee       int
	Concluded *time.Time
	// CanAct: the office may record steps and the reply; CanLetter:
	// download the reply letter, which names the applicant.
	CanAct    bool
	CanLetter bool
	// CanConfirm: a request by ordinary mail, the internet or fax not yet
	// handled, whose day of receipt is the day both sides confirmed.
	CanConfirm bool
	StepKinds  []Option
	Replies    []Option
	Grounds    []Option
	Problems   []string
}

// FOIAStepRow is one recorded step.
type FOIAStepRow struct {
	On    time.Time
	Label string
	Days  int
	Note  string
	Actor string
}

// FOIAReportView is the annual report's table (收到和处理政府信息公开申请情况).
type FOIAReportView struct {
	Year    int
	Years   []int
	Columns []string
	Rows    []FOIAReportRow
}

// FOIAReportRow is one row of the table.
type FOIAReportRow struct {
	Label  string
	Depth  int
	Counts []int
}

// PublicFOIA is what an applicant sees of their request.
type PublicFOIA struct {
	ID         int64
	Content    string
	StateLabel string
	Received   time.Time
	Due        *time.Time
	Why        []string
	Reply      string
	ReplyText  string
	HasLetter  bool
	Secret     string
}
