package pii

import "strings"

// NameHint is a name with only its first character left: 张*, 欧**.
func NameHint(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[0]) + strings.Repeat("*", len(r)-1)
}

// PhoneHint is a number kept in a field of its own (a caller's phone, an
// applicant's ID number) with a hint left: a mobile's first three and
// last four digits (139****1111), the last two of anything shorter,
// where seven of eight would give a landline away.
func PhoneHint(s string) string {
	r := []rune(s)
	switch n := len(r); {
	case n >= 11:
		return string(r[:3]) + strings.Repeat("*", n-7) + string(r[n-4:])
	case n > 2:
		return strings.Repeat("*", n-2) + string(r[n-2:])
	}
	return strings.Repeat("*", len(r))
}

// EmailHint is an e-mail address kept in a field of its own with its
// mailbox's first letter left (z***@example.cn); anything else in the
// field is masked as a number.
func EmailHint(s string) string {
	at := strings.IndexByte(s, '@')
	if at < 1 {
		return PhoneHint(s)
	}
	r := []rune(s[:at])
	return string(r[0]) + "***" + s[at:]
}
