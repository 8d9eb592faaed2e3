package plandoc

import (
	"reflect"
	"testing"
)

// deadlineKeys renders deadlines as due dates or "every:<cadence>".
func deadlineKeys(ds []Deadline) []string {
	var out []string
	for _, d := range ds {
		if d.Every != "" {
			out = append(out, "every:"+d.Every)
		} else {
			out = append(out, d.Due)
		}
	}
	return out
}

func TestCadencesWithoutEvery(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		// A recurring activity that the task orders.
		{"区商务局组织召开季度外贸形势分析会，研判走势。", []string{"every:quarter"}},
		{"对各街道开展季度巡查，发现问题限期整改。", []string{"every:quarter"}},
		{"编制年度绩效报告并向社会公开。", []string{"every:year"}},
		{"制定年度工作要点和重点任务清单。", []string{"every:year"}},
		{"聚焦年度重点工作任务。", nil},
		{"建立全县年度林长制工作考核制度。", []string{"every:year"}},
		{"科学编制年度财政预算，严控一般性支出。", []string{"every:year"}},
		{"建立月通报机制，对进度滞后的乡镇约谈。", []string{"every:month"}},
		{"实行月通报制度。", []string{"every:month"}},
		{"健全季度通报、挂牌督办等制度。", []string{"every:quarter"}},
		{"做好日常巡检和季度抽查。", []string{"every:quarter"}},
		// A practice named in quotation marks is still a cadence.
		{"对黑臭水体整治推行“一季一督查”。", []string{"every:quarter"}},
		{"实行“一月一调度一通报”，倒排工期。", []string{"every:month"}},
		{"办理时限：常态推进（一年一评估）", []string{"every:year"}},
		// A period word that qualifies a subject, names a year, a quarter,
		// a month or another document is no cadence.
		{"年度项目储备完成情况（15分）", nil},
		{"项目安排符合年度计划资金规模。", nil},
		{"全面完成年度目标。", nil},
		{"将年度考核结果作为评优依据。", nil},
		{"2019年度考核优秀的单位给予通报表扬。", nil},
		{"第一季度通报的问题已整改。", []string{"2021-03-31"}}, // a quarter, not every quarter
		{"落实《县级年度考核办法》。", nil},
		{"三个月通报一批典型案例。", nil},
		{"按年度计划拨付补助资金。", nil},
		{"实施情况按年度报县政府。", []string{"every:year"}},
	}
	for _, tt := range tests {
		got := deadlineKeys(deadlinesOf(tt.text, 2021))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// A budget recurs only when the task orders it made; a task that puts
// money into it, pays from it or executes it does something once.
func TestBudgetCadences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"乡镇财政所编报年度预算并报县财政局备案。", []string{"every:year"}},
		{"编制本部门年度预算，细化支出项目。", []string{"every:year"}},
		{"养护经费纳入年度预算管理。", nil},
		{"所需资金列入县级年度预算。", nil},
		{"严格执行年度预算，不得擅自调剂。", nil},
		{"设备购置费由区级年度预算安排。", nil},
		{"补助资金从年度预算中列支。", nil},
		{"所需經費由本府年度預算支應。", nil},                        // traditional script
		{"严格执行年度预算，组织年度安全评估。", []string{"every:year"}}, // the evaluation recurs
	}
	for _, tt := range tests {
		got := deadlineKeys(deadlinesOf(tt.text, 2025))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("deadlinesOf(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
