package assess

import (
	"slices"
	"strings"
)

// Problem is one way an input does not hold, as messages of the
// catalogue: the field it concerns, the field's name and its part (both
// catalogue keys; no Label when Key names the field itself), and what is
// wrong (Key, with Args for its placeholders). The pages and the API
// write it in the reader's language with Explain.
type Problem struct {
	Field string            `json:"field"`
	Label string            `json:"label,omitempty"`
	Group string            `json:"group,omitempty"`
	Key   string            `json:"key"`
	Args  map[string]string `json:"args,omitempty"`
}

// Explain writes the problem in the reader's language: "配合单位系数（重点
// 攻坚考绩）应在 0–1 之间".
func (p Problem) Explain(say Say) string {
	args := make([]any, 0, 2*len(p.Args))
	for name, v := range p.Args {
		args = append(args, name, v)
	}
	what := say(p.Key, args...)
	if p.Label == "" {
		return what
	}
	return say("assess.problem.at", "field", say(p.Label), "group", say(p.Group), "problem", what)
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

// Explain writes each problem in the reader's language.
func (ps Problems) Explain(say Say) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Explain(say)
	}
	return out
}

// Has reports whether a problem concerns field.
func (ps Problems) Has(field string) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Field == field })
}
