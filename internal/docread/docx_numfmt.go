package docread

import (
	"strconv"
	"strings"
)

// formatNumber renders n in a Word number format (ST_NumberFormat).
// Formats seen in Chinese government documents are rendered as Word and
// LibreOffice print them; rarer ones fall back to decimal, which keeps
// the label's position and punctuation even when the digits differ.
func formatNumber(n int, format string) string {
	switch format {
	case "none":
		return ""
	case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
		"ideographLegalTraditional":
		return chineseCounting(n, cnDigits, cnUnits, "万")
	case "chineseLegalSimplified":
		return legalCounting(n)
	case "japaneseCounting", "japaneseLegal":
		return japaneseCounting(n)
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		return digitByDigit(n, []rune("〇一二三四五六七八九"))
	case "ideographTraditional":
		return cycle(n, []rune("甲乙丙丁戊己庚辛壬癸"))
	case "ideographZodiac":
		return cycle(n, []rune("子丑寅卯辰巳午未申酉戌亥"))
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		return enclosed(n, 0x2460) // ① … ⑳
	case "decimalEnclosedParen":
		return enclosed(n, 0x2474) // ⑴ … ⒇
	case "decimalEnclosedFullstop":
		return enclosed(n, 0x2488) // ⒈ … ⒛
	case "decimalFullWidth", "decimalFullWidth2":
		return digitByDigit(n, []rune("０１２３４５６７８９"))
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "lowerLetter":
		return letters(n, 'a')
	case "upperLetter":
		return letters(n, 'A')
	case "lowerRoman":
		return strings.ToLower(roman(n))
	case "upperRoman":
		return roman(n)
	}
	if pad, ok := strings.CutPrefix(format, "zeroPad"); ok {
		// Our own encoding of Word 2010's custom "001, 002, 003, ..." format.
		w, _ := strconv.Atoi(pad)
		s := strconv.Itoa(n)
		for len(s) < w && w <= 10 {
			s = "0" + s
		}
		return s
	}
	return strconv.Itoa(n)
}

var (
	cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	cnUnits  = []string{"", "十", "百", "千"}
)

// chineseCounting renders n the way a Chinese reader counts: 十, 十一,
// 二十一, 一百, 一百零一, 一百一十, 一万零五. 一十 is shortened to 十 only
// where it starts the number: 十一 and 十万, but 一百一十.
func chineseCounting(n int, digits, units []string, wan string) string {
	if n <= 0 {
		return digits[0]
	}
	if n >= 100000000 {
		return strconv.Itoa(n)
	}
	s := ""
	if high := n / 10000; high > 0 {
		s = group4(high, digits, units) + wan
		if low := n % 10000; low > 0 {
			if low < 1000 {
				s += digits[0]
			}
			s += group4(low, digits, units)
		}
	} else {
		s = group4(n, digits, units)
	}
	if units[1] == "十" && strings.HasPrefix(s, digits[1]+units[1]) {
		s = strings.TrimPrefix(s, digits[1])
	}
	return s
}

// group4 renders 1..9999 with a 零 for each run of inner zeros.
func group4(n int, digits, units []string) string {
	var b strings.Builder
	zero := false
	for i := 3; i >= 0; i-- {
		p := 1
		for range i {
			p *= 10
		}
		d := n / p % 10
		switch {
		case d == 0 && b.Len() > 0:
			zero = true
		case d != 0:
			if zero {
				b.WriteString(digits[0])
				zero = false
			}
			b.WriteString(digits[d])
			b.WriteString(units[i])
		}
	}
	return b.String()
}

// legalCounting renders the financial numerals (壹拾, 贰佰零叁) that Word
// calls chineseLegalSimplified; they never shorten 壹拾 to 拾.
func legalCounting(n int) string {
	return chineseCounting(n,
		[]string{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
		[]string{"", "拾", "佰", "仟"}, "万")
}

// japaneseCounting renders kanji numerals the Japanese way: no 零, and no
// 一 before 十, 百 or 千 (百十 for 110). Up to 99 it equals Chinese.
func japaneseCounting(n int) string {
	if n <= 0 || n >= 100000000 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	part := func(m int) {
		for i := 3; i >= 0; i-- {
			p := 1
			for range i {
				p *= 10
			}
			d := m / p % 10
			if d == 0 {
				continue
			}
			if d != 1 || i == 0 {
				b.WriteString(cnDigits[d])
			}
			b.WriteString(cnUnits[i])
		}
	}
	if high := n / 10000; high > 0 {
		part(high)
		b.WriteString("万")
	}
	part(n % 10000)
	return b.String()
}

func digitByDigit(n int, digits []rune) string {
	var b strings.Builder
	for _, c := range strconv.Itoa(n) {
		if c >= '0' && c <= '9' {
			b.WriteRune(digits[c-'0'])
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func cycle(n int, symbols []rune) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	return string(symbols[(n-1)%len(symbols)])
}

// enclosed renders 1..20 with the enclosed digits that start at first;
// Word prints plain digits beyond 20 and so do we.
func enclosed(n int, first rune) string {
	if n < 1 || n > 20 {
		return strconv.Itoa(n)
	}
	return string(first + rune(n-1))
}

// letters renders 1→a … 26→z, 27→aa, 28→bb: Word repeats the letter.
func letters(n int, a rune) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	c := string(a + rune((n-1)%26))
	return strings.Repeat(c, min((n-1)/26+1, 100))
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
