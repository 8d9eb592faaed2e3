package pii

import (
	"testing"
	"unicode/utf8"
)

// FuzzMask: whatever the text, masking does not panic, never makes it
// longer, and leaves no run of eleven digits or more (of any script);
// masking twice changes nothing more. The seeds are under
// testdata/fuzz/FuzzMask.
func FuzzMask(f *testing.F) {
	for _, s := range []string{"", "3303 0219 9001 0112 34", "１３８００１３８０００", "6222021234567890123", "a@b.cn",
		"2026-03-01", "文三路123号4幢501室", "联系人张三"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, mask := range map[string]func(string) string{"Mask": Mask, "MaskPublic": MaskPublic} {
			out := mask(s)
			if len(out) > len(s) {
				t.Fatalf("%s(%q) = %q is longer", name, s, out)
			}
			if utf8.ValidString(s) && !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q is not UTF-8", name, s, out)
			}
			if n := longestDigitRun(out); n >= 11 {
				t.Fatalf("%s(%q) = %q keeps a run of %d digits", name, s, out, n)
			}
			if again := mask(out); again != out {
				t.Fatalf("%s twice: %q then %q", name, out, again)
			}
			Find(s)
		}
	})
}

func longestDigitRun(s string) int {
	best, run := 0, 0
	for _, r := range s {
		if isDigit(r) {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}
