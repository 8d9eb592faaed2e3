package hotline

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/workday"
)

var cst = time.FixedZone("CST", 8*3600)

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, cst)
	if err != nil {
		panic(err)
	}
	return t
}

// TestLimits: the most specific rule applies; rules that cannot apply are
// named.
func TestLimits(t *testing.T) {
	ls := append(Guangdong(), Limit{Type: Complaint, Category: "城乡建设/物业", Workdays: 5, SignHours: 2, ReturnHours: 24})
	if err := ls.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		t                 Type
		category, urgency string
		workdays, hours   int
	}{
		{Consult, "政策咨询", Normal, 2, 0},
		{Complaint, "城乡建设/物业/收费", Normal, 5, 0},
		{Complaint, "城乡建设/物业/收费", Urgent, 0, 24}, // the urgent rule, though the category's is longer
		{Report, "", Normal, 15, 0},
	} {
		l, err := ls.For(c.t, c.category, c.urgency)
		if err != nil || l.Workdays != c.workdays || l.Hours != c.hours {
			t.Errorf("%s %s %s: %+v %v", c.t, c.category, c.urgency, l, err)
		}
	}
	if _, err := (Limits{}).For(Consult, "", Normal); !errors.Is(err, ErrNoLimit) {
		t.Errorf("no rules: %v", err)
	}
	bad := Limits{{Type: "petition", Workdays: 1, SignHours: 1}, {Type: Help, Workdays: 2, Hours: 3, SignHours: 1}, {Type: Help, Workdays: 2, Urgency: "now", SignHours: 1}}
	err := bad.Validate()
	for _, w := range []string{"第 1 条：类型 \"petition\"", "第 2 条（求助）：应在工作日与小时中恰好给出一种", "紧急程度 \"now\""} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("Validate = %v, want %q", err, w)
		}
	}
}

// TestDue: a complaint received on Wednesday 2026-09-30 in the evening
// runs 10 working days over 国庆 to the end of 10-20 (10-08, 09, 10 a 调休
// Saturday, 12–16, 19, 20); an urgent one is due 24 hours later.
func TestDue(t *testing.T) {
	cal := workday.Default()
	ls := Guangdong()
	l, _ := ls.For(Complaint, "", Normal)
	if got := l.Due(cal, at("2026-09-30 18:40")); !got.Equal(at("2026-10-21 00:00")) {
		t.Errorf("complaint due %s", got.In(cst))
	}
	u, _ := ls.For(Complaint, "", Urgent)
	if got := u.Due(cal, at("2026-09-30 18:40")); !got.Equal(at("2026-10-01 18:40")) {
		t.Errorf("urgent complaint due %s", got.In(cst))
	}
}

// TestTicketLife: routed, sent back within the window and re-routed,
// signed, extended, answered, reopened after a dissatisfied visit,
// answered again and closed; the steps out of turn are refused.
func TestTicketLife(t *testing.T) {
	l, _ := Guangdong().For(Help, "", Normal)
	tk := &Ticket{State: Triage, Due: at("2026-03-16 00:00")}
	if err := tk.Sign(at("2026-03-02 09:00")); !errors.Is(err, ErrStep) {
		t.Errorf("signed before routing: %v", err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(tk.Assign(7, at("2026-03-02 09:00")))
	if err := tk.SendBack(l, at("2026-03-03 10:00")); !errors.Is(err, ErrWindow) {
		t.Errorf("sent back after 25 hours: %v", err)
	}
	must(tk.SendBack(l, at("2026-03-02 15:00")))
	if tk.State != Triage || tk.Unit != 0 {
		t.Fatalf("after 退单: %+v", tk)
	}
	must(tk.Assign(8, at("2026-03-02 16:00")))
	must(tk.Sign(at("2026-03-02 17:00")))
	must(tk.AskExtension(5))
	if err := tk.AskExtension(3); !errors.Is(err, ErrStep) {
		t.Errorf("a second pending extension: %v", err)
	}
	must(tk.DecideExtension(true, at("2026-03-23 00:00")))
	must(tk.Answer())
	must(tk.Visit(Dissatisfied, at("2026-03-10 08:00"), at("2026-03-25 00:00")))
	if tk.State != Assigned || tk.Reopened != 1 || tk.Unit != 8 || !tk.Assigned.Equal(at("2026-03-10 08:00")) || !tk.Due.Equal(at("2026-03-25 00:00")) {
		t.Fatalf("after a dissatisfied visit (重办 is a fresh assignment): %+v", tk)
	}
	must(tk.Sign(at("2026-03-10 09:00")))
	must(tk.AskExtension(2))
	must(tk.Answer())
	if tk.Extension != 0 {
		t.Errorf("an extension outlived the answer: %+v", tk)
	}
	if err := tk.DecideExtension(true, at("2026-04-30 00:00")); !errors.Is(err, ErrStep) {
		t.Errorf("an extension decided on an answered ticket: %v", err)
	}
	must(tk.Visit(FairlySatisfied, at("2026-03-12 08:00"), time.Time{}))
	if tk.State != Closed || !tk.Due.Equal(at("2026-03-25 00:00")) {
		t.Errorf("closed %+v", tk)
	}
	if err := (&Ticket{State: Triage}).Assign(0, at("2026-03-02 09:00")); !errors.Is(err, ErrStep) {
		t.Errorf("routed to no unit: %v", err)
	}
	if err := tk.Redirect(); !errors.Is(err, ErrStep) {
		t.Errorf("redirected a closed ticket: %v", err)
	}
	other := &Ticket{State: Triage}
	must(other.Redirect())
	if other.State != Redirected {
		t.Errorf("redirect %+v", other)
	}
}

// TestThreeRates: 响应率 counts the tickets signed within the limit, 解决率
// and 满意率 the visited ones; only visited units get a satisfaction rate.
func TestThreeRates(t *testing.T) {
	base := at("2026-03-02 09:00")
	rates := ThreeRates([]Outcome{
		{Unit: 1, Assigned: base, Signed: base.Add(time.Hour), SignHours: 2, Visited: true, Verdict: Satisfied, Resolved: true},
		{Unit: 1, Assigned: base, Signed: base.Add(3 * time.Hour), SignHours: 2, Visited: true, Verdict: FairlySatisfied},
		{Unit: 1, Assigned: base, Signed: base.Add(time.Hour), SignHours: 2, Visited: true, Verdict: Dissatisfied},
		{Unit: 1, Assigned: base, SignHours: 2},
		{Unit: 2, Assigned: base, Signed: base, SignHours: 2},
	})
	r := rates[1]
	if r.Tickets != 4 || r.Response != 0.5 || r.Visited != 3 || r.Resolution != 1.0/3 || r.Satisfaction != 2.0/3 {
		t.Errorf("unit 1: %+v", r)
	}
	sat := SatisfactionRates(rates)
	if len(sat) != 1 || sat[1] != 2.0/3 {
		t.Errorf("satisfaction rates %v", sat)
	}
}

// TestReminders: 统一督办 chases a ticket left in triage past 2 hours, a
// unit that has not signed within its window, and a deadline within 24
// hours or past; a signed ticket is not chased for signing, an answered
// one not at all, and an extension gives a new moment to chase.
func TestReminders(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, cst)
	kinds := func(rs []Reminder) []string {
		var k []string
		for _, r := range rs {
			k = append(k, r.Kind)
		}
		return k
	}
	due := at.Add(72 * time.Hour)
	cases := []struct {
		name string
		t    Open
		now  time.Time
		want []string
	}{
		{"fresh in triage", Open{State: Triage, Received: at}, at.Add(time.Hour), nil},
		{"triage waiting", Open{State: Triage, Received: at}, at.Add(3 * time.Hour), []string{RemindTriage}},
		{"in its sign window", Open{State: Assigned, Assigned: at, SignHours: 2, Due: due}, at.Add(time.Hour), nil},
		{"not signed", Open{State: Assigned, Assigned: at, SignHours: 2, Due: due}, at.Add(3 * time.Hour), []string{RemindSignLate}},
		{"signed, due tomorrow", Open{State: Accepted, Assigned: at, Signed: at, Due: due}, due.Add(-20 * time.Hour), []string{RemindDueSoon}},
		{"unsigned and overdue", Open{State: Assigned, Assigned: at, SignHours: 2, Due: due}, due.Add(time.Hour), []string{RemindSignLate, RemindOverdue}},
		{"answered", Open{State: Answered, Due: due}, due.Add(time.Hour), nil},
	}
	for _, c := range cases {
		if got := kinds(Reminders(c.t, c.now)); strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	extended := Reminders(Open{State: Accepted, Due: due.Add(48 * time.Hour)}, due.Add(30*time.Hour))
	if len(extended) != 1 || extended[0].Kind != RemindDueSoon || !extended[0].At.Equal(due.Add(48*time.Hour)) {
		t.Errorf("extended: %+v", extended)
	}
}

// TestLimitsMostUrgentAndLevels: 特急 has its own, shortest limit, and a
// rule for a category covers its sub-categories but not a sibling whose
// name merely begins the same.
func TestLimitsMostUrgentAndLevels(t *testing.T) {
	ls := Guangdong()
	urgent, _ := ls.For(Complaint, "", Urgent)
	most, err := ls.For(Complaint, "", Emergency)
	if err != nil || most.Hours == 0 || most.Hours >= urgent.Hours {
		t.Errorf("特急 %+v (紧急 %+v) %v", most, urgent, err)
	}
	ls = append(ls, Limit{Type: Complaint, Category: "城乡建设/物业", Workdays: 3, SignHours: 2, ReturnHours: 24})
	for category, want := range map[string]int{"城乡建设/物业": 3, "城乡建设/物业/电梯": 3, "城乡建设/物业管理": 10} {
		if l, err := ls.For(Complaint, category, Normal); err != nil || l.Workdays != want {
			t.Errorf("%s: %+v %v, want %d working days", category, l, err, want)
		}
	}
}
