package plandoc

import (
	"reflect"
	"testing"
)

// A plan in traditional script: its title ends in 計畫, its parts are
// numbered 壹、 貳、 參、, and a closing part on funding neither becomes a
// task nor runs into the last task.
func TestTraditionalCapitalNumeralParts(t *testing.T) {
	p := parseProse(t, `嘉禾市政府 2025 年長照服務推動計畫
壹、計畫目標
於 2027 年底前，長照據點涵蓋率達 90 %。
貳、執行策略
一、擴充服務據點
（一）於 2025 年 10 月底前新設日照中心 3 處。（主辦機關：社會處）
（二）培訓照顧服務員 200 人。（主辦機關：社會處；協辦機關：勞工處）
參、經費需求
本計畫所需經費新臺幣 800 萬元，由本府年度預算支應。`)
	if p.Title != "嘉禾市政府 2025 年長照服務推動計畫" {
		t.Errorf("title = %q", p.Title)
	}
	want := []string{"貳/一/(一)", "貳/一/(二)"}
	if got := paths(p); !reflect.DeepEqual(got, want) {
		t.Fatalf("paths = %v, want %v", got, want)
	}
	if len(p.Tasks[1].Targets) != 1 {
		t.Errorf("last task's targets = %v, want only its own", p.Tasks[1].Targets)
	}
}

func TestCapitalLabel(t *testing.T) {
	for s, want := range map[string]string{"壹、總則": "壹", "拾貳、附則": "拾貳", "參. 經費": "參"} {
		kind, label, _ := matchLabel(s)
		if kind != kindCapital || label != want {
			t.Errorf("matchLabel(%q) = %q %q", s, kind, label)
		}
		if v, ok := labelValue(label); !ok || v == 0 {
			t.Errorf("labelValue(%q) = %d", label, v)
		}
	}
	if kind, _, _ := matchLabel("壹佰元"); kind != "" {
		t.Errorf("a sum of money took a label")
	}
}

// A plan issued as a bare task table is titled by the table's title line;
// a line that merely mentions a table inside the text is no title.
func TestTaskTableTitle(t *testing.T) {
	for _, title := range []string{"西河县2025年农村改厕重点任务分工表", "西河县2025年安全生产工作台账"} {
		p := parseProse(t, title+`
1. 完成户厕改造300户。（责任单位：县农业农村局）
2. 建成公厕5座。（责任单位：县住建局）`)
		if p.Title != title {
			t.Errorf("title = %q, want %q", p.Title, title)
		}
	}
	if planKindRe.MatchString("请各单位按要求填报附表") {
		t.Errorf("a sentence ending in 附表 read as a plan title")
	}
}

// A closing part named only 經費 states the money, not work.
func TestFundingPartIsFrame(t *testing.T) {
	for _, head := range []string{"經費", "经费预算", "經費需求："} {
		if got := classify(fold(head)); got != sectionGoals {
			t.Errorf("classify(%q) = %v", head, got)
		}
	}
	if got := classify("经费保障"); got == sectionGoals {
		t.Errorf("经费保障 is a safeguard chapter, not a frame")
	}
}
