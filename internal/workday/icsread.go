package workday

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// icsLine is one content line of an iCalendar file (RFC 5545 §3.1), after
// unfolding: the property name in upper case and its value, with the number
// of the physical line it starts on, for error messages.
type icsLine struct {
	no    int
	name  string
	value string
}

// readICSLines unfolds r into content lines. Parameters (";VALUE=DATE",
// ";TZID=…") are dropped: the date forms are told apart by their value.
func readICSLines(r io.Reader) ([]icsLine, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var lines []icsLine
	var cur strings.Builder
	start, no := 0, 0
	flush := func() error {
		if cur.Len() == 0 {
			return nil
		}
		l, err := parseICSLine(start, cur.String())
		cur.Reset()
		if err != nil {
			return err
		}
		lines = append(lines, l)
		return nil
	}
	for sc.Scan() {
		no++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if no == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if text != "" && (text[0] == ' ' || text[0] == '\t') {
			// A folded line continues the previous one, its first blank
			// removed (RFC 5545 §3.1).
			if cur.Len() == 0 {
				return nil, fmt.Errorf("workday: ics line %d: continuation line with nothing to continue", no)
			}
			cur.WriteString(text[1:])
			continue
		}
		if err := flush(); err != nil {
			return nil, err
		}
		start = no
		cur.WriteString(text)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("workday: ics line %d: %w", no+1, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return lines, nil
}

// parseICSLine splits "NAME;PARAM=…:value". The value starts at the first
// colon outside double quotes, since a quoted parameter may hold colons.
func parseICSLine(no int, s string) (icsLine, error) {
	colon, quoted := -1, false
	for i := 0; i < len(s) && colon < 0; i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case ':':
			if !quoted {
				colon = i
			}
		}
	}
	if colon < 0 {
		return icsLine{}, fmt.Errorf("workday: ics line %d: %q is not a NAME:value line", no, clip(s))
	}
	name := s[:colon]
	if semi := strings.IndexByte(name, ';'); semi >= 0 {
		name = name[:semi]
	}
	if name == "" || strings.IndexFunc(name, func(r rune) bool {
		return !(r == '-' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
	}) >= 0 {
		return icsLine{}, fmt.Errorf("workday: ics line %d: %q is not a property name", no, clip(name))
	}
	return icsLine{no: no, name: strings.ToUpper(name), value: s[colon+1:]}, nil
}

// unescapeText undoes the escapes of an iCalendar TEXT value.
func unescapeText(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// clip shortens what an error message quotes.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
