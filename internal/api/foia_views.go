package api

import (
	"strconv"
	"time"

	"github.com/duban/duban/internal/authz"
	"github.com/duban/duban/internal/foia"
	"github.com/duban/duban/internal/foiasvc"
	"github.com/duban/duban/internal/i18n"
	"github.com/duban/duban/internal/records"
)

// foiaView is a 依申请公开 request as the API shows it: never the
// applicant's follow link, and the applicant's name, ID number, phone,
// e-mail and address masked for whoever may not see them. Dates are civil
// dates (YYYY-MM-DD), "" for none: the statutory days are working days,
// not instants.
type foiaView struct {
	ID                 int64      `json:"id"`
	ApplicantKind      string     `json:"applicant_kind"`
	ApplicantKindLabel string     `json:"applicant_kind_label"`
	ApplicantName      string     `json:"applicant_name"`
	ApplicantIDNo      string     `json:"id_no"`
	ApplicantPhone     string     `json:"phone"`
	ApplicantEmail     string     `json:"email"`
	ApplicantAddress   string     `json:"address"`
	ApplicantMasked    bool       `json:"applicant_masked"`
	Channel            string     `json:"channel"`
	ChannelLabel       string     `json:"channel_label"`
	ReceivedOn         string     `json:"received_on"`
	Content            string     `json:"content"`
	Form               string     `json:"form"`
	State              string     `json:"state"`
	StateLabel         string     `json:"state_label"`
	DueOn              string     `json:"due_on"`
	Overdue            bool       `json:"overdue"`
	Reply              string     `json:"reply"`
	ReplyLabel         string     `json:"reply_label"`
	Ground             int        `json:"ground"` // of 不予公开, from 1 in foia.WithheldReasons; 0 none
	GroundLabel        string     `json:"ground_label"`
	ReplyText          string     `json:"reply_text"`
	Fee                int        `json:"fee"`
	ConcludedOn        string     `json:"concluded_on"`
	Clock              *foiaClock `json:"clock"` // nil for a concluded request in the list, which does not run it
	CreatedAt          time.Time  `json:"created_at"`
	UpdatedAt          time.Time  `json:"updated_at"`
}

// foiaClock is where the statutory clock stands today, with the lines
// that explain its dates.
type foiaClock struct {
	Start          string   `json:"start"`
	Due            string   `json:"due"`
	CorrectionBy   string   `json:"correction_by"`
	SupplementBy   string   `json:"supplement_by"`
	LateCorrection bool     `json:"late_correction"`
	Extended       int      `json:"extended"`
	Paused         int      `json:"paused"`
	LateExtension  bool     `json:"late_extension"`
	OnTime         bool     `json:"on_time"`
	Why            []string `json:"why"`
}

// foiaStep is one step of a request's handling.
type foiaStep struct {
	Kind  string    `json:"kind"`
	Label string    `json:"label"`
	On    string    `json:"on"`
	Days  int       `json:"days"`
	Note  string    `json:"note"`
	Actor string    `json:"actor"`
	At    time.Time `json:"at"`
}

// foiaDetail is one request with its steps, oldest first.
type foiaDetail struct {
	foiaView
	Steps []foiaStep `json:"steps"`
}

// viewFOIA shows v, masked already by the service for p, with its labels
// in loc's words; ran says whether v's clock was run (a concluded request
// in the list is not).
func viewFOIA(loc i18n.Localizer, v *foiasvc.View, p authz.Principal, ran bool) foiaView {
	r := v.Request
	masked := !authz.SeesPersonalData(p)
	out := foiaView{ID: r.ID, ApplicantKind: r.ApplicantKind, ApplicantKindLabel: loc.Code("foia.applicant", r.ApplicantKind, foia.ApplicantLabel(foia.Applicant(r.ApplicantKind))),
		ApplicantName: r.ApplicantName, ApplicantIDNo: r.ApplicantIDNo, ApplicantPhone: r.ApplicantPhone, ApplicantEmail: r.ApplicantEmail,
		ApplicantAddress: r.ApplicantAddr, ApplicantMasked: masked, Channel: r.Channel,
		ChannelLabel: loc.Code("foia.channel", r.Channel, foia.ChannelLabel(foia.Channel(r.Channel))), ReceivedOn: day(r.ReceivedOn), Content: r.Content, Form: r.Form,
		State: v.Clock.State, StateLabel: loc.Code("foia.state", v.Clock.State, foia.StateLabel(v.Clock.State)), Overdue: v.Clock.State == foia.StateOverdue,
		Reply: r.Reply, ReplyLabel: loc.Code("foia.reply", r.Reply, foia.Reply(r.Reply).Label()), ReplyText: r.ReplyText, Fee: r.Fee, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if r.Withheld >= 0 && r.Withheld < len(foia.WithheldReasons) {
		out.Ground, out.GroundLabel = r.Withheld+1, loc.Code("foia.withheld", strconv.Itoa(r.Withheld), foia.WithheldReasons[r.Withheld])
	}
	if r.ConcludedOn != nil {
		out.ConcludedOn = day(*r.ConcludedOn)
	}
	switch {
	case !v.Clock.Due.IsZero():
		out.DueOn = day(v.Clock.Due)
	case r.DueOn != nil:
		out.DueOn = day(*r.DueOn)
	}
	if ran {
		c := v.Clock
		out.Clock = &foiaClock{Start: day(c.Start), Due: day(c.Due), CorrectionBy: day(c.CorrectionBy), SupplementBy: day(c.SupplementBy),
			LateCorrection: c.LateCorrection, Extended: c.Extended, Paused: c.Paused, LateExtension: c.LateExtension, OnTime: c.OnTime,
			Why: c.Explain(loc.T)}
	}
	return out
}

func detailFOIA(loc i18n.Localizer, v *foiasvc.View, p authz.Principal) foiaDetail {
	steps := make([]foiaStep, len(v.Steps))
	for i, st := range v.Steps {
		steps[i] = stepOfFOIA(loc, st)
	}
	return foiaDetail{foiaView: viewFOIA(loc, v, p, true), Steps: steps}
}

func stepOfFOIA(loc i18n.Localizer, st records.FOIAStep) foiaStep {
	return foiaStep{Kind: st.Kind, Label: loc.Code("foia.step", st.Kind, foiasvc.StepLabel(st.Kind)), On: day(st.On), Days: st.Days, Note: st.Note,
		Actor: st.Actor, At: st.At}
}
