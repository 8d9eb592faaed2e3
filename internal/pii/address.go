package pii

import "strings"

// Markers of the part of an address below the street. Those of
// buildingMarkers mean a building whatever stands before them; those of
// placeMarkers (号, 层…) only after a street, an estate or a building,
// for 〔2026〕12号, 3月1号 and 地铁12号线 are no one's home.
var (
	buildingMarkers = []string{"号楼", "单元", "栋", "幢", "室"}
	placeMarkers    = []string{"号院", "号", "层", "楼", "户", "座", "弄"}
)

// streetEnds are the last characters of what stands before a house
// number: a street (路, 街, 巷…), a village or an estate (村, 苑, 小区,
// 花园…), or a part already masked (号, 栋…).
const streetEnds = "路街道巷弄村区苑园庭府湾城里庄坊院厦寓场期座号栋幢楼元室层户舍"

// isHouseNumber is a character of a house or room number: digits (of any
// width), Latin letters, hyphens and Chinese numerals.
func isHouseNumber(r rune) bool {
	return isDigit(r) || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 'Ａ' && r <= 'Ｚ' ||
		r == '-' || r == '－' || strings.ContainsRune("一二三四五六七八九十百零〇两", r)
}

// addresses marks the numbers of the house, building, unit, floor and
// room (人民路**号*幢***室): the street and the estate stay, so that the
// public still sees where a matter is.
func (m *marks) addresses() {
	for i := 0; i < len(m.cs); i++ {
		marker, needsStreet := m.markerAt(i)
		if marker == 0 {
			continue
		}
		start := i
		for start > 0 && isHouseNumber(m.cs[start-1].r) {
			start--
		}
		if start == i {
			i += marker - 1
			continue
		}
		before := start - 1
		if before >= 0 && (m.cs[before].r == ' ' || m.cs[before].r == '\u3000') {
			before--
		}
		if before >= 0 && m.cs[before].r == '第' { // 第三单元, 第12号: an ordinal, not a home
			i += marker - 1
			continue
		}
		if needsStreet && (before < 0 || !strings.ContainsRune(streetEnds, m.cs[before].r)) {
			i += marker - 1
			continue
		}
		m.found(Address)
		for k := start; k < i; k++ {
			m.hide[k] = true
		}
		i += marker - 1
	}
}

// markerAt is the length in runes of the marker at rune i (0: none) and
// whether it counts only after a street.
func (m *marks) markerAt(i int) (int, bool) {
	rest := m.s[m.cs[i].pos:]
	for _, mk := range buildingMarkers {
		if strings.HasPrefix(rest, mk) {
			return len([]rune(mk)), false
		}
	}
	for _, mk := range placeMarkers {
		if strings.HasPrefix(rest, mk) {
			return len([]rune(mk)), true
		}
	}
	return 0, false
}
