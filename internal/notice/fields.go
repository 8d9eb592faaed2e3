package notice

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Fields are what a notice says. Dates are civil dates.
type Fields struct {
	Number   string // 文号: 督办〔2026〕42-1号
	Issuer   string // the office that issues it: 市政府督查室
	Unit     string // to whom: the task's lead unit(s)
	Plan     string // the plan's title
	Task     string // the task's title
	Level    string // the ladder level's label: 蓝色督办单
	Due      time.Time
	Issued   time.Time // the working day the notice was issued
	Deadline time.Time // 限期整改 to
	// Pressed: a 催办 on the task was recorded before this notice. Only
	// then does the notice say 经催办.
	Pressed bool
}

// Reason is the notice's opening: which task, from which plan, by when it
// was due and what happened since, said only as far as it happened. No
// plan title gives no empty 《》; no due date gives no "应于前完成"; a
// task not yet overdue is not called late; 经催办 only after a 催办.
func (f Fields) Reason() string {
	var b strings.Builder
	if f.Plan != "" {
		b.WriteString("《" + f.Plan + "》确定的")
	}
	b.WriteString("“" + f.Task + "”任务")
	late := !f.Due.IsZero() && f.Issued.After(f.Due)
	switch {
	case !f.Due.IsZero():
		b.WriteString("应于" + chineseDate(f.Due) + "前完成")
		switch {
		case late && f.Pressed:
			b.WriteString("，经催办后仍未按期完成")
		case late:
			b.WriteString("，至今未按期完成")
		}
	case f.Pressed:
		b.WriteString("经催办后仍需加快推进")
	default:
		b.WriteString("需加快推进")
	}
	b.WriteString("。")
	return b.String()
}

// placeholders are the names a template may use, with their values.
func (f Fields) placeholders() map[string]string {
	return map[string]string{
		"文号":   f.Number,
		"发文机关": f.Issuer,
		"单位":   f.Unit,
		"方案":   f.Plan,
		"任务":   f.Task,
		"级别":   f.Level,
		"到期日":  chineseDate(f.Due),
		"发文日期": chineseDate(f.Issued),
		"限期":   chineseDate(f.Deadline),
		"事由":   f.Reason(),
	}
}

// Placeholders lists the names a template may use, for the office that
// writes one.
func Placeholders() []string {
	var out []string
	for k := range (Fields{}).placeholders() {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// chineseDate writes a date as 公文 do: 2026年3月9日.
func chineseDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}
