package i18n

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// TestCatalogsInStep: every key of zh-CN is in zh-TW and the other way
// round, with the same placeholders, and no message is empty.
func TestCatalogsInStep(t *testing.T) {
	src := catalogs[Default]
	if len(src) < 100 {
		t.Fatalf("zh-CN has only %d messages", len(src))
	}
	for _, lang := range Langs {
		m := catalogs[lang]
		for k, v := range m {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s %s: empty message", lang, k)
			}
			if _, ok := src[k]; !ok {
				t.Errorf("%s has %q, zh-CN does not", lang, k)
			}
		}
		for k, v := range src {
			tv, ok := m[k]
			if !ok {
				t.Errorf("%s lacks %q", lang, k)
				continue
			}
			if got, want := Placeholders(tv), Placeholders(v); !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s: placeholders %v, zh-CN has %v", lang, k, got, want)
			}
		}
	}
}

// TestTraditionalScript catches a zh-TW message pasted from zh-CN
// unconverted: common simplified-only characters must not appear.
func TestTraditionalScript(t *testing.T) {
	const simplifiedOnly = "们这个为会说时对发经现过间关还进动实点开问题应该样让认务门单码户录设计审权级统数据确删编辑导规则达网页码"
	for k, v := range catalogs[ZhTW] {
		if k == "lang.self" {
			continue
		}
		for _, r := range v {
			if unicode.Is(unicode.Han, r) && strings.ContainsRune(simplifiedOnly, r) {
				t.Errorf("zh-TW %s: simplified character %q in %q", k, r, v)
				break
			}
		}
	}
	if Lookup(ZhCN, "lang.self") != "简体" || Lookup(ZhTW, "lang.self") != "繁體" {
		t.Error("each language must name itself in its own script")
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		lang Lang
		key  string
		args []any
		want string
	}{
		{ZhCN, "nav.users", nil, "用户管理"},
		{ZhTW, "nav.users", nil, "使用者管理"},
		{ZhCN, "users.count", []any{"n", 12}, "共 12 个账号"},
		{ZhCN, "users.secret.for", []any{"name", "张三", "username", "zhang"}, "张三（zhang）的初始密码："},
		{ZhCN, "users.count", nil, "共 {n} 个账号"},
		{ZhCN, "users.count", []any{"other", 1}, "共 {n} 个账号"},
		{ZhCN, "users.count", []any{"n"}, "共 {n} 个账号"},
		{"fr", "nav.users", nil, "用户管理"},
		{ZhCN, "no.such.key", nil, "no.such.key"},
	}
	for _, tt := range tests {
		if got := Lookup(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("Lookup(%s, %s, %v) = %q, want %q", tt.lang, tt.key, tt.args, got, tt.want)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	if got := Placeholders("第 {first}–{last} 条，共 {total} 条"); !reflect.DeepEqual(got, []string{"first", "last", "total"}) {
		t.Errorf("got %v", got)
	}
	if got := Placeholders("无 { 结尾"); got != nil {
		t.Errorf("got %v", got)
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"zh-CN": ZhCN, "zh-tw": ZhTW, "zh_TW": ZhTW, " zh-cn ": ZhCN} {
		if got, ok := Parse(in); !ok || got != want {
			t.Errorf("Parse(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"", "en", "zh", "zh-HK"} {
		if _, ok := Parse(in); ok {
			t.Errorf("Parse(%q) accepted", in)
		}
	}
}
