package plandoc

import (
	"strconv"
	"unicode/utf8"
)

// label recognises the label of body line i. Besides matchLabel it takes
// an arabic label followed directly by digits (3.10月底前完成, 7.365工程)
// when it starts the line and continues the count of the numbers before
// it: matchLabel turns these down so that a decimal (1.5万) is never a
// label, but a line that begins with the next number of the list is an
// item.
func (o *outliner) label(i int) (kind, label string, n int) {
	s := o.body[i].text
	if kind, label, n = matchLabel(s); n > 0 {
		return kind, label, n
	}
	num, rest := spanOf(s, isDigit)
	if num == "" || utf8.RuneCountInString(num) > 3 {
		return "", "", 0
	}
	sep, size := utf8.DecodeRuneInString(rest)
	if sep != '.' && sep != '．' && sep != '、' {
		return "", "", 0
	}
	if next, _ := utf8.DecodeRuneInString(rest[size:]); !isDigit(next) {
		return "", "", 0
	}
	v := atoi(asciiDigits(num))
	last := 0
	for _, it := range o.stack {
		if it.kind == kindNum {
			last = it.value
		}
	}
	switch {
	case last >= 1 && v == last+1:
	case last == 0 && v == 1 && o.nextNumbered(i, 2):
	default:
		return "", "", 0
	}
	return kindNum, strconv.Itoa(v), len(num) + size
}

// nextNumbered reports whether an arabic item numbered want follows line i
// closely.
func (o *outliner) nextNumbered(i, want int) bool {
	for j := i + 1; j < len(o.body) && j < i+40; j++ {
		if kind, label, n := matchLabel(o.body[j].text); n > 0 && kind == kindNum {
			return label == strconv.Itoa(want)
		}
	}
	return false
}
