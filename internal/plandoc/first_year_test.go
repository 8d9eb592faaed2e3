package plandoc

import "testing"

// TestFirstYear: the plan year is read however the figures are written,
// so that a bare 年底前 later in the plan gets its year.
func TestFirstYear(t *testing.T) {
	cases := map[string]int{
		"力争于 2024 年底前完成改造":       2024,
		"２０２３年全区重点工作安排":          2023,
		"执行期间：2021/01 ~ 2024/05": 2021,
		"全年完成12个项目":              0,
	}
	for text, want := range cases {
		if got := firstYear([]line{newLine(text)}); got != want {
			t.Errorf("firstYear(%q) = %d, want %d", text, got, want)
		}
	}
}
