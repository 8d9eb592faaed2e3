package intakesvc

import (
	"strings"
	"unicode/utf8"
)

// The lengths, in characters, of what the office types at review. They
// hold for the pages and the API alike: the pages only parse a form and
// show the problems the service finds.
const (
	// MaxPlanTitle bounds a plan's title: a notice's full heading
	// (关于印发……的通知) runs long.
	MaxPlanTitle = 300
	// MaxName bounds a 文号, an issuer, a task's title or 责任人, a unit's
	// name and a task's numbering (its labels joined).
	MaxName = 100
	// MaxLongText bounds a task's words and its 五落实 texts (goal,
	// requirement, measure), which may run to a paragraph.
	MaxLongText = 2000
)

// checks collects the problems of an input, one per field: the first
// found is the one a person fixes first.
type checks struct{ problems []Problem }

// add records key at field unless the field has a problem already.
func (c *checks) add(field, key string) {
	for _, p := range c.problems {
		if p.Field == field {
			return
		}
	}
	c.problems = append(c.problems, Problem{Field: field, Key: key})
}

// length checks a set text field against max; key says what is wrong.
func (c *checks) length(field string, v *string, max int, key string) {
	if v != nil && utf8.RuneCountInString(strings.TrimSpace(*v)) > max {
		c.add(field, key)
	}
}

// name checks a short text (MaxName).
func (c *checks) name(field string, v *string) { c.length(field, v, MaxName, "error.too_long") }

// long checks a paragraph (MaxLongText).
func (c *checks) long(field string, v *string) {
	c.length(field, v, MaxLongText, "error.text_too_long")
}

// err is the *InputError of the problems found, or nil.
func (c *checks) err() error {
	if len(c.problems) == 0 {
		return nil
	}
	return &InputError{Problems: c.problems}
}
