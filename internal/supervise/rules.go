package supervise

import (
	"errors"
	"fmt"
	"maps"
	"slices"
)

// Level is one step of the notice ladder (督办单). A level is issued when
// the step before it is still unresolved AfterWorkdays working days later:
// for the first level the step before is the 催办, for every later level it
// is the previous notice's 限期整改 deadline.
type Level struct {
	Name            string `json:"name"`             // blue, yellow, red, listed: the key part, stable
	Label           string `json:"label"`            // 蓝色督办单…: what the unit reads
	RectifyWorkdays int    `json:"rectify_workdays"` // 限期整改: working days from issue to deadline
	AfterWorkdays   int    `json:"after_workdays"`   // working days after the previous step
}

// Rules are an office's supervision rules for one plan or task category.
// They are data so that an office can change them without a release.
type Rules struct {
	// RemindWorkdays: remind this many working days before a due date;
	// 0 sends no reminder.
	RemindWorkdays int `json:"remind_workdays"`
	// PressAfterMissed: 催办 on the first working day after a missed due
	// date. The ladder counts from that day whether or not it is sent, so
	// turning the 催办 off does not move the notices.
	PressAfterMissed bool `json:"press_after_missed"`
	// Ladder is the notice ladder, lowest level first; it may be empty.
	Ladder []Level `json:"ladder"`
	// ReportDay is the day of the month, in a period's last month, by which
	// a periodic report is due (每月25日前报送: 25; for a quarter the 25th
	// of its third month). 0 means the period's last day. A day past the
	// month's end means its last day; a day off moves it to the next
	// working day, as for any deadline.
	ReportDay int `json:"report_day"`
}

// Default are duban's rules: remind 3 working days ahead, 催办 the day
// after, then blue (5 working days to rectify), yellow (3), red (2) and
// 挂牌督办 (2), and periodic reports by the 25th.
func Default() Rules {
	return Rules{
		RemindWorkdays:   3,
		PressAfterMissed: true,
		Ladder: []Level{
			{Name: "blue", Label: "蓝色督办单", RectifyWorkdays: 5, AfterWorkdays: 2},
			{Name: "yellow", Label: "黄色督办单", RectifyWorkdays: 3, AfterWorkdays: 1},
			{Name: "red", Label: "红色督办单", RectifyWorkdays: 2, AfterWorkdays: 1},
			{Name: "listed", Label: "挂牌督办", RectifyWorkdays: 2, AfterWorkdays: 1},
		},
		ReportDay: 25,
	}
}

// Validate reports every problem with the rules at once, so an
// administrator fixes a rules file in one pass.
func (r Rules) Validate() error {
	var errs []error
	if r.RemindWorkdays < 0 || r.RemindWorkdays > 60 {
		errs = append(errs, fmt.Errorf("提前提醒（remind_workdays）应为 0–60 个工作日，现为 %d", r.RemindWorkdays))
	}
	if r.ReportDay < 0 || r.ReportDay > 31 {
		errs = append(errs, fmt.Errorf("报送日（report_day）应为 0–31，现为 %d", r.ReportDay))
	}
	seen := map[string]bool{}
	for i, l := range r.Ladder {
		at := fmt.Sprintf("督办阶梯第 %d 级", i+1)
		if l.Label != "" {
			at += "（" + l.Label + "）"
		}
		switch {
		case l.Name == "":
			errs = append(errs, fmt.Errorf("%s：缺少代码（name）", at))
		case seen[l.Name]:
			errs = append(errs, fmt.Errorf("%s：代码（name）%q 重复", at, l.Name))
		}
		seen[l.Name] = true
		if l.Label == "" {
			errs = append(errs, fmt.Errorf("%s：缺少名称（label）", at))
		}
		if l.RectifyWorkdays < 1 || l.RectifyWorkdays > 60 {
			errs = append(errs, fmt.Errorf("%s：限期整改（rectify_workdays）应为 1–60 个工作日，现为 %d", at, l.RectifyWorkdays))
		}
		// A later level issued on its predecessor's deadline day would
		// escalate while the unit still has the day to answer.
		minAfter := 1
		if i == 0 {
			minAfter = 0
		}
		if l.AfterWorkdays < minAfter || l.AfterWorkdays > 60 {
			errs = append(errs, fmt.Errorf("%s：下发间隔（after_workdays）应为 %d–60 个工作日，现为 %d", at, minAfter, l.AfterWorkdays))
		}
	}
	return errors.Join(errs...)
}

// Book holds the rules per plan, with a default for the rest: an office
// may press a 重点攻坚 plan harder than its 日常 work.
type Book struct {
	Default Rules           `json:"default"`
	Plans   map[int64]Rules `json:"plans"`
}

// For returns a plan's rules, or the default when it has none.
func (b Book) For(planID int64) Rules {
	if r, ok := b.Plans[planID]; ok {
		return r
	}
	return b.Default
}

// Validate checks the default and every plan's rules.
func (b Book) Validate() error {
	errs := []error{b.Default.Validate()}
	for _, id := range slices.Sorted(maps.Keys(b.Plans)) { // errors in a stable order
		if err := b.Plans[id].Validate(); err != nil {
			errs = append(errs, fmt.Errorf("方案 %d: %w", id, err))
		}
	}
	return errors.Join(errs...)
}
