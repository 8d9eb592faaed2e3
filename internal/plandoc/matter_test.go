package plandoc

import (
	"reflect"
	"testing"
)

// TestMatter: a line of a 纪要 gives a 督办件's title, units and
// deadlines by the importer's rules, its label and its note of units and
// deadline clause out of the title.
func TestMatter(t *testing.T) {
	for _, c := range []struct {
		line, title string
		lead, units []string
		due, every  string
	}{
		{"一、关于老旧小区加装电梯资金缺口问题。由市财政局牵头，市发展改革委配合，12月20日前拿出资金方案。", "关于老旧小区加装电梯资金缺口问题",
			[]string{"市财政局"}, []string{"市财政局", "市发展改革委"}, "2026-12-20", ""},
		{"二、关于政务热线整合问题（市政府办公室牵头），12月31日前完成整合。", "关于政务热线整合问题", []string{"市政府办公室"}, []string{"市政府办公室"}, "2026-12-31", ""},
		{"3．加快推进项目建设（市发改委牵头，市自然资源局配合，每月报送进展）", "加快推进项目建设", []string{"市发改委"}, []string{"市发改委", "市自然资源局"}, "", "month"},
		{"研究制定配套措施，年底前完成", "研究制定配套措施", []string{}, []string{}, "2026-12-31", ""},
		{"12月20日前报结果", "12月20日前报结果", []string{}, []string{}, "2026-12-20", ""},
	} {
		m := Matter(c.line, 2026)
		var due, every string
		for _, d := range m.Deadlines {
			due, every = due+d.Due, every+d.Every
		}
		if m.Title != c.title || !reflect.DeepEqual(m.LeadUnits, c.lead) || !reflect.DeepEqual(m.Units, c.units) || due != c.due || every != c.every {
			t.Errorf("Matter(%q) = %q lead %v units %v due %q every %q", c.line, m.Title, m.LeadUnits, m.Units, due, every)
		}
	}
}
