package ledger

import "strings"

// UnitsText writes 责任单位 as offices do: lead units first, marked （牵头）
// when the task has cooperating units too (a task with only lead units needs
// no mark), the others after them, joined with 、. units lists every unit,
// leads among them.
func UnitsText(leads, units []string) string {
	lead := make(map[string]bool, len(leads))
	for _, u := range leads {
		lead[u] = true
	}
	var others []string
	for _, u := range units {
		if !lead[u] {
			others = append(others, u)
		}
	}
	if len(others) == 0 || len(leads) == 0 {
		return strings.Join(append(append([]string(nil), leads...), others...), "、")
	}
	marked := make([]string, len(leads))
	for i, u := range leads {
		marked[i] = u + "（牵头）"
	}
	return strings.Join(append(marked, others...), "、")
}
