package plandoc

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// The forms a document's heading takes, and the signature block: what
// readMeta learns the title and the issuer from.

// issuingNotice matches the heading of a notice that issues a plan, with
// or without 关于; submatches 1 and 2 are the organ and the plan's name.
func issuingNotice(f string) []int {
	mm := noticeRe.FindStringSubmatchIndex(f)
	if mm == nil {
		if mm = noticeBareRe.FindStringSubmatchIndex(f); mm != nil && strings.Contains(f[mm[2]:mm[3]], "关于") {
			mm = nil
		}
	}
	if mm == nil || citingLead.MatchString(f[mm[2]:mm[3]]) || strings.Contains(f[mm[1]:], "。") {
		return nil // 根据市政府关于印发…的通知要求，…。 cites a notice in a sentence
	}
	return mm
}

// citingLead starts a sentence that cites a document rather than a heading.
var citingLead = regexp.MustCompile(`^(?:根据|按照|依据|依照|为|经|对|现将|遵照|结合)`)

// ownHeading finds, among the first lines before any numbered item, the
// heading of a document that carries its tasks itself (see ownHeadingRe).
// It returns the heading as the title, the organ before 关于 as issuer,
// and the index of the line after the heading.
func ownHeading(lines []line) (title, issuer string, end int, ok bool) {
	seen := 0
	for i := 0; i < len(lines) && seen < 25; i++ {
		l := lines[i]
		if l.table != nil {
			return "", "", 0, false
		}
		if l.text == "" {
			continue
		}
		seen++
		if _, _, n := matchLabel(l.text); n > 0 || annexLine.MatchString(l.f) {
			return "", "", 0, false
		}
		_, e := joinHeading(lines, i)
		for k := i + 1; k <= e; k++ {
			joined := headingText(lines[i:k])
			jf := fold(joined)
			if utf8.RuneCountInString(joined) > 100 || strings.ContainsAny(jf, "。；;：:") {
				break
			}
			if issuingNotice(jf) != nil || strings.Contains(jf, "关于印发") || strings.Contains(jf, "关于转发") {
				break // an issuing notice: its plan is elsewhere
			}
			if mm := ownHeadingRe.FindStringSubmatchIndex(jf); mm != nil {
				if mm[2] >= 0 {
					issuer = joined[mm[2]:mm[3]]
				}
				return joined, issuer, k, true
			}
		}
	}
	return "", "", 0, false
}

// noticeMatter is the plan that a notice heading names as its matter
// (某县人民政府关于2024年XX工作要点的通知 → 2024年XX工作要点), "" when
// the matter is no plan (关于推进XX试点的通知).
func noticeMatter(title string) string {
	f := fold(title)
	mm := ownHeadingRe.FindStringSubmatchIndex(f)
	if mm == nil || !strings.HasSuffix(f, "通知") {
		return ""
	}
	matter := strings.Trim(title[mm[4]:mm[5]], "《》")
	if !planKindRe.MatchString(fold(matter)) {
		return ""
	}
	return matter
}

// coverHeading ends the heading of a report or reply.
var coverHeading = regexp.MustCompile(`(?:报告|请示|复函|函|批复)$`)

// organSuffix ends the name of an organ that signs a document.
var organSuffix = regexp.MustCompile(`(?:政府|办公室|办公厅|委员会|委|局|厅|部|办|处|科|组|党组|中心|院|会|室|所|站|队|集团|公司)$`)

// signatureOrgan is the organ of the document's first signature block: a
// line naming an organ directly above a signing date (某市发展和改革委员会
// / 2021年5月6日), wherever the block stands (before the plan or after
// the notice).
func signatureOrgan(lines []line) string {
	prev := -1
	for i, l := range lines {
		if l.table != nil || l.text == "" {
			continue
		}
		if signingDate(l) != "" && prev >= 0 && isOrganLine(lines[prev]) && organSuffix.MatchString(lines[prev].f) {
			if _, _, n := matchLabel(lines[prev].text); n == 0 {
				return lines[prev].text
			}
		}
		prev = i
	}
	return ""
}
