package records

import "strings"

// maskName keeps a name's first character.
func maskName(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[0]) + strings.Repeat("*", len(r)-1)
}

// maskPhone keeps a hint of a number: a mobile's first three and last
// four digits (139****1111), the last two of anything shorter, where
// seven of eight would give a landline away.
func maskPhone(s string) string {
	switch {
	case len(s) >= 11:
		return s[:3] + strings.Repeat("*", len(s)-7) + s[len(s)-4:]
	case len(s) > 2:
		return strings.Repeat("*", len(s)-2) + s[len(s)-2:]
	}
	return strings.Repeat("*", len(s))
}

func maskEmail(s string) string {
	at := strings.IndexByte(s, '@')
	if at < 1 {
		return maskPhone(s)
	}
	return s[:1] + "***" + s[at:]
}
