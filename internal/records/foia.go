package records

import (
	"time"
)

// FOIARequest is a 依申请公开 request. The applicant's name, ID number,
// phone, e-mail and address are personal data: only the disclosure
// office reads them (see Masked). State and DueOn are what internal/foia
// worked out at the last step; the clock itself is always run again
// from the steps, for the state changes with the days alone.
type FOIARequest struct {
	ID             int64      `json:"id"`
	ApplicantKind  string     `json:"applicant_kind"`
	ApplicantName  string     `json:"applicant_name"`
	ApplicantIDNo  string     `json:"applicant_id_no"`
	ApplicantPhone string     `json:"applicant_phone"`
	ApplicantEmail string     `json:"applicant_email"`
	ApplicantAddr  string     `json:"applicant_address"`
	Channel        string     `json:"channel"`
	ReceivedOn     time.Time  `json:"received_on"`
	Content        string     `json:"content"`
	Form           string     `json:"form"` // the form asked for: 纸质, 电子, …
	State          string     `json:"state"`
	DueOn          *time.Time `json:"due_on,omitempty"`
	Reply          string     `json:"reply,omitempty"`
	Withheld       int        `json:"withheld"` // the ground of 不予公开, an index into foia.WithheldReasons; -1 if none
	ReplyText      string     `json:"reply_text,omitempty"`
	Fee            int        `json:"fee"`
	ConcludedOn    *time.Time `json:"concluded_on,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	// FollowHash is the hash of the applicant's secret link; only
	// CreateFOIARequest writes it. SelfFiled says the applicant filed the
	// request on the public form (it has a follow link).
	FollowHash string `json:"-"`
	SelfFiled  bool   `json:"-"`
}

// FOIAStep is one dated step of a request's handling (a foia.Step).
type FOIAStep struct {
	Kind  string    `json:"kind"`
	On    time.Time `json:"on"`
	Days  int       `json:"days,omitempty"`
	Note  string    `json:"note,omitempty"`
	Actor string    `json:"actor"`
	At    time.Time `json:"at"`
}

// FOIAFilter selects requests; zero fields select all.
type FOIAFilter struct {
	State string
	// Open: only requests not concluded; Concluded: only those concluded,
	// the latest first.
	Open, Concluded bool
	// ReceivedBefore and ConcludedFrom select what a year's report
	// counts: received before the year's end and not concluded before
	// its start.
	ReceivedBefore, ConcludedFrom time.Time
	Limit                         int // FindFOIARequests: 0 means 100, at most 1000
}

// Masked is the request with the applicant's personal data hidden but
// for a hint, for staff who handle the matter without needing to know
// who asked.
func (r FOIARequest) Masked() FOIARequest {
	r.ApplicantName = maskName(r.ApplicantName)
	r.ApplicantIDNo = maskPhone(r.ApplicantIDNo)
	r.ApplicantPhone = maskPhone(r.ApplicantPhone)
	r.ApplicantEmail = maskEmail(r.ApplicantEmail)
	if r.ApplicantAddr != "" {
		r.ApplicantAddr = "***"
	}
	return r
}
