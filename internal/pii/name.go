package pii

import (
	"strings"
	"unicode"
)

// nameLabels say a person's name follows. 责任人 and 负责人 are not
// among them: a plan names the official answerable, which is public.
var nameLabels = []string{"联系人", "姓名", "申请人", "来电人", "投诉人", "反映人", "报告人", "当事人", "户主", "业主", "收件人", "求助人"}

// nameStops begin what follows a name rather than the name itself
// (联系人张三反映…, 联系人王女士).
var nameStops = []string{"先生", "女士", "同志", "反映", "表示", "电话", "手机", "联系", "来电", "投诉", "要求", "希望", "称", "说",
	"的", "于", "在", "等", "家", "住", "请", "和", "及", "与", "、", "委", "们", "双方", "各方",
	"办公", "单位", "社区", "街道", "物业", "公司", "窗口", "科室"}

// names marks a name given after a label: its first character stays
// (联系人张*), up to two more are hidden.
func (m *marks) names() {
	for i := 0; i < len(m.cs); i++ {
		n := m.labelAt(i)
		if n == 0 {
			continue
		}
		j := i + n
		for j < len(m.cs) && j < i+n+2 && strings.ContainsRune(":： \u3000为是", m.cs[j].r) {
			j++
		}
		if j >= len(m.cs) || !unicode.Is(unicode.Han, m.cs[j].r) || m.stopAt(j) {
			i = j - 1
			continue
		}
		k := j + 1
		for k < len(m.cs) && k <= j+2 && unicode.Is(unicode.Han, m.cs[k].r) && !m.stopAt(k) {
			m.hide[k] = true
			k++
		}
		if k > j+1 {
			m.found(Name)
		}
		i = k - 1
	}
}

func (m *marks) labelAt(i int) int {
	rest := m.s[m.cs[i].pos:]
	for _, l := range nameLabels {
		if strings.HasPrefix(rest, l) {
			return len([]rune(l))
		}
	}
	return 0
}

func (m *marks) stopAt(i int) bool {
	rest := m.s[m.cs[i].pos:]
	for _, w := range nameStops {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}
