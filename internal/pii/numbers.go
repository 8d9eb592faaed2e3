package pii

import (
	"strings"
	"unicode"
)

// isDigit is any decimal digit: ASCII, full-width (０-９) or of another
// script, for a run of them is a number whatever its script.
func isDigit(r rune) bool { return r >= '0' && r <= '9' || r > 0x7f && unicode.IsDigit(r) }

// digitValue is the ASCII digit r stands for, or '?' for a digit of
// another script (such a number is masked but not classified).
func digitValue(r rune) byte {
	switch {
	case r >= '0' && r <= '9':
		return byte(r)
	case r >= '０' && r <= '９':
		return byte(r-'０') + '0'
	}
	return '?'
}

// isCheckX is the check character an ID number may end in.
func isCheckX(r rune) bool { return r == 'X' || r == 'x' || r == 'Ｘ' || r == 'ｘ' }

// isSep is what people put between a number's groups: spaces (also the
// ideographic and the no-break space) and hyphens (also the full-width
// one and the Unicode dashes).
func isSep(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u3000', '-', '－', '\u2010', '\u2011', '\u2012', '\u2013':
		return true
	}
	return false
}

func isHyphen(r rune) bool {
	return r != ' ' && r != '\t' && r != '\u00a0' && r != '\u3000' && isSep(r)
}

// group is a maximal run of digits, rune indexes first..last.
type group struct{ first, last int }

func (g group) len() int { return g.last - g.first + 1 }

// numbers marks the numbers: groups of digits joined by one or two
// separators make one number, but a date (2026-03-01) joins nothing. A
// number of eleven digits or more is always masked; a shorter one only
// where a label says it is a phone number (电话 8765 4321).
func (m *marks) numbers() {
	var gs []group
	for i := 0; i < len(m.cs); i++ {
		if !isDigit(m.cs[i].r) {
			continue
		}
		j := i
		for j+1 < len(m.cs) && isDigit(m.cs[j+1].r) {
			j++
		}
		gs = append(gs, group{i, j})
		i = j
	}
	date := make([]bool, len(gs))
	for k := 0; k+2 < len(gs); k++ {
		if m.isDate(gs[k], gs[k+1], gs[k+2]) {
			date[k], date[k+1], date[k+2] = true, true, true
		}
	}
	for k := 0; k < len(gs); {
		end := k
		for end+1 < len(gs) && !date[end] && !date[end+1] && m.joined(gs[end], gs[end+1]) {
			end++
		}
		m.number(gs[k:end+1], date[k])
		k = end + 1
	}
}

// joined says whether one or two separators, and nothing else, lie
// between a and b.
func (m *marks) joined(a, b group) bool {
	gap := b.first - a.last - 1
	if gap < 1 || gap > 2 {
		return false
	}
	for i := a.last + 1; i < b.first; i++ {
		if !isSep(m.cs[i].r) {
			return false
		}
	}
	return true
}

// isDate is a year of 19xx or 20xx, a month and a day joined by hyphens.
func (m *marks) isDate(y, mo, d group) bool {
	if y.len() != 4 || mo.len() > 2 || d.len() > 2 || mo.first-y.last != 2 || d.first-mo.last != 2 ||
		!isHyphen(m.cs[y.last+1].r) || !isHyphen(m.cs[mo.last+1].r) {
		return false
	}
	c := digitValue(m.cs[y.first].r)
	return c == '1' && digitValue(m.cs[y.first+1].r) == '9' || c == '2' && digitValue(m.cs[y.first+1].r) == '0'
}

// number marks one number made of gs, if it is personal data.
func (m *marks) number(gs []group, date bool) {
	var idx []int
	var ds []byte
	for _, g := range gs {
		for i := g.first; i <= g.last; i++ {
			idx = append(idx, i)
			ds = append(ds, digitValue(m.cs[i].r))
		}
	}
	if last := gs[len(gs)-1].last; len(ds) == 17 && last+1 < len(m.cs) && isCheckX(m.cs[last+1].r) {
		idx = append(idx, last+1)
		ds = append(ds, 'X')
	}
	if date {
		return
	}
	kind := classify(string(ds))
	if kind == "" && len(ds) >= 7 && len(ds) <= 10 && m.phoneLabel(gs[0].first) {
		kind = Landline
	}
	if kind == "" {
		return
	}
	m.found(kind)
	for _, i := range idx[:len(idx)-2] {
		m.hide[i] = true
	}
}

// classify names what a number of eleven digits or more is (ds holds
// its digits, '?' for a digit of another script); "" below eleven.
func classify(ds string) Kind {
	n := len(ds)
	switch {
	case n < 11:
		return ""
	case n == 18 && (idNumber(ds) || birthDate(ds[6:14])), n == 15 && ds[0] >= '1' && ds[0] <= '9' && !strings.Contains(ds, "?"):
		return IDNumber
	case n == 11 && ds[0] == '1' && ds[1] >= '3' && ds[1] <= '9', n == 13 && strings.HasPrefix(ds, "861"):
		return Mobile
	case ds[0] == '0' && n <= 12:
		return Landline
	case n >= 16 && n <= 19 && (luhn(ds) || cardPrefix(ds)):
		return BankCard
	}
	return Number
}

// idNumber checks an 18-character resident ID number's check character
// (GB 11643-1999).
func idNumber(ds string) bool {
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		if ds[i] < '0' || ds[i] > '9' {
			return false
		}
		sum += int(ds[i]-'0') * w
	}
	return "10X98765432"[sum%11] == ds[17]
}

// birthDate is a date of birth as an ID number writes it (19900101):
// an ID number with a wrong check character is still one, mistyped.
func birthDate(ds string) bool {
	y, mo, d := ds[:2], ds[4:6], ds[6:8]
	return (y == "19" || y == "20") && mo >= "01" && mo <= "12" && d >= "01" && d <= "31"
}

// luhn is the card number check (ISO/IEC 7812).
func luhn(ds string) bool {
	sum := 0
	for i := 0; i < len(ds); i++ {
		c := ds[len(ds)-1-i]
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// cardPrefix is a card issuer's prefix: 银联 62, Visa 4, Mastercard
// 51–55, JCB 35, American Express 34 and 37. Many 银联 debit card numbers
// fail the Luhn check, so the prefix alone is enough.
func cardPrefix(ds string) bool {
	switch {
	case strings.HasPrefix(ds, "62"), ds[0] == '4', ds[0] == '5' && ds[1] >= '1' && ds[1] <= '5',
		strings.HasPrefix(ds, "35"), strings.HasPrefix(ds, "34"), strings.HasPrefix(ds, "37"):
		return true
	}
	return false
}

// phoneLabels say the number after them is a phone number.
var phoneLabels = []string{"电话", "手机", "座机", "联系号码", "联系方式", "tel", "Tel", "TEL", "phone", "Phone"}

// phoneLabel says whether a phone label ends just before rune i, past
// spaces, colons and a 为 or 是.
func (m *marks) phoneLabel(i int) bool {
	j := i - 1
	for j >= 0 && i-j < 5 && skippable(m.cs[j].r) {
		j--
	}
	if j < 0 {
		return false
	}
	end := m.cs[j].pos + m.cs[j].size
	for _, l := range phoneLabels {
		if strings.HasSuffix(m.s[:end], l) {
			return true
		}
	}
	return false
}

// skippable is what may stand between a phone label and its number.
func skippable(r rune) bool {
	switch r {
	case ':', '：', '为', '是', '(', '（', '+':
		return true
	}
	return isSep(r)
}
