package hotlinesvc

import (
	"regexp"
	"strings"
)

// private is what identifies a person in a request's text: resident ID
// numbers, mobile numbers (with +86 or 86, spaces or dashes), landlines
// with their area code, and e-mail addresses. Digits are not word
// characters' neighbours in Chinese text, so the edges are digits that
// are not there rather than \b.
var private = regexp.MustCompile(`(?:^|[^\d])(\d{17}[\dXx]|(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}|0\d{2,3}[\s-]?\d{7,8})(?:[^\d]|$)` +
	`|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)

// Redact masks ID numbers, phone numbers and e-mail addresses in text:
// the digits but the last two, the mailbox but its first letter. A
// caller often writes their number into the request itself; masking the
// caller's fields alone would leave it there.
func Redact(text string) string {
	return private.ReplaceAllStringFunc(text, func(m string) string {
		if at := strings.IndexByte(m, '@'); at > 0 {
			return m[:1] + "***" + m[at:]
		}
		b := []byte(m)
		digits := 0
		for i := len(b) - 1; i >= 0; i-- {
			if b[i] >= '0' && b[i] <= '9' || b[i] == 'X' || b[i] == 'x' {
				if digits++; digits > 2 {
					b[i] = '*'
				}
			}
		}
		return string(b)
	})
}
