package units

import "testing"

func TestMatch(t *testing.T) {
	ix := NewIndex([]Unit{
		{ID: 1, Name: "市政府法制办公室", Aliases: []string{"市法制办"}},
		{ID: 2, Name: "市发展和改革委员会", Aliases: []string{"市发改委", "市发展改革委"}},
		{ID: 3, Name: "各县（市、区）政府"},
		{ID: 4, Name: "市财政局"},
		{ID: 5, Name: "市人力资源和社会保障局", Aliases: []string{"市人力社保局"}},
	})
	tests := []struct {
		name    string
		id      int64
		how     string
		suggest int64
	}{
		{"市政府法制办公室", 1, ByName, 0},
		{"市法制办", 1, ByAlias, 0},
		{"市发展改革委", 2, ByAlias, 0},
		{"各县〔市、区〕政府", 3, ByName, 0}, // brackets folded
		{"市 财政局", 4, ByName, 0},
		{"市政府法制办", 0, "", 1}, // not registered: suggest the office it abbreviates
		{"市人力社保部门", 0, "", 5},
	}
	for _, tt := range tests {
		m := ix.Match(tt.name)
		if m.UnitID != tt.id || m.How != tt.how {
			t.Errorf("Match(%q) = %d %q, want %d %q", tt.name, m.UnitID, m.How, tt.id, tt.how)
		}
		if tt.suggest != 0 && (len(m.Suggestions) == 0 || m.Suggestions[0].UnitID != tt.suggest) {
			t.Errorf("Match(%q) suggests %+v, want unit %d first", tt.name, m.Suggestions, tt.suggest)
		}
	}
	if m := ix.Match("市公安局"); len(m.Suggestions) != 0 && m.Suggestions[0].Score > 0.8 {
		t.Errorf("市公安局 suggests %+v", m.Suggestions)
	}
}
