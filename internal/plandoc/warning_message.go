package plandoc

import (
	"strconv"
	"strings"
)

// MessageKey is the message catalogue key (internal/i18n) of the sentence
// that tells a person about w: plans.warning.<kind>. plandoc returns keys,
// not sentences, so that the command line and the review screen say the
// same thing in the reader's language.
func (w Warning) MessageKey() string { return "plans.warning." + w.Kind }

// MessageArgs are the placeholder values of w's sentence as name/value
// pairs for i18n.Lookup: {line}, {path} (labels joined by "/", as in
// 二/(三)/2) and {excerpt}.
func (w Warning) MessageArgs() []any {
	return []any{"line", strconv.Itoa(w.Line), "path", strings.Join(w.Path, "/"), "excerpt", w.Excerpt}
}
