package docx

import (
	"strings"
	"unicode/utf8"
)

// titleChars is how many characters of 二号 (22 pt) a 156 mm line holds.
const titleChars = 20

// breakAfter are characters after which a title may break without
// splitting a word: 关于…的通报 breaks after 于, 的, a date's 年, 月, 度.
const breakAfter = "于的年月度和与及、，"

// TitleLines breaks a title too long for one line into lines that each
// fit, as GB/T 9704 asks (词意完整, 排列对称): at a place after one of
// breakAfter where there is one near the middle, else as near the middle
// as the line allows; never leaving one character alone on a line, as a
// suite's own wrap does (关于…的通 / 报). Latin letters and digits count
// as 0.6 of a character.
func TitleLines(title string) []string {
	runes := []rune(title)
	width := func(rs []rune) float64 {
		w := 0.0
		for _, r := range rs {
			if r < utf8.RuneSelf {
				w += 0.6
			} else {
				w++
			}
		}
		return w
	}
	total := width(runes)
	if total <= titleChars {
		return []string{title}
	}
	// The first line: the best break that leaves the rest to the lines
	// after it, scored by its distance from an even share.
	lines := int(total/titleChars) + 1
	share := total / float64(lines)
	best, bestScore := -1, 0.0
	for i := 2; i <= len(runes)-2; i++ {
		left := width(runes[:i])
		if left > titleChars {
			break
		}
		if runes[i-1] < utf8.RuneSelf && runes[i] < utf8.RuneSelf {
			continue // inside 2026 or a Latin word
		}
		score := abs(left - share)
		if strings.ContainsRune(breakAfter, runes[i-1]) {
			score -= 3
		}
		if best < 0 || score < bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return []string{title}
	}
	return append([]string{string(runes[:best])}, TitleLines(string(runes[best:]))...)
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
