package assess

import (
	"slices"
	"strings"
)

// Problem is one way an input does not hold, as messages of the
// catalogue: the field it concerns ("" for the input as a whole), the
// field's name and its part (both catalogue keys; no Label when Key names
// the field itself), and what is wrong (Key, with Args for its
// placeholders). The service hands it on as a fault.Error; the pages and
// the API word it in the reader's language.
type Problem struct {
	Field string            `json:"field"`
	Label string            `json:"label,omitempty"`
	Group string            `json:"group,omitempty"`
	Key   string            `json:"key"`
	Args  map[string]string `json:"args,omitempty"`
}

// Problems are every problem of an input at once, so that it is fixed in
// one pass. As an error it names the fields and keys, for the log.
type Problems []Problem

func (ps Problems) Error() string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Field + "=" + p.Key
	}
	return "assess: " + strings.Join(parts, " ")
}

// Has reports whether a problem concerns field.
func (ps Problems) Has(field string) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Field == field })
}
