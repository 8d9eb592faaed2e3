package foia

import (
	"errors"
	"github.com/duban/duban/internal/i18n"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/workday"
)

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func run(t *testing.T, r Request, today string) Clock {
	t.Helper()
	c, err := Run(workday.Default(), r, d(today))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestClockOverSpringFestival: received in person on Tuesday 2026-02-10,
// the 20 working days run over 春节 (02-15 to 02-23 off) and its two 调休
// Saturdays (02-14, 02-28, worked): 02-11, 12, 13, 14 (4), 24–28 (9),
// 03-02 to 06 (14), 09 to 13 (19), 16 (20). A 补正 notice is due by the
// 7th working day: 02-26.
func TestClockOverSpringFestival(t *testing.T) {
	r := Request{Channel: InPerson, Received: d("2026-02-10")}
	c := run(t, r, "2026-03-01")
	if c.State != StateRunning || day(c.Due) != "2026-03-16" || day(c.CorrectionBy) != "2026-02-26" {
		t.Fatalf("clock %+v", c)
	}
	if c := run(t, r, "2026-03-17"); c.State != StateOverdue {
		t.Errorf("the day after the deadline: %s", c.State)
	}
	r.Steps = []Step{{Kind: StepReply, On: d("2026-03-16")}}
	if c := run(t, r, "2026-03-20"); c.State != StateReplied || !c.OnTime {
		t.Errorf("replied on the last day: %+v", c)
	}
}

// TestCorrectionRestartsTheClock: received 2026-09-15, a 补正 notice on
// 09-18 (due by 09-23: 16, 17, 18, 20 a 调休 Sunday, 21, 22, 23) gives 15
// working days, to 10-15 over 中秋 and 国庆; the supplement arrives on
// 09-28 and the 20 days count from there, to 10-30.
func TestCorrectionRestartsTheClock(t *testing.T) {
	r := Request{Channel: Online, Received: d("2026-09-15"), Steps: []Step{{Kind: StepCorrection, On: d("2026-09-18"), Days: 15}}}
	c := run(t, r, "2026-09-25")
	if c.State != StateCorrection || day(c.CorrectionBy) != "2026-09-23" || day(c.SupplementBy) != "2026-10-15" || c.LateCorrection || !c.Due.IsZero() {
		t.Fatalf("waiting for the supplement: %+v", c)
	}
	if c := run(t, r, "2026-10-16"); c.State != StateAbandoned || !strings.Contains(strings.Join(c.Explain(i18n.New(i18n.ZhCN).T), ""), "视为放弃") {
		t.Errorf("no supplement by 10-15: %+v", c)
	}
	r.Steps = append(r.Steps, Step{Kind: StepSupplement, On: d("2026-09-28")})
	c = run(t, r, "2026-10-16")
	if c.State != StateRunning || day(c.Start) != "2026-09-28" || day(c.Due) != "2026-10-30" {
		t.Errorf("after the supplement: %+v", c)
	}
	late := Request{Channel: Online, Received: d("2026-09-15"), Steps: []Step{{Kind: StepCorrection, On: d("2026-09-24"), Days: 10}}}
	if c := run(t, late, "2026-09-25"); !c.LateCorrection {
		t.Error("a 补正 notice on the 8th working day is not marked late")
	}
}

// TestConsultationNotCounted: received 2026-03-02, due 03-30; a third
// party consulted from 03-10 to 03-24 stops the clock for the 10 working
// days after 03-10 up to 03-24, so the reply is due 10 working days after
// 03-30 — 04-14, 清明 (04-04 to 04-06) skipped.
func TestConsultationNotCounted(t *testing.T) {
	r := Request{Channel: Registered, Received: d("2026-03-02"), Steps: []Step{{Kind: StepConsult, On: d("2026-03-10")}}}
	if c := run(t, r, "2026-03-20"); c.State != StateConsulting {
		t.Errorf("while consulting: %+v", c)
	}
	r.Steps = append(r.Steps, Step{Kind: StepConsultDone, On: d("2026-03-24")})
	c := run(t, r, "2026-03-25")
	if c.State != StateRunning || c.Paused != 10 || day(c.Due) != "2026-04-14" {
		t.Fatalf("after the consultation: %+v", c)
	}
	if !strings.Contains(strings.Join(c.Explain(i18n.New(i18n.ZhCN).T), "\n"), "2026-03-10 至 2026-03-24 征求第三方或其他机关意见，10 个工作日不计入答复期限") {
		t.Errorf("explanation:\n%s", strings.Join(c.Explain(i18n.New(i18n.ZhCN).T), "\n"))
	}
}

// TestExtensionAndFees: received 2026-04-01, due 04-30; extended by 20
// working days on 04-28 (in time); a fee notice on 05-06 stops the clock
// until it is paid on 05-13 — 6 working days, 05-09 being a Saturday worked
// for 劳动节 — so the reply is due 6 working days after the extended
// deadline, on 06-09. A fee not paid within 20 working days of its notice
// ends the request.
func TestExtensionAndFees(t *testing.T) {
	cal := workday.Default()
	base := cal.AddWorkdays(d("2026-04-01"), ReplyDays)
	r := Request{Channel: InPerson, Received: d("2026-04-01"), Steps: []Step{
		{Kind: StepExtension, On: d("2026-04-28"), Days: 20},
		{Kind: StepFeeNotice, On: d("2026-05-06")},
	}}
	c := run(t, r, "2026-05-08")
	if c.State != StateAwaitingFee || c.Extended != 20 || c.LateExtension {
		t.Fatalf("awaiting the fee: %+v", c)
	}
	if c := run(t, r, day(cal.AddWorkdays(d("2026-05-06"), FeeDays+1))); c.State != StateAbandoned {
		t.Errorf("the fee never paid: %+v", c)
	}
	r.Steps = append(r.Steps, Step{Kind: StepFeePaid, On: d("2026-05-13")})
	c = run(t, r, "2026-05-14")
	paused := cal.WorkdaysBetween(d("2026-05-06"), d("2026-05-13"))
	want := cal.AddWorkdays(cal.AddWorkdays(d("2026-04-01"), ReplyDays+20), paused)
	if day(base) != "2026-04-30" || paused != 6 || c.Paused != 6 || !c.Due.Equal(want) || day(c.Due) != "2026-06-09" {
		t.Errorf("due %s (want %s), paused %d, base %s", day(c.Due), day(want), c.Paused, day(base))
	}
	late := Request{Channel: InPerson, Received: d("2026-04-01"), Steps: []Step{{Kind: StepExtension, On: d("2026-05-06"), Days: 10}}}
	if c := run(t, late, "2026-05-07"); !c.LateExtension {
		t.Error("an extension approved after the deadline is not marked late")
	}
}

// TestStepsOutOfOrder: what the Regulations do not allow is refused.
func TestStepsOutOfOrder(t *testing.T) {
	cal := workday.Default()
	for name, steps := range map[string][]Step{
		"supplement without notice": {{Kind: StepSupplement, On: d("2026-03-05")}},
		"second 补正":                 {{Kind: StepCorrection, On: d("2026-03-03"), Days: 10}, {Kind: StepSupplement, On: d("2026-03-05")}, {Kind: StepCorrection, On: d("2026-03-06"), Days: 5}},
		"second 补正, same day":       {{Kind: StepCorrection, On: d("2026-03-02"), Days: 10}, {Kind: StepSupplement, On: d("2026-03-02")}, {Kind: StepCorrection, On: d("2026-03-03"), Days: 5}},
		"second extension":          {{Kind: StepExtension, On: d("2026-03-10"), Days: 10}, {Kind: StepExtension, On: d("2026-03-11"), Days: 5}},
		"extension too long":        {{Kind: StepExtension, On: d("2026-03-10"), Days: 21}},
		"before the receipt":        {{Kind: StepReply, On: d("2026-02-27")}},
		"consultation never begun":  {{Kind: StepConsultDone, On: d("2026-03-10")}},
		"unknown":                   {{Kind: "lost", On: d("2026-03-10")}},
	} {
		if _, err := Run(cal, Request{Channel: InPerson, Received: d("2026-03-02"), Steps: steps}, d("2026-04-01")); !errors.Is(err, ErrSteps) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Run(cal, Request{Channel: InPerson}, d("2026-04-01")); !errors.Is(err, ErrSteps) {
		t.Errorf("no receipt: %v", err)
	}
}

// TestFees: 国办函〔2020〕109号's bands.
func TestFees(t *testing.T) {
	for n, want := range map[int]int{1: 0, 10: 0, 11: 100, 30: 100, 31: 200, 40: 200, 41: 300, 55: 400} {
		if got := FeeByCount(n); got != want {
			t.Errorf("FeeByCount(%d) = %d, want %d", n, got, want)
		}
	}
	// 250 pages: 70×10 + 100×20 + 50×40 = 4,700.
	for pages, want := range map[int]int{0: 0, 30: 0, 31: 10, 100: 700, 101: 720, 200: 2700, 250: 4700} {
		if got := FeeByPages(pages); got != want {
			t.Errorf("FeeByPages(%d) = %d, want %d", pages, got, want)
		}
	}
}

// TestAnnualTable: received, carried over, concluded by reply type (a
// request is counted once, in its row and its group), carried forward.
func TestAnnualTable(t *testing.T) {
	cases := []Case{
		{Applicant: Person, Received: d("2025-12-20"), Concluded: d("2026-01-10"), Reply: Disclosed},
		{Applicant: Person, Received: d("2026-02-01"), Concluded: d("2026-02-20"), Reply: PublishedAlready},
		{Applicant: Business, Received: d("2026-03-01"), Concluded: d("2026-03-20"), Reply: Withheld, Withheld: 3},
		{Applicant: Legal, Received: d("2026-04-01"), Concluded: d("2026-04-25"), Reply: NotHeld},
		{Applicant: Person, Received: d("2026-05-01"), Concluded: d("2026-05-30"), Reply: Abandoned},
		{Applicant: Research, Received: d("2026-12-20")},
		{Applicant: Person, Received: d("2025-06-01"), Concluded: d("2025-06-20"), Reply: Disclosed}, // last year's, not counted
	}
	rows := AnnualTable(2026, cases)
	get := func(prefix string) [7]int {
		for _, r := range rows {
			if strings.HasPrefix(r.Label, prefix) {
				return r.Counts
			}
		}
		t.Fatalf("no row %q", prefix)
		return [7]int{}
	}
	checks := map[string][7]int{
		"一、本年新收":          {2, 1, 1, 0, 1, 0, 5},
		"二、上年结转":          {1, 0, 0, 0, 0, 0, 1},
		"（一）予以公开":         {2, 0, 0, 0, 0, 0, 2},
		"（三）不予公开":         {0, 1, 0, 0, 0, 0, 1},
		"4.保护第三方合法权益":     {0, 1, 0, 0, 0, 0, 1},
		"1.本机关不掌握":        {0, 0, 0, 0, 1, 0, 1},
		"1.申请人无正当理由逾期不补正": {1, 0, 0, 0, 0, 0, 1},
		"（七）总计":           {3, 1, 0, 0, 1, 0, 5},
		"四、结转下年度":         {0, 0, 1, 0, 0, 0, 1},
	}
	for prefix, want := range checks {
		if got := get(prefix); got != want {
			t.Errorf("%s: %v, want %v", prefix, got, want)
		}
	}
	if !strings.Contains(Remedies(Disclosed, "嘉兴市人民政府", "嘉兴市中级人民法院"), "六十日内向嘉兴市人民政府申请行政复议，或者在六个月内向嘉兴市中级人民法院提起行政诉讼") {
		t.Error("remedies notice")
	}
	if !strings.Contains(Remedies(Withheld, "嘉兴市人民政府", "嘉兴市中级人民法院"), "先向嘉兴市人民政府申请行政复议；对行政复议决定不服的") {
		t.Error("a refusal must go to reconsideration first")
	}
}

// TestReplyEndsAnOpenPause: a consultation never closed before the reply
// stands the clock until the reply, not until whatever day the request
// is looked at: the deadline of a concluded request does not drift.
func TestReplyEndsAnOpenPause(t *testing.T) {
	r := Request{Channel: InPerson, Received: d("2026-03-02"), Steps: []Step{
		{Kind: StepConsult, On: d("2026-03-10")}, {Kind: StepReply, On: d("2026-04-10")}}}
	then, later := run(t, r, "2026-04-10"), run(t, r, "2026-07-10")
	if !then.Due.Equal(later.Due) || then.OnTime != later.OnTime || later.State != StateReplied {
		t.Errorf("due %s on the day, %s three months on (on time %v/%v)", then.Due.Format(time.DateOnly), later.Due.Format(time.DateOnly), then.OnTime, later.OnTime)
	}
}
