package plandoc

import (
	"reflect"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{"建立台账。每月调度；年底考核", []string{"建立台账。", "每月调度；", "年底考核"}},
		{"建立台账。每月调度。", []string{"建立台账。", "每月调度。"}},
		{"建立台账。 ", []string{"建立台账。 "}},
		{"", []string{""}},
	}
	for _, c := range cases {
		got := Sentences(c.text)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Sentences(%q) = %q, want %q", c.text, got, c.want)
		}
		if strings.Join(got, "") != c.text {
			t.Errorf("Sentences(%q) loses text: %q", c.text, got)
		}
	}
}
