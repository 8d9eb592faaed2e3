package pii

// isLocal is a character of a mailbox's name; isDomain of its domain.
func isLocal(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '%' || r == '+' || r == '-'
}

func isDomain(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-'
}

// emails marks the e-mail addresses (the at sign may be full-width): the
// mailbox keeps its first character and three stars stand for the rest,
// so that its length is not told either. A one-letter mailbox is a star.
func (m *marks) emails() {
	for at, c := range m.cs {
		if c.r != '@' && c.r != '＠' {
			continue
		}
		start := at
		for start > 0 && isLocal(m.cs[start-1].r) {
			start--
		}
		end, dot := at, false
		for end+1 < len(m.cs) && isDomain(m.cs[end+1].r) {
			end++
			dot = dot || m.cs[end].r == '.'
		}
		for end > at && (m.cs[end].r == '.' || m.cs[end].r == '-') {
			end--
		}
		if start == at || end == at || !dot || m.cs[at+1].r == '.' || m.cs[end].r == '.' {
			continue
		}
		m.found(Email)
		n := at - start
		if n == 1 {
			m.hide[start] = true
			continue
		}
		for i := start + 1; i < at; i++ {
			if i-start <= 3 {
				m.hide[i] = true
			} else {
				m.drop[i] = true
			}
		}
	}
}
