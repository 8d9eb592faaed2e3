package pii

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Kind is a kind of personal data found in a text.
type Kind string

// The kinds. Number is a run of eleven digits or more that is none of
// the others: masked all the same, for it may be any of them mistyped.
const (
	IDNumber Kind = "id_number"
	Mobile   Kind = "mobile"
	Landline Kind = "landline"
	BankCard Kind = "bank_card"
	Number   Kind = "number"
	Email    Kind = "email"
	Address  Kind = "address"
	Name     Kind = "name"
)

// Kinds are all the kinds, in the order Find names them.
var Kinds = []Kind{IDNumber, Mobile, Landline, BankCard, Number, Email, Address, Name}

// Mask hides the ID, phone and bank card numbers and the e-mail
// addresses in s: every digit of a number but its last two becomes *, a
// mailbox keeps its first letter (z***@example.cn). It is what a reader
// who handles the matter without needing to reach the person sees: an
// address stays whole, for they may have to go there.
func Mask(s string) string { return scan(s, false).apply() }

// MaskPublic is Mask and, for what anyone may read, the address below the
// street (人民路**号*幢***室: the street stays) and a name given after a
// label (联系人张*).
func MaskPublic(s string) string { return scan(s, true).apply() }

// Find is the kinds of personal data MaskPublic would hide in s, each
// once, in the order of Kind's constants; nil when there are none.
func Find(s string) []Kind {
	m := scan(s, true)
	if len(m.kinds) == 0 {
		return nil
	}
	out := make([]Kind, 0, len(m.kinds))
	for _, k := range Kinds {
		if slices.Contains(m.kinds, k) {
			out = append(out, k)
		}
	}
	return out
}

// char is one rune of the text and where it lies.
type char struct {
	r         rune
	pos, size int
}

// marks is a text and what to do with each of its runes: hide writes a
// *, drop writes nothing (a long mailbox shrinks to three stars).
type marks struct {
	s     string
	cs    []char
	hide  []bool
	drop  []bool
	kinds []Kind
}

func scan(s string, public bool) *marks {
	m := &marks{s: s}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		m.cs = append(m.cs, char{r: r, pos: i, size: n})
		i += n
	}
	m.hide = make([]bool, len(m.cs))
	m.drop = make([]bool, len(m.cs))
	m.numbers()
	m.emails()
	if public {
		m.addresses()
		m.names()
	}
	return m
}

func (m *marks) found(k Kind) {
	if !slices.Contains(m.kinds, k) {
		m.kinds = append(m.kinds, k)
	}
}

// apply writes the text with its marked runes hidden. Each hidden rune
// becomes one byte, so the result is never longer than s; bytes that are
// not UTF-8 are copied as they are.
func (m *marks) apply() string {
	if len(m.kinds) == 0 {
		return m.s
	}
	var b strings.Builder
	b.Grow(len(m.s))
	for i, c := range m.cs {
		switch {
		case m.drop[i]:
		case m.hide[i]:
			b.WriteByte('*')
		default:
			b.WriteString(m.s[c.pos : c.pos+c.size])
		}
	}
	return b.String()
}
