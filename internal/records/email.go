package records

import (
	"fmt"
	"net/mail"
	"strings"
	"unicode"
)

// NormalizeEmails checks a unit's addresses — one, or several separated
// by commas, semicolons (also full-width ones, as typed in a Chinese
// IME) or spaces — and writes them back comma-separated; "" stays "".
// A bad address is ErrInvalid naming it.
func NormalizeEmails(s string) (string, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == '，' || r == '；' || r == '、' || unicode.IsSpace(r)
	})
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		a, err := mail.ParseAddress(f)
		if err != nil || a.Name != "" || !strings.Contains(a.Address[strings.IndexByte(a.Address, '@')+1:], ".") {
			return "", fmt.Errorf("records: %q: %w", f, ErrBadEmail)
		}
		out = append(out, a.Address)
	}
	return strings.Join(out, ","), nil
}
