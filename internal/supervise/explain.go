package supervise

import (
	"fmt"
	"strings"

	"github.com/duban/duban/internal/workday"
)

// Explain tells in Chinese why an event happens and on which working day,
// with the working days counted and the holidays and weekends skipped, so
// that an office (or a unit disputing a notice) can check the date by hand.
func Explain(e Event, cal *workday.Calendar) string {
	var b strings.Builder
	due := day(e.Due)
	switch e.Kind {
	case KindRemind:
		fmt.Fprintf(&b, "提醒：任务 t%d 将于 %s 到期，按规则提前 %d 个工作日提醒，于 %s 发出。", e.TaskID, due, -e.Workdays, day(e.On))
	case KindPress:
		if e.Workdays == 0 {
			fmt.Fprintf(&b, "催办：任务 t%d 登记时已超过到期日 %s，于登记后第一个工作日 %s 催办。", e.TaskID, due, day(e.On))
		} else {
			fmt.Fprintf(&b, "催办：任务 t%d 的到期日 %s 已过而未办结，于其后第一个工作日 %s 催办。", e.TaskID, due, day(e.On))
		}
	case KindNotice:
		fmt.Fprintf(&b, "%s：任务 t%d 到期日 %s 催办（%s）后 %d 个工作日仍逾期，于 %s 下发。", e.Label, e.TaskID, due, day(e.Basis), e.Workdays, day(e.On))
	case KindEscalate:
		if strings.Contains(e.Key, "/issued/") {
			fmt.Fprintf(&b, "%s：任务 t%d 督查室下发的督办单限期整改至 %s 未见整改反馈，%d 个工作日后于 %s 升级下发。", e.Label, e.TaskID, day(e.Basis), e.Workdays, day(e.On))
			break
		}
		fmt.Fprintf(&b, "%s：任务 t%d（到期日 %s）上一级督办单限期整改至 %s 未见整改反馈，%d 个工作日后于 %s 升级下发。", e.Label, e.TaskID, due, day(e.Basis), e.Workdays, day(e.On))
	case KindIssued:
		fmt.Fprintf(&b, "%s：督查室于 %s 对任务 t%d 下发。", e.Label, day(e.On), e.TaskID)
	case KindReportMissing:
		fmt.Fprintf(&b, "报送逾期：任务 t%d 第 %s 期报告应于 %s 前报送（遇节假日顺延）而未报送，于其后第一个工作日 %s 记录。", e.TaskID, e.Period, due, day(e.On))
	default:
		fmt.Fprintf(&b, "%s：%s。", e.Kind, day(e.On))
	}
	if !e.Basis.IsZero() && e.Workdays != 0 { // counting zero days explains nothing
		b.WriteString(cal.Explain(e.Basis, e.Workdays).String())
		b.WriteString("。")
	}
	if !e.Deadline.IsZero() {
		n := cal.WorkdaysBetween(e.On, e.Deadline)
		fmt.Fprintf(&b, "限期整改 %d 个工作日，截至 %s：%s。", n, day(e.Deadline), cal.Explain(e.On, n))
	}
	for _, m := range e.Moves {
		fmt.Fprintf(&b, "因日历调整（第 %d 号：%s），限期由 %s 改为 %s。", m.Change, m.Reason, day(m.From), day(m.To))
	}
	return b.String()
}
