package store

import (
	"errors"
	"testing"
)

// TestNormalizeEmails: addresses typed as people type them (full-width
// semicolons, 、, spaces) come back comma-separated; anything that is not
// an address is refused by name.
func TestNormalizeEmails(t *testing.T) {
	for in, want := range map[string]string{
		"":                                 "",
		" fzb@example.gov.cn ":             "fzb@example.gov.cn",
		"a@x.gov.cn；b@x.gov.cn、c@x.gov.cn": "a@x.gov.cn,b@x.gov.cn,c@x.gov.cn",
		"a@x.gov.cn, b@x.gov.cn":           "a@x.gov.cn,b@x.gov.cn",
		"<a@x.cn>":                         "a@x.cn",
	} {
		if got, err := NormalizeEmails(in); err != nil || got != want {
			t.Errorf("NormalizeEmails(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"法制办", "a@localhost", "a@x.cn b", "张三 <a@x.cn>"} {
		if _, err := NormalizeEmails(in); !errors.Is(err, ErrBadEmail) || !errors.Is(err, ErrInvalid) {
			t.Errorf("NormalizeEmails(%q) = %v, want ErrBadEmail", in, err)
		}
	}
}
