package i18n

import "strings"

// Message is a sentence of the catalogue kept unwritten — in a database
// row, in a computed result — so that each reader gets it in their own
// language: its key, the values of its placeholders (names, dates,
// numbers, as they are), and the placeholders whose value is a catalogue
// key itself (a ladder level, a kind), named in the same language.
type Message struct {
	Key   string            `json:"key"`
	Args  map[string]string `json:"args,omitempty"`
	Terms map[string]string `json:"terms,omitempty"`
}

// Render writes m in l's language.
func (l Localizer) Render(m Message) string {
	args := make([]any, 0, 2*(len(m.Args)+len(m.Terms)))
	for name, v := range m.Args {
		args = append(args, name, v)
	}
	for name, key := range m.Terms {
		args = append(args, name, l.T(key))
	}
	return l.T(m.Key, args...)
}

// RenderLines writes each message of ms in l's language on a line of
// its own, each line ended by a newline.
func (l Localizer) RenderLines(ms []Message) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(l.Render(m))
		b.WriteByte('\n')
	}
	return b.String()
}
