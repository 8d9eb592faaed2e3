package assess

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// levelNames are the ladder levels of the default rules, in Chinese, for
// the formula; an office's own levels show by their code.
var levelNames = map[string]string{"blue": "蓝色督办单", "yellow": "黄色督办单", "red": "红色督办单", "listed": "挂牌督办"}

// Formula states the scheme in plain Chinese, a paragraph a part, as the
// public page shows it.
func (s Scheme) Formula() []string {
	k, dl, inc := s.KeyWork, s.Daily, s.Incentive
	out := []string{
		fmt.Sprintf("总分 = 重点攻坚考绩（%s 分）+ 日常动态考评（%s 分）+ 公众满意度（%s 分）+ 创新创优激励（加分最多 %s 分，问责扣分不设上限）。",
			num(k.Points), num(dl.Points), num(s.Satisfaction.Points), num(inc.Cap)),
		fmt.Sprintf("重点攻坚考绩：统计期内到期的每项任务按权重计分（方案未定权重的按 %s 计）；牵头单位按 %s 倍、配合单位按 %s 倍计入（未标明牵头单位的，各责任单位均按牵头计）。"+
			"按时完成得全部分值，逾期完成得 %s%%，到期未完成按已报完成比例的 %s%% 计。本项得分 = %s × 所得分值之和 ÷ 应得分值之和；统计期内没有到期任务的，本项按满分计。",
			num(s.DefaultWeight), num(s.LeadShare), num(s.CoShare), num(k.Late*100), num(k.Unfinished*100), num(k.Points)),
		fmt.Sprintf("日常动态考评：基础分 %s 分，扣完为止。%s。扣分由任务的各责任单位承担，牵头单位按 %s 倍、配合单位按 %s 倍。",
			num(dl.Points), strings.Join(s.deductions(), "；"), num(s.LeadShare), num(s.CoShare)),
		fmt.Sprintf("创新创优激励：%s，合计不超过 %s 分；每次问责扣 %s 分。", strings.Join(s.bonuses(), "，"), num(inc.Cap), num(inc.Accountability)),
		fmt.Sprintf("公众满意度：%s 分 × 本单位 12345 热线满意率；没有满意率的单位按其他单位的平均满意率计，都没有的按满分计。", num(s.Satisfaction.Points)),
	}
	if s.MinTasks > 0 {
		out = append(out, fmt.Sprintf("排名：统计期内到期任务少于 %d 项的单位只计分、不排名；总分（保留两位小数）相同的并列，下一名次顺延。", s.MinTasks))
	} else {
		out = append(out, "排名：总分（保留两位小数）相同的并列，下一名次顺延。")
	}
	return out
}

func (s Scheme) deductions() []string {
	var out []string
	if s.Daily.Press > 0 {
		out = append(out, fmt.Sprintf("每次催办扣 %s 分", num(s.Daily.Press)))
	}
	levels := slices.SortedFunc(maps.Keys(s.Daily.Notice), func(a, b string) int {
		return cmp.Or(cmp.Compare(s.Daily.Notice[a], s.Daily.Notice[b]), cmp.Compare(a, b))
	})
	for _, l := range levels {
		if v := s.Daily.Notice[l]; v > 0 {
			name := levelNames[l]
			if name == "" {
				name = "督办单（" + l + "）"
			}
			out = append(out, fmt.Sprintf("每份%s扣 %s 分", name, num(v)))
		}
	}
	if s.Daily.ReportMissing > 0 {
		out = append(out, fmt.Sprintf("每次未按期报送进展扣 %s 分", num(s.Daily.ReportMissing)))
	}
	if len(out) == 0 {
		return []string{"不设扣分"}
	}
	return out
}

func (s Scheme) bonuses() []string {
	var out []string
	for _, kind := range RecordKinds {
		if v := s.Incentive.Bonus[kind]; v > 0 {
			out = append(out, fmt.Sprintf("每项%s加 %s 分", RecordLabel(kind), num(v)))
		}
	}
	if len(out) == 0 {
		return []string{"不设加分"}
	}
	return out
}
